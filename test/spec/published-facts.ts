/**
 * The facts we keep about BigCommerce's published Customers V2 document
 * (spec/customers.v2.published-facts.json): its operations, their statuses and parameters. The
 * coverage test reads this file, never the document, so a clone needs nothing beside it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { basePathOf, isNode, operationsOf, type OperationFacts } from './openapi-operations.js';

/** Where the facts live in the repository. */
export const FACTS_PATH = fileURLToPath(
  new URL('../../spec/customers.v2.published-facts.json', import.meta.url),
);

/** The facts file. */
export interface PublishedFacts {
  /** What the file is and how to refresh it. */
  about: string;
  /** Which document the facts were taken from. */
  source: { title: string; version: string; openapi: string; sha256: string };
  /** The path prefix of the document's server URL; `operations[].path` are below it. */
  basePath: string;
  operations: OperationFacts[];
}

const ABOUT =
  "Facts taken from BigCommerce's published Customers V2 OpenAPI document: each operation's method, path " +
  '(below basePath), status codes, query and header parameters, and whether it takes a body. ' +
  'test/spec/spec-coverage.test.ts checks spec/customers.v2.yaml against them. ' +
  'Refresh with: npm run spec:facts -- <path of the published document>';

/** Reduces a published document (its YAML or JSON text) to the facts the coverage test needs. */
export function publishedFactsOf(text: string): PublishedFacts {
  const doc: unknown = parse(text);
  if (!isNode(doc) || typeof doc.openapi !== 'string' || !isNode(doc.paths)) {
    throw new Error('not an OpenAPI 3 document: it needs `openapi` and `paths`');
  }
  const info = isNode(doc.info) ? doc.info : {};
  const operations = operationsOf(doc);
  if (operations.length === 0) throw new Error('the document has no operations');
  return {
    about: ABOUT,
    source: {
      title: String(info.title ?? ''),
      version: String(info.version ?? ''),
      openapi: doc.openapi,
      sha256: createHash('sha256').update(text).digest('hex'),
    },
    basePath: basePathOf(doc),
    operations,
  };
}

/** Reads the committed facts file. */
export function readPublishedFacts(file = FACTS_PATH): PublishedFacts {
  const facts = JSON.parse(readFileSync(file, 'utf8')) as PublishedFacts;
  if (!Array.isArray(facts.operations) || typeof facts.basePath !== 'string') {
    throw new Error(`${file} is not a facts file; refresh it with npm run spec:facts -- <document>`);
  }
  return facts;
}
