import { describe, expect, it } from 'vitest';
import { newCustomer, testApp } from '../helpers.js';

describe('spec conformance helper', () => {
  it('accepts a created customer and a 204 empty list', async () => {
    const t = testApp();
    expect((await t.get('/customers')).status).toBe(204);
    const created = await t.post('/customers', newCustomer());
    expect(created.status).toBe(201);
    expect(created.body.store_credit).toBe('0.0000');
  });

  it('reports a body that breaks the spec', async () => {
    const { assertConforms } = await import('../helpers.js');
    expect(() =>
      assertConforms('GET', '/stores/x/v2/customers/1', {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'x-rate-limit-time-window-ms': '1',
          'x-rate-limit-time-reset-ms': '1',
          'x-rate-limit-requests-quota': '1',
          'x-rate-limit-requests-left': '1',
        },
        text: JSON.stringify({ id: 1, store_credit: 0 }),
      }),
    ).toThrow(/breaks the spec/);
  });
});
