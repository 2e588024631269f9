import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deref, isNode, operationKey, operationsOf, type Node } from './openapi-operations.js';
import { readPublishedFacts } from './published-facts.js';

/** Facts of BigCommerce's published document, kept in the repository (npm run spec:facts refreshes them). */
const facts = readPublishedFacts();
const ours = parse(readFileSync(new URL('../../spec/customers.v2.yaml', import.meta.url), 'utf8')) as Node;
/** Our paths carry the prefix that the published document keeps in its server URL. */
const PREFIX = '/stores/{store_hash}/v2';

/**
 * Where spec/customers.v2.yaml leaves out, on purpose, a status or a query parameter that the
 * published document lists, and why. A departure the document no longer lists fails the test.
 */
const DEPARTURES: Record<string, { statuses?: string[]; query?: string[]; why: string }> = {
  'POST /customer_groups': {
    statuses: ['207'],
    why: 'the fake never fails the sitewide discount update that a 207 reports',
  },
  'PUT /customer_groups/{}': {
    statuses: ['207'],
    why: 'the fake never fails the sitewide discount update that a 207 reports',
  },
  'GET /customer_groups/{}': {
    statuses: ['400'],
    query: [
      'date_created',
      'date_created:max',
      'date_created:min',
      'date_modified',
      'date_modified:max',
      'date_modified:min',
      'is_default',
      'limit',
      'name',
      'page',
    ],
    why: "one group by id: the document copies the list's filters and its 400 onto it",
  },
  'DELETE /customer_groups/{}': {
    statuses: ['400'],
    why: 'the document gives this 400 no cause; deleting a group answers 204 or 404',
  },
  'DELETE /customers/{}/addresses': {
    query: ['limit', 'page'],
    why: 'deleting all addresses takes no paging',
  },
  'GET /customers/{}/addresses/{}': { query: ['limit', 'page'], why: 'one address by id takes no paging' },
  'GET /customers/{}/addresses/count': { query: ['limit', 'page'], why: 'a count takes no paging' },
};

const ourOps = operationsOf(ours);
const ourByKey = new Map(ourOps.map((operation) => [operationKey(operation, PREFIX), operation]));
const published = facts.operations.map((operation) => ({
  key: operationKey(operation, ''),
  operation,
}));
const name = (operation: { id?: string; method: string; path: string }): string =>
  operation.id ?? operationKey(operation, PREFIX);

/** A list answers 200 with a JSON array. */
function isList(operation: { method: string; path: string }): boolean {
  if (operation.method !== 'GET') return false;
  const item = isNode(ours.paths) ? ours.paths[operation.path] : undefined;
  const op = isNode(item) ? item.get : undefined;
  const ok = deref(ours, isNode(op) && isNode(op.responses) ? op.responses['200'] : undefined);
  const content = isNode(ok) && isNode(ok.content) ? ok.content['application/json'] : undefined;
  const schema = deref(ours, isNode(content) ? content.schema : undefined);
  return isNode(schema) && schema.type === 'array';
}

const lists = ourOps.filter(isList);
const bodyTaking = ourOps.filter((operation) => operation.body);

describe('spec/customers.v2.yaml against the facts of the published document', () => {
  it('finds operations in both documents', () => {
    expect(published.length).toBeGreaterThan(0);
    expect(ourOps.length).toBeGreaterThanOrEqual(published.length);
  });

  it('keeps every path of ours under the prefix the published document keeps in its server URL', () => {
    expect(facts.basePath).toBe(PREFIX);
    expect(ourOps.filter((operation) => !operation.path.startsWith(`${PREFIX}/`)).map(name)).toEqual([]);
  });

  it.each(published.map(({ key }) => [key]))('has an operation for the published %s', (key) => {
    expect(ourByKey.has(key), `spec/customers.v2.yaml has no ${key} (under ${PREFIX})`).toBe(true);
  });

  it.each(published.map(({ key, operation }) => [key, operation] as const))(
    'declares every status the published %s lists, unless it departs on purpose',
    (key, operation) => {
      const departed = DEPARTURES[key]?.statuses ?? [];
      const missing = operation.statuses.filter((s) => !ourByKey.get(key)?.statuses.includes(s));
      expect(missing, DEPARTURES[key]?.why).toEqual(departed);
    },
  );

  it.each(published.map(({ key, operation }) => [key, operation] as const))(
    'accepts every query parameter the published %s lists, unless it departs on purpose',
    (key, operation) => {
      const departed = DEPARTURES[key]?.query ?? [];
      const missing = operation.query.filter((q) => !ourByKey.get(key)?.query.includes(q));
      expect(missing, DEPARTURES[key]?.why).toEqual(departed);
    },
  );

  it('takes a body exactly where the published document does', () => {
    const differ = published.filter(({ key, operation }) => ourByKey.get(key)?.body !== operation.body);
    expect(differ.map(({ key }) => key)).toEqual([]);
  });

  it('names only published operations among its departures', () => {
    const keys = new Set(published.map(({ key }) => key));
    expect(Object.keys(DEPARTURES).filter((key) => !keys.has(key))).toEqual([]);
  });
});

describe('responses every operation of spec/customers.v2.yaml declares', () => {
  it.each(ourOps.map((operation) => [name(operation), operation] as const))(
    '%s declares 401, 403 and 429',
    (_name, operation) => {
      expect(operation.statuses).toEqual(expect.arrayContaining(['401', '403', '429']));
    },
  );

  it('recognizes the list operations', () => {
    expect(lists.map(name).sort()).toEqual(['listCustomerAddresses', 'listCustomerGroups', 'listCustomers']);
  });

  it.each(lists.map((operation) => [name(operation), operation] as const))(
    'list %s declares 204 for an empty collection',
    (_name, operation) => {
      expect(operation.statuses).toContain('204');
    },
  );

  it.each(bodyTaking.map((operation) => [name(operation), operation] as const))(
    '%s takes a body and declares 400, 413 and 415',
    (_name, operation) => {
      expect(operation.statuses).toEqual(expect.arrayContaining(['400', '413', '415']));
    },
  );
});
