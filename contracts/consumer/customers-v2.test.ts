/**
 * Consumer contract tests: the typed client against a Pact mock server, one pact for the pair
 * bc-fakestore-client ↔ bigcommerce-customers-v2. The pact is written to a temporary directory and
 * must equal the committed one in contracts/pacts; `npm run pact:consumer` regenerates that.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactV4 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizePact, readPact } from '../../src/pacts/pact-files.js';
import { addressCases } from './address-cases.js';
import { customerCases } from './customer-cases.js';
import { groupCases } from './group-cases.js';
import { CONSUMER, PROVIDER } from './pact-shapes.js';

process.env.PACT_DO_NOT_TRACK ??= '1';

const PACT_NAME = `${CONSUMER}-${PROVIDER}.json`;
const COMMITTED = fileURLToPath(new URL(`../pacts/${PACT_NAME}`, import.meta.url));
/** `PACT_UPDATE=1` (npm run pact:consumer) copies the written pact over the committed one. */
const UPDATE = process.env.PACT_UPDATE === '1';

const outDir = mkdtempSync(join(tmpdir(), 'bc-fakestore-pacts-'));
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: outDir, logLevel: 'warn' });
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe(`${CONSUMER} ↔ ${PROVIDER}`, () => {
  for (const [group, cases] of [
    ['customers', customerCases],
    ['addresses', addressCases],
    ['customer groups', groupCases],
  ] as const) {
    describe(group, () => {
      for (const c of cases) {
        it(c.behaviour, async () => {
          await c.interaction(pact.addInteraction()).executeTest((server) => c.run(server.url));
        });
      }
    });
  }

  it('writes the same pact as the committed one (npm run pact:consumer regenerates it)', () => {
    const written = join(outDir, PACT_NAME);
    expect(existsSync(written), `no pact was written to ${written}`).toBe(true);
    if (UPDATE) copyFileSync(written, COMMITTED);
    expect(existsSync(COMMITTED), `${COMMITTED} is missing: run npm run pact:consumer`).toBe(true);
    expect(
      normalizePact(readPact(COMMITTED)),
      'the committed pact differs from what the consumer tests produce: run npm run pact:consumer and review the diff',
    ).toEqual(normalizePact(readPact(written)));
  });
});
