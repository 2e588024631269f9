/**
 * The schema of a bc-fakestore database and its versions. `PRAGMA application_id` marks the file
 * as ours; `PRAGMA user_version` is the schema version. Opening a file at an older version runs
 * each newer migration in order, each in one transaction with the version it reaches; a file at a
 * newer version is refused (see open-file.ts).
 */
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { qb, fixedSql } from './sql.js';

/** `bcFS`: the application id of every bc-fakestore database. */
export const APPLICATION_ID = 0x62634653;

/** One step of the schema: the statements that bring a file from the version before to `version`. */
export interface Migration {
  version: number;
  /** What the step does, for the record. */
  describe: string;
  statements: readonly string[];
}

const withoutRowid = sql`without rowid`;

/** Version 1: stores, customers, addresses and groups, each record keyed by its store row and id. */
const v1: Migration = {
  version: 1,
  describe: 'stores, customers and their emails, addresses, groups',
  statements: [
    qb.schema
      .createTable('stores')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('hash', 'text')
      .addColumn('loading_hash', 'text')
      .addColumn('fingerprint', 'text')
      .addColumn('next_customer_id', 'integer', (c) => c.notNull())
      .addColumn('next_address_id', 'integer', (c) => c.notNull())
      .addColumn('next_group_id', 'integer', (c) => c.notNull())
      .addColumn('customer_count', 'integer', (c) => c.notNull())
      .addColumn('address_count', 'integer', (c) => c.notNull())
      .addColumn('group_count', 'integer', (c) => c.notNull()),
    qb.schema.createIndex('stores_hash').unique().on('stores').column('hash'),
    qb.schema
      .createTable('customers')
      .addColumn('store_id', 'integer', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('company', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('form_fields', 'text')
      .addColumn('date_created', 'integer', (c) => c.notNull())
      .addColumn('date_modified', 'integer', (c) => c.notNull())
      .addColumn('store_credit', 'text', (c) => c.notNull())
      .addColumn('registration_ip_address', 'text', (c) => c.notNull())
      .addColumn('customer_group_id', 'integer', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('tax_exempt_category', 'text', (c) => c.notNull())
      .addColumn('reset_pass_on_login', 'integer', (c) => c.notNull())
      .addColumn('accepts_marketing', 'integer', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addPrimaryKeyConstraint('customers_pk', ['store_id', 'id'])
      .modifyEnd(withoutRowid),
    qb.schema.createIndex('customers_group').on('customers').columns(['store_id', 'customer_group_id']),
    // Emails are unique without case within a store: the rules check it first; this keeps it true.
    qb.schema
      .createTable('customer_emails')
      .addColumn('store_id', 'integer', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_emails_pk', ['store_id', 'email_key'])
      .modifyEnd(withoutRowid),
    qb.schema
      .createTable('addresses')
      .addColumn('store_id', 'integer', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('company', 'text', (c) => c.notNull())
      .addColumn('street_1', 'text', (c) => c.notNull())
      .addColumn('street_2', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('zip', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('country_iso2', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('address_type', 'text', (c) => c.notNull())
      .addColumn('form_fields', 'text')
      // A customer's addresses lie together, in id order: a page of them is one range.
      .addPrimaryKeyConstraint('addresses_pk', ['store_id', 'customer_id', 'id'])
      .modifyEnd(withoutRowid),
    qb.schema.createIndex('addresses_id').unique().on('addresses').columns(['store_id', 'id']),
    qb.schema
      .createTable('groups')
      .addColumn('store_id', 'integer', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull())
      .addColumn('is_group_for_guests', 'integer', (c) => c.notNull())
      .addColumn('category_access', 'text', (c) => c.notNull())
      .addColumn('discount_rules', 'text', (c) => c.notNull())
      .addColumn('date_created', 'integer', (c) => c.notNull())
      .addColumn('date_modified', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('groups_pk', ['store_id', 'id'])
      .modifyEnd(withoutRowid),
  ].map(fixedSql),
};

/** Every version, oldest first. A new version appends a migration; none is ever edited. */
export const MIGRATIONS: readonly Migration[] = [v1];

/** The schema version this build writes. */
export const SCHEMA_VERSION = (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;

/**
 * Brings a file at schema version `from` to the newest of `migrations`, one transaction per
 * migration: a failure leaves the file at the last version that completed.
 */
export function migrate(db: Database, from: number, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = from;
  for (const m of migrations) {
    if (m.version <= version) continue;
    db.transaction(() => {
      for (const statement of m.statements) db.prepare(statement).run();
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    })();
    version = m.version;
  }
  return version;
}
