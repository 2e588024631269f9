/**
 * Pact ↔ spec: every interaction of the committed pacts must be allowed by spec/customers.v2.yaml
 * (checked with @pactflow/swagger-mock-validator); a pact expecting what the spec does not promise fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkPactsAgainstSpec,
  formatSpecCheckReport,
  listPactFiles,
  readPact,
  type PactFile,
} from '../src/pacts/index.js';

const PACTS = fileURLToPath(new URL('./pacts', import.meta.url));
const SPEC = fileURLToPath(new URL('../spec/customers.v2.yaml', import.meta.url));

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-spec-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One interaction of the committed pact, changed, alone in a scratch pact file (one is faster to check). */
function brokenPact(description: string, change: (i: PactFile['interactions'][number]) => void): string {
  const [file] = listPactFiles(PACTS);
  const pact = readPact(file as string);
  const interaction = pact.interactions.find((i) => i.description === description);
  if (!interaction) throw new Error(`the committed pact has no interaction '${description}'`);
  change(interaction);
  pact.interactions = [interaction];
  const out = join(scratch, `${description.replace(/\W+/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(pact));
  return out;
}

const bodyOf = (part: Record<string, unknown>) => (part.body as { content: Record<string, unknown> }).content;

describe('pacts against the spec', () => {
  it('allows every interaction of the committed pacts', async () => {
    const report = await checkPactsAgainstSpec({ spec: SPEC, pacts: [PACTS] });
    expect(report.ok, formatSpecCheckReport(report)).toBe(true);
    expect(report.pacts.flatMap((p) => p.warnings)).toEqual([]);
    expect(report.pacts.reduce((n, p) => n + p.interactions, 0)).toBeGreaterThanOrEqual(26);
  });

  it('fails a pact expecting store_credit as a number, naming the interaction and the field', async () => {
    const file = brokenPact('a request for a customer', (i) => {
      bodyOf(i.response).store_credit = 12.5;
    });
    const report = await checkPactsAgainstSpec({ spec: SPEC, pacts: [file] });
    expect(report.ok).toBe(false);
    const [error] = report.pacts[0]?.errors ?? [];
    expect(error?.interaction).toBe('a request for a customer (given a customer with email {email} exists)');
    expect(error?.pactLocation).toMatch(/response\.body\.store_credit$/);
    expect(error?.message).toMatch(/must be string/);
    expect(formatSpecCheckReport(report)).toContain('✗ a request for a customer (given');
  });

  it('fails a pact whose request sends a field the spec does not define', async () => {
    const file = brokenPact('a request to create a customer', (i) => {
      bodyOf(i.request).nickname = 'JD';
    });
    const report = await checkPactsAgainstSpec({ spec: SPEC, pacts: [file] });
    expect(report.ok).toBe(false);
    const [error] = report.pacts[0]?.errors ?? [];
    expect(error?.interaction).toBe('a request to create a customer (given no customers exist)');
    expect(error?.code).toBe('request.body.incompatible');
    expect(error?.message).toMatch(/additional properties/);
  });
});
