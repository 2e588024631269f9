import { inject } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { worldFill } from '../../src/seed/index.js';
import { TOKEN, testApp, withTestBackend } from '../helpers.js';

describe('stores that load in the background', () => {
  it('answers other stores while a large seed loads, and the loading store once it is full', async () => {
    let loads = 0;
    const t = testApp({
      prime: (hash) => {
        if (hash !== 'big') return null;
        loads++;
        return worldFill({ storeHash: 'big', customers: 30_000 }, 1_000);
      },
    });
    const big = t.get('/stores/big/v2/customers/count');
    const order: string[] = [];
    void big.then(() => order.push('big'));
    const small = await t.get('/stores/small/v2/customers/count');
    order.push('small');
    expect(small.body).toEqual({ count: 0 });
    expect((await big).body).toEqual({ count: 30_000 });
    expect(order).toEqual(['small', 'big']);
    expect((await t.get('/stores/big/v2/customers/count')).body).toEqual({ count: 30_000 });
    expect(loads).toBe(1);
  });

  it('fails requests to a store whose load failed with a logged 500, not a hang', async () => {
    // A 500 is outside the spec by design, so this request bypasses the spec-checking helper.
    const lines: string[] = [];
    const app = createApp(
      withTestBackend({
        prime: () => ({
          // eslint-disable-next-line require-yield
          async *batches() {
            throw new Error('disk on fire');
          },
          fingerprint: () => null,
        }),
        log: (l) => lines.push(l),
      }),
    );
    const res = await inject(app.handle, {
      url: '/stores/s/v2/customers/count',
      headers: { 'x-auth-token': TOKEN },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()[0].status).toBe(500);
    expect(lines.some((l) => l.includes('disk on fire'))).toBe(true);
  });
});
