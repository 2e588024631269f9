/**
 * The spec check on XML answers: it reads them back by the spec and validates them against the
 * same schemas as JSON, so a broken XML answer is reported like a broken JSON one.
 */
import { describe, expect, it } from 'vitest';
import { valueToXml } from '../../src/representation/xml.js';
import { answerBody, checkExchange, type ExchangeToCheck } from '../../src/spec-conformance.js';

const RATE = {
  'x-rate-limit-time-window-ms': '30000',
  'x-rate-limit-time-reset-ms': '30000',
  'x-rate-limit-requests-quota': '150',
  'x-rate-limit-requests-left': '149',
  'x-bc-store-version': '7.6.0',
  'last-modified': 'Mon, 06 May 2024 07:34:10 GMT',
};
const customer = {
  id: 5,
  company: '',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  phone: '',
  form_fields: null,
  date_created: 'Mon, 06 May 2024 07:34:10 +0000',
  date_modified: 'Mon, 06 May 2024 07:34:10 +0000',
  store_credit: '0.0000',
  registration_ip_address: '',
  customer_group_id: 0,
  notes: '',
  tax_exempt_category: '',
  reset_pass_on_login: false,
  accepts_marketing: false,
  addresses: {
    url: 'https://api.bigcommerce.com/stores/abc/v2/customers/5/addresses',
    resource: '/customers/5/addresses',
  },
};

const xmlAnswer = (url: string, status: number, body: string, type = 'application/xml'): ExchangeToCheck => ({
  method: 'GET',
  url,
  status,
  headers: { ...RATE, 'content-type': type },
  body,
});

describe('the spec check on XML answers', () => {
  it('passes a conforming XML customer, page and error, and reads them back as JSON', () => {
    const one = xmlAnswer('/stores/abc/v2/customers/5.xml', 200, valueToXml(customer, { root: 'customer' }));
    const page = xmlAnswer(
      '/stores/abc/v2/customers?limit=1',
      200,
      valueToXml([customer], { root: 'customers', item: 'customer' }),
    );
    const missing = xmlAnswer(
      '/stores/abc/v2/customers/9.xml',
      404,
      valueToXml([{ status: 404, message: 'The requested resource was not found.' }], {
        root: 'errors',
        item: 'error',
      }),
    );
    for (const x of [one, page, missing]) expect(checkExchange(x)).toEqual([]);
    expect(answerBody(one)).toEqual(customer);
    expect(answerBody(page)).toEqual([customer]);
  });

  it('reports an XML value that breaks the schema, as for JSON', () => {
    const broken = valueToXml({ ...customer, store_credit: '0' }, { root: 'customer' });
    expect(checkExchange(xmlAnswer('/stores/abc/v2/customers/5.xml', 200, broken))).toEqual([
      expect.stringMatching(/GET \/stores\/abc\/v2\/customers\/5\.xml → 200: body \/store_credit must match/),
    ]);
  });

  it('reports an XML answer whose root is not the one the spec names', () => {
    const wrong = valueToXml(customer, { root: 'customers' });
    expect(checkExchange(xmlAnswer('/stores/abc/v2/customers/5', 200, wrong))).toEqual([
      expect.stringMatching(/XML body has root <customers>, the spec names <customer> \[getCustomer\]/),
    ]);
  });

  it('reports an XML body that is not XML, and a content type the response does not declare', () => {
    expect(checkExchange(xmlAnswer('/stores/abc/v2/customers/5', 200, '{"id":5}'))).toEqual([
      expect.stringMatching(/XML body does not start with <\?xml/),
    ]);
    const notAcceptable = valueToXml([{ status: 406, message: 'No.' }], { root: 'errors', item: 'error' });
    expect(checkExchange(xmlAnswer('/stores/abc/v2/customers/5', 406, notAcceptable))).toEqual([
      expect.stringMatching(/content-type application\/xml is not declared for NotAcceptable/),
    ]);
    expect(checkExchange(xmlAnswer('/stores/abc/v2/customers/5', 200, '<x/>', 'text/xml'))).toEqual([
      expect.stringMatching(/content-type text\/xml is not declared for CustomerFound/),
    ]);
  });

  it('reports XML on an empty 204 as a body the spec does not declare', () => {
    const x = xmlAnswer('/stores/abc/v2/customers.xml', 204, valueToXml([], { root: 'customers' }));
    expect(checkExchange(x)).toEqual([expect.stringMatching(/the spec declares no body/)]);
  });
});
