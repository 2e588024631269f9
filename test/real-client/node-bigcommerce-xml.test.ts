/**
 * node-bigcommerce 4.1.0, unmodified, in XML mode (`responseType: 'xml'`): it appends `.xml` to
 * every path (before the query), sends `Accept: application/xml` and JSON bodies, and resolves an
 * answer that is not JSON as its raw text. The test reads that text as a legacy integration
 * would (a generic XML parser) and compares it with what the same client gets in JSON mode.
 * Every answer is checked against the spec as well.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/app.js';
import { freshHash, newAddress, newCustomer, READ_ONLY, TOKEN } from '../helpers.js';
import { tappedServer, type TappedServer } from '../helpers-server-tap.js';
import { BigCommerce, failure, FakeStoreAgent, type BigCommerceClient } from './node-bigcommerce-client.js';

let tap: TappedServer | undefined;

afterEach(async () => {
  await tap?.close();
  tap = undefined;
});

/** A tapped fake, and an XML-mode and a JSON-mode client bound to the same fresh store of it. */
async function setup(
  options: AppOptions = {},
  client: { token?: string; failOnLimitReached?: boolean } = {},
) {
  tap = await tappedServer(options);
  const storeHash = freshHash();
  const make = (responseType: 'json' | 'xml'): BigCommerceClient =>
    new BigCommerce({
      accessToken: client.token ?? TOKEN,
      clientId: 'any-client-id',
      storeHash,
      responseType,
      apiVersion: 'v2',
      agent: new FakeStoreAgent((tap as TappedServer).port),
      failOnLimitReached: client.failOnLimitReached ?? false,
    });
  return { xml: make('xml'), json: make('json'), storeHash, tap };
}

/** An XML document as a generic parser gives it. */
type Parsed = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A generic XML parser, as an integration would use one: it turns numeric text into numbers
 * (so `0.0000` reads as 0), which is why money is checked on the text itself.
 */
const parser = new XMLParser({ ignoreAttributes: false });
function parse(text: unknown): Parsed {
  expect(typeof text).toBe('string');
  expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n</);
  return parser.parse(text as string) as Parsed;
}

describe('node-bigcommerce 4.1.0 in XML mode against the fake', () => {
  it('creates, reads, lists, counts and updates a customer, getting XML text for each', async () => {
    const { xml, json, storeHash, tap } = await setup();

    const text = await xml.post(
      '/customers',
      newCustomer(1, { _authentication: { password: 'S3cret-pass' } }),
    );
    expect(text).toContain('<store_credit>0.0000</store_credit><registration_ip_address>');
    const created = parse(text);
    expect(created.customer).toMatchObject({
      id: 1,
      email: 'jane.doe1@example.com',
      form_fields: 'NULL',
      reset_pass_on_login: false,
    });
    expect(created.customer.addresses.link).toEqual({
      '@_rel': 'resource',
      '@_href': `https://api.bigcommerce.com/stores/${storeHash}/v2/customers/1/addresses.xml`,
      '#text': '/customers/1/addresses',
    });
    expect(created.customer).not.toHaveProperty('_authentication');

    const asJson = await json.get('/customers/1');
    const one = parse(await xml.get('/customers/1')).customer;
    for (const key of ['id', 'first_name', 'last_name', 'email', 'date_created', 'customer_group_id'])
      expect(String(one[key])).toBe(String(asJson[key]));

    const listed = parse(await xml.get('/customers?email=jane.doe1@example.com'));
    expect(listed.customers.customer.id).toBe(1);
    expect(parse(await xml.get('/customers/count')).response).toEqual({ count: 1 });

    const updated = await xml.put('/customers/1', { phone: '512-555-0199', store_credit: 12.5 });
    expect(updated).toContain('<phone>512-555-0199</phone>');
    expect(updated).toContain('<store_credit>12.5000</store_credit>');
    expect(parse(updated).customer.id).toBe(1);
    expect(parse(await xml.post('/customers/1/validate', { password: 'S3cret-pass' })).response).toEqual({
      success: true,
    });
    const urls = tap.exchanges.map((x) => x.url.replace(`/stores/${storeHash}/v2`, ''));
    expect(urls).toEqual([
      '/customers.xml',
      '/customers/1',
      '/customers/1.xml',
      '/customers.xml?email=jane.doe1@example.com',
      '/customers/count.xml',
      '/customers/1.xml',
      '/customers/1/validate.xml',
    ]);
    expect(tap.violations()).toEqual([]);
  });

  it('resolves an empty list and every delete as "", as in JSON mode', async () => {
    const { xml, tap } = await setup();
    expect(await xml.get('/customers')).toBe('');
    await xml.post('/customers', newCustomer(1));
    await xml.post('/customers/1/addresses', newAddress());
    expect(await xml.delete('/customers/1/addresses/1')).toBe('');
    expect(await xml.get('/customers/1/addresses')).toBe('');
    expect(await xml.delete('/customers/1')).toBe('');
    expect(await xml.get('/customers?email=jane.doe1@example.com')).toBe('');
    expect(tap.violations()).toEqual([]);
  });

  it('gets addresses and groups with their nested lists as <value> elements', async () => {
    const { xml, tap } = await setup();
    const text = await xml.post('/customer_groups', {
      name: 'Trade',
      category_access: { type: 'specific', categories: [7, 12] },
      discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
    });
    expect(text).toContain(
      '<discount_rules><value><type>all</type><method>percent</method><amount>5.0000</amount></value></discount_rules>',
    );
    const group = parse(text).customer_group;
    expect(group.category_access).toEqual({ type: 'specific', categories: { value: [7, 12] } });

    await xml.post('/customers', newCustomer(1, { customer_group_id: group.id }));
    await xml.post('/customers/1/addresses', newAddress());
    await xml.post('/customers/1/addresses', newAddress({ city: 'Dallas', zip: '75201' }));
    const page = parse(await xml.get('/customers/1/addresses?limit=1&page=2'));
    expect(page.addresses.address).toMatchObject({ city: 'Dallas', zip: 75201, country_iso2: 'US' });
    expect(parse(await xml.get('/customers/1/addresses/count')).response.count).toBe(2);
    const groups = parse(await xml.get('/customer_groups?name=Trade'));
    expect(groups.customer_groups.customer_group.name).toBe('Trade');
    expect(tap.violations()).toEqual([]);
  });

  it('rejects with the status as code and the XML error as responseBody', async () => {
    const { xml, tap } = await setup();
    await xml.post('/customers', newCustomer(1));

    const duplicate = await failure(
      xml.post('/customers', newCustomer(2, { email: 'jane.doe1@example.com' })),
    );
    expect(duplicate.code).toBe(400);
    expect(duplicate.message).toMatch(/^Request returned error code: 400 and body: <\?xml/);
    expect(parse(duplicate.responseBody).errors.error).toEqual({
      status: 400,
      message: "The field 'email' is invalid.",
      details: { invalid_reason: 'This email address is already in use by a customer.' },
    });

    const missing = await failure(xml.get('/customers/99'));
    expect(missing.code).toBe(404);
    expect(parse(missing.responseBody).errors.error.status).toBe(404);
    expect(tap.violations()).toEqual([]);
  });

  it('gets the gateway 403 as an XML <error> with a read-only token', async () => {
    const { xml, tap } = await setup({}, { token: READ_ONLY });
    const err = await failure(xml.post('/customers', newCustomer(1)));
    expect(err.code).toBe(403);
    expect(parse(err.responseBody).error).toMatchObject({
      status: 403,
      title: "You don't have a required scope to access the endpoint",
    });
    expect(tap.violations()).toEqual([]);
  });

  it('reads X-Retry-After from a 429 when told to fail on the rate limit', async () => {
    const { xml, tap } = await setup(
      { rateLimit: { quota: 1, windowMs: 30_000 } },
      { failOnLimitReached: true },
    );
    expect(await xml.get('/customers')).toBe('');
    const err = await failure(xml.get('/customers'));
    expect(err.retryAfter).toBeGreaterThan(0);
    expect(err.retryAfter).toBeLessThanOrEqual(30);
    expect(tap.violations()).toEqual([]);
  });
});
