/** The XML writer on its own: JSON documents of the fake in, the platform's legacy XML out. */
import { describe, expect, it } from 'vitest';
import { jsonToXml, valueToXml, xmlNamesFor, xmlReply } from '../../src/representation/xml.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

const customer = {
  id: 1,
  company: 'BigCommerce',
  first_name: 'Philip',
  last_name: 'Muir',
  email: 'phil.muir@example.com',
  phone: '',
  form_fields: null,
  date_created: 'Tue, 16 Aug 2011 23:15:07 +0000',
  date_modified: 'Tue, 16 Aug 2011 23:16:37 +0000',
  store_credit: '0.0000',
  registration_ip_address: '10.1.1.102',
  customer_group_id: 0,
  notes: '',
  tax_exempt_category: '',
  reset_pass_on_login: false,
  accepts_marketing: true,
  addresses: {
    url: 'https://api.bigcommerce.com/stores/abc123/v2/customers/1/addresses',
    resource: '/customers/1/addresses',
  },
};

/** The XML of one customer field list, as the writer must produce it for `customer` above. */
const CUSTOMER_FIELDS =
  '<id>1</id><company>BigCommerce</company><first_name>Philip</first_name><last_name>Muir</last_name>' +
  '<email>phil.muir@example.com</email><phone></phone><form_fields>NULL</form_fields>' +
  '<date_created>Tue, 16 Aug 2011 23:15:07 +0000</date_created>' +
  '<date_modified>Tue, 16 Aug 2011 23:16:37 +0000</date_modified><store_credit>0.0000</store_credit>' +
  '<registration_ip_address>10.1.1.102</registration_ip_address><customer_group_id>0</customer_group_id>' +
  '<notes></notes><tax_exempt_category></tax_exempt_category><reset_pass_on_login>false</reset_pass_on_login>' +
  '<accepts_marketing>true</accepts_marketing><addresses><link rel="resource" ' +
  'href="https://api.bigcommerce.com/stores/abc123/v2/customers/1/addresses.xml">/customers/1/addresses</link>' +
  '</addresses>';

describe('the XML writer', () => {
  it('writes one customer as the legacy format shows it: fields in JSON order, NULL, booleans, the link', () => {
    expect(jsonToXml(JSON.stringify(customer), { root: 'customer' })).toBe(
      `${DECLARATION}<customer>${CUSTOMER_FIELDS}</customer>`,
    );
  });

  it('writes a page under the plural root with one singular element per item', () => {
    const page = JSON.stringify([customer, { ...customer, id: 2 }]);
    const xml = jsonToXml(page, { root: 'customers', item: 'customer' });
    expect(xml).toBe(
      `${DECLARATION}<customers><customer>${CUSTOMER_FIELDS}</customer>` +
        `<customer>${CUSTOMER_FIELDS.replace('<id>1</id>', '<id>2</id>')}</customer></customers>`,
    );
  });

  it('reads the JSON from UTF-8 bytes as well as from text', () => {
    const bytes = Buffer.from(JSON.stringify({ ...customer, notes: 'Grüße 🎉' }), 'utf8');
    expect(jsonToXml(bytes, { root: 'customer' })).toContain('<notes>Grüße 🎉</notes>');
  });

  it('writes array items as <value> elements: category ids, discount rules, form fields', () => {
    const group = {
      id: 3,
      category_access: { type: 'specific', categories: [7, 12] },
      discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }],
    };
    expect(valueToXml(group, { root: 'customer_group' })).toBe(
      `${DECLARATION}<customer_group><id>3</id><category_access><type>specific</type>` +
        '<categories><value>7</value><value>12</value></categories></category_access>' +
        '<discount_rules><value><type>all</type><method>percent</method><amount>5.0000</amount></value>' +
        '</discount_rules></customer_group>',
    );
    const fields = { form_fields: [{ name: 'License ID', value: null }] };
    expect(valueToXml(fields, { root: 'customer' })).toContain(
      '<form_fields><value><name>License ID</name><value>NULL</value></value></form_fields>',
    );
  });

  it('writes an empty string, array and object as an empty element written out', () => {
    expect(valueToXml({ notes: '', discount_rules: [], errors: {} }, { root: 'x' })).toBe(
      `${DECLARATION}<x><notes></notes><discount_rules></discount_rules><errors></errors></x>`,
    );
  });

  it('keeps spaces as they are (a state of one space stays one space)', () => {
    expect(valueToXml({ state: ' ', city: '  Austin ' }, { root: 'address' })).toContain(
      '<state> </state><city>  Austin </city>',
    );
  });

  it('escapes markup characters in text and in the link href', () => {
    const xml = valueToXml(
      {
        notes: `<b>"Tom" & 'Jerry'</b>`,
        addresses: { url: 'https://x/?a=1&b="2"', resource: '/a&b' },
      },
      { root: 'customer' },
    );
    expect(xml).toContain('<notes>&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;</notes>');
    expect(xml).toContain('href="https://x/?a=1&amp;b=&quot;2&quot;.xml">/a&amp;b</link>');
  });

  it('writes a carriage return as &#13; so that a parser does not turn it into a line feed', () => {
    expect(valueToXml({ notes: 'a\r\nb' }, { root: 'customer' })).toContain('<notes>a&#13;\nb</notes>');
  });

  it('writes characters XML 1.0 cannot carry as U+FFFD, and keeps tab, newline and astral ones', () => {
    const xml = valueToXml({ notes: 'a\u0000b\u001fc\ud800d\tE\n😀\ufffe' }, { root: 'customer' });
    expect(xml).toContain('<notes>a\ufffdb\ufffdc\ufffdd\tE\n😀\ufffd</notes>');
  });

  it('names the v2 error array errors of error, and the gateway object error', () => {
    const v2 = [
      { status: 400, message: "The field 'email' is invalid.", details: { invalid_reason: 'Taken.' } },
    ];
    expect(jsonToXml(JSON.stringify(v2), xmlNamesFor('createCustomer', 400, v2))).toBe(
      `${DECLARATION}<errors><error><status>400</status><message>The field &apos;email&apos; is invalid.</message>` +
        '<details><invalid_reason>Taken.</invalid_reason></details></error></errors>',
    );
    const gateway = { status: 403, title: 'No scope', type: 'https://example.test/codes', errors: {} };
    expect(valueToXml(gateway, xmlNamesFor(undefined, 403, gateway))).toBe(
      `${DECLARATION}<error><status>403</status><title>No scope</title>` +
        '<type>https://example.test/codes</type><errors></errors></error>',
    );
  });

  it('names counts and password checks response, and every resource after its operation', () => {
    expect(valueToXml({ count: 27 }, xmlNamesFor('countCustomers', 200, {}))).toBe(
      `${DECLARATION}<response><count>27</count></response>`,
    );
    expect(valueToXml({ success: true }, xmlNamesFor('validateCustomerPassword', 200, {}))).toBe(
      `${DECLARATION}<response><success>true</success></response>`,
    );
    expect(xmlNamesFor('listCustomerAddresses', 200, [])).toEqual({ root: 'addresses', item: 'address' });
    expect(xmlNamesFor('updateCustomerAddress', 200, {})).toEqual({ root: 'address' });
    expect(xmlNamesFor('listCustomerGroups', 200, [])).toEqual({
      root: 'customer_groups',
      item: 'customer_group',
    });
    expect(xmlNamesFor('createCustomerGroup', 201, {})).toEqual({ root: 'customer_group' });
  });
});

describe('xmlReply', () => {
  it('converts a JSON reply to XML with Content-Type application/xml, keeping status and headers', () => {
    const reply = xmlReply(
      { status: 201, bytes: Buffer.from(JSON.stringify(customer)), headers: { Location: '/x' } },
      'createCustomer',
    );
    expect(reply).toEqual({
      status: 201,
      headers: { Location: '/x', 'Content-Type': 'application/xml' },
      body: `${DECLARATION}<customer>${CUSTOMER_FIELDS}</customer>`,
    });
  });

  it('leaves a reply without a body (a 204) as it is', () => {
    const empty = { status: 204, headers: { 'X-Test': '1' } };
    expect(xmlReply(empty, 'deleteCustomer')).toBe(empty);
  });

  it('answers a 500 error in XML instead of throwing when the JSON cannot be read', () => {
    const reply = xmlReply({ status: 200, body: '{not json' }, 'getCustomer');
    expect(reply.status).toBe(500);
    expect(reply.headers).toEqual({ 'Content-Type': 'application/xml' });
    expect(reply.body).toMatch(/^<\?xml [^>]+\?>\n<errors><error><status>500<\/status><message>/);
  });
});
