import { describe, expect, it } from 'vitest';
import { READ_ONLY, newCustomer, testApp } from '../helpers.js';

/** A test app with customer 1 whose password is `secret123`. */
async function withCustomer() {
  const t = testApp();
  await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
  return t;
}

describe('POST /customers/{id}/validate', () => {
  it('answers {"success": true} as a JSON boolean for the right password', async () => {
    const t = await withCustomer();
    const res = await t.post('/customers/1/validate', { password: 'secret123' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"success":true}');
  });

  it('answers {"success": false} as a JSON boolean for a wrong password', async () => {
    const t = await withCustomer();
    for (const password of ['secret124', 'SECRET123', '', 'secret123 ']) {
      const res = await t.post('/customers/1/validate', { password });
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"success":false}');
    }
  });

  it('answers false for a customer created without a password', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body).toEqual({
      success: false,
    });
  });

  it('answers 404 for an unknown customer', async () => {
    const t = await withCustomer();
    const res = await t.post('/customers/2/validate', { password: 'secret123' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('answers 400 without a password, with a non-string password or an extra field', async () => {
    const t = await withCustomer();
    const missing = await t.post('/customers/1/validate', {});
    expect(missing.status).toBe(400);
    expect(missing.body[0].message).toContain("'password'");
    expect((await t.post('/customers/1/validate', { password: 123 })).status).toBe(400);
    expect((await t.post('/customers/1/validate', { password: 'x', email: 'a@b.c' })).status).toBe(400);
  });

  it('is a write: a read-only token gets the 403 gateway object', async () => {
    const t = await withCustomer();
    const res = await t.post(
      '/customers/1/validate',
      { password: 'secret123' },
      { 'x-auth-token': READ_ONLY },
    );
    expect(res.status).toBe(403);
    expect(res.body.title).toBe("You don't have a required scope to access the endpoint");
  });

  it('validates the password of the customer in the path only', async () => {
    const t = await withCustomer();
    await t.post('/customers', newCustomer(2, { _authentication: { password: 'other456' } }));
    expect((await t.post('/customers/2/validate', { password: 'secret123' })).body.success).toBe(false);
    expect((await t.post('/customers/2/validate', { password: 'other456' })).body.success).toBe(true);
  });
});
