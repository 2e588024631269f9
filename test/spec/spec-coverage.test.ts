import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** BigCommerce's published document; the shared folder sits beside the clone, locally and in CI. */
const publishedPath = path.resolve(
  repoRoot,
  '..',
  'shared',
  'reference',
  'bigcommerce-customers.v2.published.yml',
);
const oursPath = path.join(repoRoot, 'spec', 'customers.v2.yaml');
/** Our paths carry the prefix that the published document keeps in its server URL. */
const PREFIX = '/stores/{store_hash}/v2';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

type Node = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  /** The path relative to the store prefix with every parameter name replaced by `{}`. */
  key: string;
  node: Node;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

const loadYaml = (file: string): Node => {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (!isNode(doc)) throw new Error(`${file} is not a YAML mapping`);
  return doc;
};

/** Follows local `$ref`s (`#/components/...`) until it reaches a node that is not a reference. */
function deref(doc: Node, value: unknown): unknown {
  let current = value;
  while (isNode(current) && typeof current.$ref === 'string') {
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    current = pointer.reduce<unknown>((node, part) => (isNode(node) ? node[part] : undefined), doc);
  }
  return current;
}

const normalize = (route: string): string => route.replace(/\{[^}]+\}/g, '{}');

function operationsOf(doc: Node, prefix: string): Operation[] {
  const paths = isNode(doc.paths) ? doc.paths : {};
  return Object.entries(paths).flatMap(([route, item]) =>
    METHODS.flatMap((method) => {
      const node = isNode(item) ? item[method] : undefined;
      if (!isNode(node)) return [];
      const relative = route.startsWith(prefix) ? route.slice(prefix.length) : route;
      return [
        {
          method: method.toUpperCase(),
          path: route,
          key: `${method.toUpperCase()} ${normalize(relative)}`,
          node,
        },
      ];
    }),
  );
}

const statusesOf = (operation: Operation): string[] =>
  Object.keys(isNode(operation.node.responses) ? operation.node.responses : {});

/** A list answers 200 with a JSON array. */
function isList(doc: Node, operation: Operation): boolean {
  if (operation.method !== 'GET') return false;
  const ok = deref(doc, isNode(operation.node.responses) ? operation.node.responses['200'] : undefined);
  const content = isNode(ok) && isNode(ok.content) ? ok.content['application/json'] : undefined;
  const schema = deref(doc, isNode(content) ? content.schema : undefined);
  return isNode(schema) && schema.type === 'array';
}

const published = loadYaml(publishedPath);
const ours = loadYaml(oursPath);
const publishedOps = operationsOf(published, '');
const ourOps = operationsOf(ours, PREFIX);
const ourKeys = new Set(ourOps.map((operation) => operation.key));
const name = (operation: Operation): string => String(operation.node.operationId ?? operation.key);
const lists = ourOps.filter((operation) => isList(ours, operation));
const bodyTaking = ourOps.filter((operation) => operation.node.requestBody !== undefined);

describe('spec/customers.v2.yaml against the published document', () => {
  it('finds operations in both documents', () => {
    expect(publishedOps.length).toBeGreaterThan(0);
    expect(ourOps.length).toBeGreaterThanOrEqual(publishedOps.length);
  });

  it('keeps every path of ours under the store prefix', () => {
    expect(ourOps.filter((operation) => !operation.path.startsWith(`${PREFIX}/`)).map(name)).toEqual([]);
  });

  it.each(publishedOps.map((operation) => [operation.key]))(
    'has an operation for the published %s',
    (key) => {
      expect(ourKeys.has(key), `spec/customers.v2.yaml has no ${key} (under ${PREFIX})`).toBe(true);
    },
  );
});

describe('responses every operation of spec/customers.v2.yaml declares', () => {
  it.each(ourOps.map((operation) => [name(operation), operation] as const))(
    '%s declares 401, 403 and 429',
    (_name, operation) => {
      expect(statusesOf(operation)).toEqual(expect.arrayContaining(['401', '403', '429']));
    },
  );

  it('recognizes the list operations', () => {
    expect(lists.map(name).sort()).toEqual(['listCustomerAddresses', 'listCustomerGroups', 'listCustomers']);
  });

  it.each(lists.map((operation) => [name(operation), operation] as const))(
    'list %s declares 204 for an empty collection',
    (_name, operation) => {
      expect(statusesOf(operation)).toContain('204');
    },
  );

  it.each(bodyTaking.map((operation) => [name(operation), operation] as const))(
    '%s takes a body and declares 400, 413 and 415',
    (_name, operation) => {
      expect(statusesOf(operation)).toEqual(expect.arrayContaining(['400', '413', '415']));
    },
  );
});
