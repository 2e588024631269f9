import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../src/config.js';
import { parseCustomerQuery, parseGroupQuery, parsePage } from '../../src/query.js';

const params = (q: string) => new URLSearchParams(q);

/** The status and message a parser throws, or the value it returns. */
function outcome<T>(parse: () => T): T | { status: number; message: string } {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, message: err.message };
    throw err;
  }
}

const invalid = (field: string) => ({ status: 400, message: `The field '${field}' is invalid.` });
const ms = (iso: string) => Date.parse(iso);

describe('parsePage', () => {
  it('has the platform defaults', () => {
    expect(DEFAULT_LIMIT).toBe(50);
    expect(MAX_LIMIT).toBe(250);
  });

  const cases: { given: string; want: unknown }[] = [
    { given: '', want: { page: 1, limit: 50 } },
    { given: 'page=3', want: { page: 3, limit: 50 } },
    { given: 'limit=1', want: { page: 1, limit: 1 } },
    { given: 'limit=250&page=2', want: { page: 2, limit: 250 } },
    { given: 'page=1&page=4', want: { page: 4, limit: 50 } },
    {
      given: 'limit=251',
      want: { status: 413, message: 'The limit parameter exceeded the maximum of 250.' },
    },
    {
      given: 'limit=100000',
      want: { status: 413, message: 'The limit parameter exceeded the maximum of 250.' },
    },
    { given: 'page=0', want: invalid('page') },
    { given: 'page=-1', want: invalid('page') },
    { given: 'page=abc', want: invalid('page') },
    { given: 'page=', want: invalid('page') },
    { given: 'page=1.5', want: invalid('page') },
    { given: 'page=1e3', want: invalid('page') },
    { given: 'page=99999999999999999999', want: invalid('page') },
    { given: 'limit=0', want: invalid('limit') },
    { given: 'limit= 5', want: invalid('limit') },
  ];
  it.each(cases)('given "$given" gives $want', ({ given, want }) => {
    expect(outcome(() => parsePage(params(given)))).toEqual(want);
  });
});

describe('parseCustomerQuery', () => {
  const cases: { given: string; want: unknown }[] = [
    { given: '', want: {} },
    { given: 'page=2&limit=5&sort=id', want: {} },
    {
      given: 'first_name=Jane&last_name=Doe&company=Acme&phone=555&tax_exempt_category=A',
      want: { first_name: 'Jane', last_name: 'Doe', company: 'Acme', phone: '555', tax_exempt_category: 'A' },
    },
    { given: 'first_name=', want: { first_name: '' } },
    { given: 'first_name=A&first_name=B', want: { first_name: 'B' } },
    { given: 'email=bad&email=a%40b.co', want: { email: 'a@b.co' } },
    { given: 'email=Jane%40Example.com', want: { email: 'Jane@Example.com' } },
    { given: 'email=jane', want: invalid('email') },
    { given: 'email=', want: invalid('email') },
    { given: 'store_credit=10', want: { store_credit: 10 } },
    { given: 'store_credit=10.5000', want: { store_credit: 10.5 } },
    { given: 'store_credit=', want: invalid('store_credit') },
    { given: 'store_credit=ten', want: invalid('store_credit') },
    { given: 'customer_group_id=0', want: { customer_group_id: 0 } },
    { given: 'customer_group_id=-1', want: invalid('customer_group_id') },
    { given: 'min_id=3&max_id=9', want: { min_id: 3, max_id: 9 } },
    { given: 'min_id=x', want: invalid('min_id') },
    { given: 'max_id=1.5', want: invalid('max_id') },
    { given: 'min_date_created=2024-05-06', want: { min_date_created: ms('2024-05-06T00:00:00Z') } },
    {
      given: 'min_date_created=2024-05-06T07:34:10',
      want: { min_date_created: ms('2024-05-06T07:34:10Z') },
    },
    {
      given: 'max_date_created=2024-05-06T07:34:10Z',
      want: { max_date_created: ms('2024-05-06T07:34:10Z') },
    },
    {
      given: 'min_date_modified=2017-04-20T11:32:00.000-04:00',
      want: { min_date_modified: ms('2017-04-20T15:32:00Z') },
    },
    {
      given: 'min_date_modified=2017-04-20T11%3A32%3A00%2B05%3A30',
      want: { min_date_modified: ms('2017-04-20T06:02:00Z') },
    },
    {
      given: 'max_date_modified=Thu%2C%2020%20Apr%202017%2011%3A32%3A00%20-0400',
      want: { max_date_modified: ms('2017-04-20T15:32:00Z') },
    },
    {
      given: 'min_date_created=Mon, 06 May 2024 07:34:10 %2B0000',
      want: { min_date_created: ms('2024-05-06T07:34:10Z') },
    },
    {
      given: 'min_date_created=06 May 2024 07:34:10 GMT',
      want: { min_date_created: ms('2024-05-06T07:34:10Z') },
    },
    { given: 'min_date_created=yesterday', want: invalid('min_date_created') },
    { given: 'max_date_created=1714980850', want: invalid('max_date_created') },
    { given: 'min_date_modified=2024-13-01', want: invalid('min_date_modified') },
    { given: 'min_date_created=', want: invalid('min_date_created') },
  ];
  it.each(cases)('given "$given" gives $want', ({ given, want }) => {
    expect(outcome(() => parseCustomerQuery(params(given)))).toEqual(want);
  });
});

describe('parseGroupQuery', () => {
  const cases: { given: string; want: unknown }[] = [
    { given: '', want: {} },
    { given: 'name=VIP', want: { name: 'VIP' } },
    { given: 'name:like=vi', want: { name_like: 'vi' } },
    { given: 'name%3Alike=vi', want: { name_like: 'vi' } },
    {
      given: 'is_default=true&is_group_for_guests=0',
      want: { is_default: true, is_group_for_guests: false },
    },
    { given: 'is_default=1', want: { is_default: true } },
    { given: 'is_default=false', want: { is_default: false } },
    { given: 'is_default=yes', want: invalid('is_default') },
    { given: 'is_group_for_guests=', want: invalid('is_group_for_guests') },
    { given: 'date_created=2018-09-05', want: { date_created: ms('2018-09-05T00:00:00Z') } },
    {
      given: 'date_created:min=2018-09-05T13:43:54&date_created:max=2018-09-06 01:02:03',
      want: { date_created_min: ms('2018-09-05T13:43:54Z'), date_created_max: ms('2018-09-06T01:02:03Z') },
    },
    {
      given: 'date_modified=2018-09-05T13:43:54&date_modified:min=2018-09-01&date_modified:max=2018-10-01',
      want: {
        date_modified: ms('2018-09-05T13:43:54Z'),
        date_modified_min: ms('2018-09-01T00:00:00Z'),
        date_modified_max: ms('2018-10-01T00:00:00Z'),
      },
    },
    { given: 'date_created=tomorrow', want: invalid('date_created') },
    { given: 'date_modified:max=2018-09-05T25:00:00', want: invalid('date_modified:max') },
  ];
  it.each(cases)('given "$given" gives $want', ({ given, want }) => {
    expect(outcome(() => parseGroupQuery(params(given)))).toEqual(want);
  });
});
