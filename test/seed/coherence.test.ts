import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { countryKit, generateWorld, SEED_LOCALES } from '../../src/seed/index.js';
import { nameSlug } from '../../src/seed/values.js';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as {
  getAlpha2Code(name: string, lang: string): string | undefined;
};

const NOW = Date.UTC(2024, 0, 1);
const world = generateWorld({ seed: 21, customers: 3000, groups: 6 });
const { customers, addresses, groups } = world;

describe('seeded customers', () => {
  it('have lower-case e-mails, unique in the store, built from their names and id', () => {
    const emails = customers.map((c) => c.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const c of customers) {
      const match = /^([a-z._]+?)(\d+)@([a-z]+\.[a-z.]+)$/.exec(c.email);
      expect(match, c.email).not.toBeNull();
      const [, local = '', id] = match ?? [];
      expect(Number(id)).toBe(c.id);
      const first = nameSlug(c.first_name);
      const last = nameSlug(c.last_name);
      expect([
        `${first}.${last}`,
        `${first}${last}`,
        `${first.charAt(0)}${last}`,
        `${first}_${last}`,
      ]).toContain(local);
    }
  });

  it('belong to no group (0) or to a group that exists', () => {
    const ids = new Set(groups.map((g) => g.id));
    for (const c of customers) expect(c.customer_group_id === 0 || ids.has(c.customer_group_id)).toBe(true);
    expect(customers.some((c) => c.customer_group_id === 0)).toBe(true);
    expect(customers.some((c) => c.customer_group_id !== 0)).toBe(true);
  });

  it('have whole-second dates with created <= modified <= now, created growing with the id', () => {
    let previous = 0;
    for (const c of customers) {
      expect(c.date_created % 1000).toBe(0);
      expect(c.date_modified % 1000).toBe(0);
      expect(c.date_created).toBeLessThanOrEqual(c.date_modified);
      expect(c.date_modified).toBeLessThanOrEqual(NOW);
      expect(c.date_created).toBeGreaterThanOrEqual(previous);
      previous = c.date_created;
    }
  });

  it('have platform-shaped fields: 4-decimal credit, IPv4 or "", null or non-empty form fields', () => {
    for (const c of customers) {
      expect(c.store_credit).toMatch(/^\d+\.\d{4}$/);
      expect(c.registration_ip_address).toMatch(/^$|^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
      for (const octet of c.registration_ip_address.split('.').filter(Boolean))
        expect(Number(octet)).toBeLessThan(256);
      expect(c.form_fields === null || c.form_fields.length > 0).toBe(true);
      expect(c.password_hash).toBeNull();
      expect(typeof c.accepts_marketing).toBe('boolean');
    }
  });

  it('keep the API key order', () => {
    expect(Object.keys(customers[0]!)).toEqual([
      'id',
      'company',
      'first_name',
      'last_name',
      'email',
      'phone',
      'form_fields',
      'date_created',
      'date_modified',
      'store_credit',
      'registration_ip_address',
      'customer_group_id',
      'notes',
      'tax_exempt_category',
      'reset_pass_on_login',
      'accepts_marketing',
      'password_hash',
    ]);
  });

  it('are a realistic mix (some of each optional field, some without addresses)', () => {
    const share = (test: (c: (typeof customers)[number]) => boolean): number =>
      customers.filter(test).length / customers.length;
    expect(share((c) => c.company !== '')).toBeGreaterThan(0.1);
    expect(share((c) => c.store_credit !== '0.0000')).toBeGreaterThan(0.05);
    expect(share((c) => c.notes !== '')).toBeGreaterThan(0.05);
    expect(share((c) => c.tax_exempt_category !== '')).toBeGreaterThan(0.02);
    expect(share((c) => c.form_fields !== null)).toBeGreaterThan(0.1);
    expect(share((c) => c.phone === '')).toBeGreaterThan(0.1);
    const withAddresses = new Set(addresses.map((a) => a.customer_id));
    expect(share((c) => !withAddresses.has(c.id))).toBeGreaterThan(0.1);
  });
});

describe('seeded addresses', () => {
  it('belong to an existing customer, within the configured count per customer', () => {
    const perCustomer = new Map<number, number>();
    for (const a of addresses) perCustomer.set(a.customer_id, (perCustomer.get(a.customer_id) ?? 0) + 1);
    for (const [id, count] of perCustomer) {
      expect(id).toBeGreaterThanOrEqual(1);
      expect(id).toBeLessThanOrEqual(customers.length);
      expect(count).toBeLessThanOrEqual(3);
    }
    const exact = generateWorld({ customers: 50, addressesPerCustomer: [2, 2] });
    expect(exact.addresses).toHaveLength(100);
  });

  it('have country_iso2 equal to i18n-iso-countries code of the country name', () => {
    for (const a of addresses) expect(a.country_iso2).toBe(countries.getAlpha2Code(a.country, 'en'));
    expect(new Set(addresses.map((a) => a.country)).size).toBeGreaterThan(3);
  });

  it('have a state of their own country (a single space where the country has none)', () => {
    const statesOf = new Map(SEED_LOCALES.map((l) => [countryKit(l).country, countryKit(l).states]));
    for (const a of addresses) expect(statesOf.get(a.country)).toContain(a.state);
    expect(addresses.filter((a) => a.country === 'United Kingdom').every((a) => a.state === ' ')).toBe(true);
  });

  it('have a postcode in the format of their country', () => {
    const formats: Record<string, RegExp> = {
      'United States': /^\d{5}$/,
      Canada: /^[A-Z]\d[A-Z] \d[A-Z]\d$/,
      Germany: /^\d{5}$/,
      France: /^\d{5}$/,
      Australia: /^\d{4}$/,
      'United Kingdom': /^[A-Z]{1,2}\d{1,2}[A-Z]? \d{1,2}[A-Z]{1,2}$/,
    };
    for (const a of addresses) expect(a.zip, `${a.country} ${a.zip}`).toMatch(formats[a.country]!);
  });

  it('fit US postcodes to the state and Canadian postcodes to the province', () => {
    const california = addresses.filter((a) => a.country === 'United States' && a.state === 'California');
    for (const a of california) expect(Number(a.zip)).toBeGreaterThanOrEqual(90001);
    const bc = addresses.filter((a) => a.country === 'Canada' && a.state === 'British Columbia');
    for (const a of bc) expect(a.zip.startsWith('V')).toBe(true);
  });

  it('always have the required fields and a valid address_type', () => {
    for (const a of addresses) {
      for (const key of [
        'first_name',
        'last_name',
        'phone',
        'street_1',
        'city',
        'state',
        'zip',
        'country',
      ] as const) {
        expect(a[key].length, key).toBeGreaterThan(0);
      }
      expect(['residential', 'commercial']).toContain(a.address_type);
    }
    expect(addresses.some((a) => a.address_type === 'commercial')).toBe(true);
  });
});

describe('seeded groups', () => {
  const many = generateWorld({ customers: 0, groups: 40 }).groups;

  it('have unique realistic names', () => {
    expect(many.slice(0, 3).map((g) => g.name)).toEqual(['Retail', 'Wholesale', 'VIP']);
    expect(new Set(many.map((g) => g.name)).size).toBe(many.length);
  });

  it('have at most one "all" rule, and a price_list rule only on its own', () => {
    for (const g of many) {
      expect(g.discount_rules.filter((r) => r.type === 'all').length).toBeLessThanOrEqual(1);
      if (g.discount_rules.some((r) => r.type === 'price_list')) expect(g.discount_rules).toHaveLength(1);
      for (const r of g.discount_rules) if ('amount' in r) expect(r.amount).toMatch(/^\d+\.\d{4}$/);
    }
  });

  it('have category access all, none, or specific with categories', () => {
    const types = new Set(many.map((g) => g.category_access.type));
    expect(types).toEqual(new Set(['all', 'specific', 'none']));
    for (const g of many) {
      if (g.category_access.type === 'specific')
        expect(g.category_access.categories?.length).toBeGreaterThan(0);
      else expect(g.category_access.categories).toBeUndefined();
      expect(g.date_created).toBeLessThanOrEqual(g.date_modified);
      expect(g.date_modified).toBeLessThanOrEqual(NOW);
    }
  });
});

describe('locales', () => {
  it.each(SEED_LOCALES)('generates a %s store whose customers mostly live in its country', (locale) => {
    const local = generateWorld({ locale, customers: 400, addressesPerCustomer: [1, 1] });
    const home = countryKit(locale).country;
    const share = local.addresses.filter((a) => a.country === home).length / local.addresses.length;
    expect(share).toBeGreaterThan(0.6);
  });
});
