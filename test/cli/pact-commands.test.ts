import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { testServer } from '../helpers.js';
import { testIo } from './cli-io.js';
import { faultyServer, storeCreditAsNumber } from '../helpers-faulty.js';
import { PACT, pactOf } from './pact-fixtures.js';

process.env.PACT_DO_NOT_TRACK ??= '1';

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-cli-pacts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: string[]) {
  const t = testIo();
  const code = await main(args, t.io);
  return { code, out: t.out.join('\n'), err: t.err.join('\n') };
}

/** The committed pact reduced to one interaction (checks of one are fast), optionally changed. */
const onePact = (description: string, change?: Parameters<typeof pactOf>[2]): string =>
  pactOf(scratch, [description], change);

describe('bc-fakestore check-pacts', () => {
  it('exits 0 when every interaction of the pacts is allowed by the spec', async () => {
    const { code, out } = await run(['check-pacts', '--pacts', onePact('a request for a customer')]);
    expect(code).toBe(0);
    expect(out).toMatch(/bc-fakestore-client → bigcommerce-customers-v2 .*: 1 interactions, OK/);
    expect(out).toContain('Every interaction of 1 pact(s) is allowed by');
  });

  it('exits 1 and names the interaction and the field the spec does not allow', async () => {
    const numeric = onePact('a request for a customer', (i) => (i.response.body.content.store_credit = 0));
    const { code, out } = await run(['check-pacts', '--pacts', numeric]);
    expect(code).toBe(1);
    expect(out).toContain('✗ a request for a customer (given a customer with email {email} exists)');
    expect(out).toMatch(/response\.body\.store_credit/);
    expect(out).toContain('1 of 1 pact(s) expect what');
  });

  it('exits 1 with a one-line error for a path that holds no pacts', async () => {
    const { code, err } = await run(['check-pacts', '--pacts', join(scratch, 'missing')]);
    expect(code).toBe(1);
    expect(err).toMatch(/^error: No pact file or directory at '.*missing'\.$/);
  });
});

describe('bc-fakestore verify', () => {
  it('starts the fake itself and verifies every interaction, exit 0', async () => {
    const { code, out } = await run(['verify', '--pacts', PACT]);
    expect(code, out).toBe(0);
    expect(out).toMatch(/^Started the fake at http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/✓ a request for a customer \(given a customer with email \{email\} exists\)/);
    expect(out).toMatch(/All \d+ interactions verified\.$/);
  });

  it('maps the pacts’ store and tokens to the provider’s, setting states through --states-url', async () => {
    const server = await testServer({
      tokens: [
        { token: 'sandbox-full', scope: 'store_v2_customers' },
        { token: 'sandbox-ro', scope: 'store_v2_customers_read_only' },
      ],
      adminToken: 'sandbox-admin',
    });
    try {
      const { code, out } = await run([
        'verify',
        '--pacts',
        PACT,
        '--provider-url',
        server.url,
        '--states-url',
        server.url,
        '--admin-token',
        'sandbox-admin',
        '--store-hash',
        'sandbox1',
        '--token',
        'sandbox-full',
        '--read-only-token',
        'sandbox-ro',
      ]);
      expect(code, out).toBe(0);
      expect(server.app.stores.has('sandbox1')).toBe(true);
      expect(server.app.stores.has('pactstore')).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('exits 1 naming the interaction and the field when the provider breaks the contract', async () => {
    const server = await faultyServer(storeCreditAsNumber);
    try {
      const args = ['verify', '--pacts', PACT, '--provider-url', server.url, '--states-url', server.url];
      const { code, out } = await run(args);
      expect(code).toBe(1);
      expect(out).toMatch(
        /✗ a request for a customer \(given a customer with email \{email\} exists\)\n\s+body \$\.store_credit: /,
      );
      expect(out).toMatch(/Verification FAILED: \d+ of \d+ interactions failed\./);
    } finally {
      await server.close();
    }
  });

  it('says so when the provider’s states cannot be set, and still verifies what needs no data', async () => {
    const server = await testServer();
    try {
      const readOnlyWrite = onePact('a request to change a customer with a read-only token');
      const args = ['verify', '--pacts', readOnlyWrite, '--provider-url', server.url, '--allow-writes'];
      const { code, out } = await run(args);
      expect(code, out).toBe(0);
      expect(out).toContain(`Provider ${server.url} (provider states not set)`);
      expect(out).toContain('note: Provider states were not set');
    } finally {
      await server.close();
    }
  });

  it('reports a broker that serves no pacts as an error, exit 1', async () => {
    const broker = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
    const brokerUrl = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
    try {
      const { code, out } = await run(['verify', '--broker-url', brokerUrl]);
      expect(code).toBe(1);
      expect(out).toMatch(/error: .*bigcommerce-customers-v2/);
      expect(out).toMatch(/Verification FAILED: 0 of 0 interactions failed, and 1 error\(s\) outside them\./);
    } finally {
      broker.closeAllConnections();
      await new Promise((resolve) => broker.close(resolve));
    }
  });

  it('refuses to replay writes on a provider whose states cannot be set, unless --allow-writes (exit 2)', async () => {
    const { code, err } = await run(['verify', '--provider-url', 'https://api.bigcommerce.com']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^error: verifying https:\/\/api\.bigcommerce\.com replays the pacts' writes .*--allow-writes/,
    );
  });

  it('exits 1 with a one-line error for a path that holds no pacts', async () => {
    const { code, err } = await run(['verify', '--pacts', join(scratch, 'missing')]);
    expect(code).toBe(1);
    expect(err).toMatch(/^error: No pact file or directory at '.*missing'\.$/);
  });
});
