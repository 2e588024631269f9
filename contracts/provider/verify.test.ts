/**
 * Provider verification: every committed pact replayed against the fake, each provider state set
 * through the fake's admin API on a clean store. A fake that breaks the contract must fail it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyPacts } from '../../src/pacts/index.js';
import { testServer } from '../../test/helpers.js';
import { faultyServer, storeCreditAsNumber } from '../../test/helpers-faulty.js';

process.env.PACT_DO_NOT_TRACK ??= '1';

const PACTS = fileURLToPath(new URL('../pacts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-verify-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('provider verification against the fake', () => {
  it('honours every interaction of the committed pacts', async () => {
    const server = await testServer();
    try {
      const report = await verifyPacts({ pacts: [PACTS], providerUrl: server.url, statesUrl: server.url });
      expect(report.ok, formatVerifyReport(report)).toBe(true);
      expect(report.interactions.length).toBeGreaterThanOrEqual(26);
      expect(report.stateErrors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('fails, naming the interaction and the field, when the fake answers store_credit as a number', async () => {
    const server = await faultyServer(storeCreditAsNumber);
    try {
      const report = await verifyPacts({ pacts: [PACTS], providerUrl: server.url, statesUrl: server.url });
      const text = formatVerifyReport(report);
      expect(report.ok).toBe(false);
      const failed = report.interactions.find((i) => i.name.startsWith('a request for a customer ('));
      expect(failed?.ok, text).toBe(false);
      expect(failed?.problems.join('\n')).toMatch(/\$\.store_credit/);
      expect(text).toMatch(/✗ a request for a customer \(given a customer with email \{email\} exists\)/);
      // Interactions without customers in the answer are not affected.
      expect(
        report.interactions.find((i) => i.name.startsWith('a request for the customer groups'))?.ok,
      ).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('refuses, before replaying anything, a pact naming an unknown state or two states for one interaction', async () => {
    const pact = JSON.parse(
      readFileSync(join(PACTS, 'bc-fakestore-client-bigcommerce-customers-v2.json'), 'utf8'),
    );
    const [first, second] = pact.interactions;
    first.providerStates = [{ name: 'a unicorn exists' }];
    second.providerStates = [{ name: 'no customers exist' }, { name: 'no customer groups exist' }];
    const file = join(scratch, 'bad-states.json');
    writeFileSync(file, JSON.stringify(pact));
    const report = await verifyPacts({
      pacts: [file],
      providerUrl: 'http://127.0.0.1:9',
      statesUrl: 'http://127.0.0.1:9',
    });
    expect(report.ok).toBe(false);
    expect(report.interactions).toEqual([]);
    expect(report.errors).toEqual([
      expect.stringContaining(`'${first.description}' in ${file}: Unknown provider state 'a unicorn exists'`),
      expect.stringContaining(`'${second.description}' in ${file} names 2 provider states`),
    ]);
  });
});
