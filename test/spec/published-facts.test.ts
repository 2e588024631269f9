import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FACTS_PATH, publishedFactsOf, readPublishedFacts } from './published-facts.js';

const SCRIPT = fileURLToPath(new URL('./refresh-published-facts.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-facts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small published-style document: server prefix, path-level and $ref parameters, two methods. */
const DOCUMENT = stringify({
  openapi: '3.0.1',
  info: { title: 'Widgets', version: '1' },
  servers: [{ url: 'https://api.example.test/stores/{store_hash}/v2' }],
  paths: {
    '/widgets': {
      parameters: [{ $ref: '#/components/parameters/Accept' }],
      get: {
        operationId: 'getWidgets',
        parameters: [{ name: 'page', in: 'query' }, { $ref: '#/components/parameters/Name' }],
        responses: { '200': { description: 'ok' } },
      },
      post: {
        operationId: 'createWidget',
        requestBody: { content: {} },
        responses: { '207': { description: 'partly' }, '200': { description: 'ok' } },
      },
    },
  },
  components: {
    parameters: {
      Accept: { name: 'Accept', in: 'header' },
      Name: { name: 'name', in: 'query' },
    },
  },
});

const refresh = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { encoding: 'utf8' });

describe('facts of the published document', () => {
  it('reads operations, statuses, query and header parameters and bodies, following $refs', () => {
    const facts = publishedFactsOf(DOCUMENT);
    expect(facts.basePath).toBe('/stores/{store_hash}/v2');
    expect(facts.source).toMatchObject({ title: 'Widgets', version: '1', openapi: '3.0.1' });
    expect(facts.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.operations).toEqual([
      {
        method: 'GET',
        path: '/widgets',
        id: 'getWidgets',
        statuses: ['200'],
        query: ['name', 'page'],
        headers: ['Accept'],
        body: false,
      },
      {
        method: 'POST',
        path: '/widgets',
        id: 'createWidget',
        statuses: ['200', '207'],
        query: [],
        headers: ['Accept'],
        body: true,
      },
    ]);
  });

  it('refuses a document that is not OpenAPI', () => {
    expect(() => publishedFactsOf('title: not a spec\n')).toThrow(/not an OpenAPI 3 document/);
  });

  it('keeps the committed facts inside the repository, with the published operations in them', () => {
    const facts = readPublishedFacts();
    expect(FACTS_PATH.startsWith(fileURLToPath(new URL('../../spec/', import.meta.url)))).toBe(true);
    expect(facts.operations.length).toBeGreaterThan(0);
  });
});

describe('npm run spec:facts -- <document>', () => {
  it('writes the facts of the document given as an argument', () => {
    const document = join(scratch, 'published.yml');
    const out = join(scratch, 'facts.json');
    writeFileSync(document, DOCUMENT);
    const run = refresh(document, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote 2 operations of ${document}`);
    expect(readPublishedFacts(out)).toEqual(publishedFactsOf(DOCUMENT));
  });

  it('exits 2 with the usage line when no document is given', () => {
    const run = refresh();
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^usage: npm run spec:facts -- /)]);
  });

  it('exits 1 with one line naming a document it cannot read', () => {
    const run = refresh(join(scratch, 'missing.yml'), '--out', join(scratch, 'unused.json'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: cannot read facts from .*missing\.yml: ENOENT/),
    ]);
  });
});
