/**
 * Every query of the SQLite backend, built with Kysely and compiled once (see sql.ts). The
 * customer filters, whose SQL depends on which filters a request uses, are in customer-sql.ts.
 */
import { ADDRESS_COLUMNS, CUSTOMER_COLUMNS, GROUP_COLUMNS } from './rows.js';
import type { Tables } from './schema.js';
import { fixedSql, qb, slot, template, type Template } from './sql.js';

/** Rows of one insert statement in a bulk load (each customer row takes 18 parameters). */
export const BULK_ROWS = 50;

/** The columns of an email row, in the order its arguments come. */
export const EMAIL_COLUMNS = ['store_id', 'email_key', 'customer_id'] as const;

const S = (): never => slot(0);
const ID = (): never => slot(1);

/** `{column: slot(offset + i)}` for each column: the values of one row of an insert. */
function slots(columns: readonly string[], offset = 0): Record<string, never> {
  return Object.fromEntries(columns.map((c, i) => [c, slot(offset + i)]));
}

/** An insert of `rows` rows of a table, taking the row values one row after the other. */
function insertRows<T extends 'customers' | 'customer_emails' | 'addresses' | 'groups'>(
  table: T,
  columns: readonly (keyof Tables[T] & string)[],
  rows: number,
): Template {
  const values = Array.from({ length: rows }, (_, r) => slots(columns, r * columns.length));
  return template(qb.insertInto(table as 'customers').values(values as never));
}

/** An update of every column but the key, by (store_id, id); arguments in column order. */
function updateRow<T extends 'customers' | 'addresses' | 'groups'>(
  table: T,
  columns: readonly (keyof Tables[T] & string)[],
): Template {
  const set = Object.fromEntries(columns.slice(2).map((c, i) => [c, slot(i + 2)]));
  return template(
    qb
      .updateTable(table as 'customers')
      .set(set)
      .where('store_id', '=', S())
      .where('id', '=', ID()),
  );
}

/** Deletes up to `limit` rows of a retired store, lowest ids first: (store id, limit). */
function deleteSome(table: 'customers' | 'addresses' | 'groups'): Template {
  return template(
    qb
      .deleteFrom(table)
      .where('store_id', '=', S())
      .where('id', 'in', (eb) =>
        eb.selectFrom(table).select('id').where('store_id', '=', S()).orderBy('id').limit(ID()),
      ),
  );
}

/** The queries on stores. */
export const storeSql = {
  /** Every live store, oldest first. */
  live: template(qb.selectFrom('stores').selectAll().where('hash', 'is not', null).orderBy('id')),
  /** Ids of retired stores and of loads a crash cut short. */
  orphans: template(qb.selectFrom('stores').select('id').where('hash', 'is', null).orderBy('id')),
  /** A new store row: (hash or null, loading hash or null). */
  insert: template(
    qb.insertInto('stores').values({
      hash: slot(0),
      loading_hash: slot(1),
      fingerprint: null,
      next_customer_id: 1,
      next_address_id: 1,
      next_group_id: 1,
      customer_count: 0,
      address_count: 0,
      group_count: 0,
    }),
  ),
  /** Everything kept of a store besides its records: (id, hash, fingerprint, next ids × 3, counts × 3). */
  update: template(
    qb
      .updateTable('stores')
      .set({
        hash: slot(1),
        loading_hash: null,
        fingerprint: slot(2),
        next_customer_id: slot(3),
        next_address_id: slot(4),
        next_group_id: slot(5),
        customer_count: slot(6),
        address_count: slot(7),
        group_count: slot(8),
      })
      .where('id', '=', S()),
  ),
  /** Retires a store: it answers to no hash, and its rows go in the background. (id) */
  retire: template(qb.updateTable('stores').set({ hash: null, loading_hash: null }).where('id', '=', S())),
  /** Forgets a retired store whose rows are gone. (id) */
  remove: template(qb.deleteFrom('stores').where('id', '=', S())),
};

/** The queries on customers, besides the filtered ones. */
export const customerSql = {
  /** (store id, id) */
  get: template(qb.selectFrom('customers').selectAll().where('store_id', '=', S()).where('id', '=', ID())),
  /** Every id of a store, in order: (store id) */
  allIds: template(qb.selectFrom('customers').select('id').where('store_id', '=', S()).orderBy('id')),
  /** (store id, after id, limit) */
  after: template(
    qb
      .selectFrom('customers')
      .selectAll()
      .where('store_id', '=', S())
      .where('id', '>', ID())
      .orderBy('id')
      .limit(slot(2)),
  ),
  /** (row values in CUSTOMER_COLUMNS order) */
  insert: insertRows('customers', CUSTOMER_COLUMNS, 1),
  /** (row values of BULK_ROWS rows) */
  insertBulk: insertRows('customers', CUSTOMER_COLUMNS, BULK_ROWS),
  /** (row values in CUSTOMER_COLUMNS order) */
  update: updateRow('customers', CUSTOMER_COLUMNS),
  /** Deletes a customer, answering its email: (store id, id) */
  delete: template(
    qb.deleteFrom('customers').where('store_id', '=', S()).where('id', '=', ID()).returning('email'),
  ),
  /** (store id, limit) */
  deleteSome: deleteSome('customers'),
};

/** The queries on the email index of customers. */
export const emailSql = {
  /** (store id, email key) */
  idOf: template(
    qb
      .selectFrom('customer_emails')
      .select('customer_id')
      .where('store_id', '=', S())
      .where('email_key', '=', ID()),
  ),
  /** (store id, email key, customer id) */
  insert: insertRows('customer_emails', EMAIL_COLUMNS, 1),
  insertBulk: insertRows('customer_emails', EMAIL_COLUMNS, BULK_ROWS),
  /** (store id, email key) */
  delete: template(
    qb.deleteFrom('customer_emails').where('store_id', '=', S()).where('email_key', '=', ID()),
  ),
  /** Deletes up to `limit` email rows of a retired store: (store id, limit) */
  deleteSome: template(
    qb
      .deleteFrom('customer_emails')
      .where('store_id', '=', S())
      .where('email_key', 'in', (eb) =>
        eb
          .selectFrom('customer_emails')
          .select('email_key')
          .where('store_id', '=', S())
          .orderBy('email_key')
          .limit(ID()),
      ),
  ),
};

/** The queries on addresses. */
export const addressSql = {
  /** (store id, id) */
  get: template(qb.selectFrom('addresses').selectAll().where('store_id', '=', S()).where('id', '=', ID())),
  /** (store id, customer id, limit, offset) */
  page: template(
    qb
      .selectFrom('addresses')
      .selectAll()
      .where('store_id', '=', S())
      .where('customer_id', '=', ID())
      .orderBy('id')
      .limit(slot(2))
      .offset(slot(3)),
  ),
  /** (store id, customer id) */
  ofCustomer: template(
    qb
      .selectFrom('addresses')
      .selectAll()
      .where('store_id', '=', S())
      .where('customer_id', '=', ID())
      .orderBy('id'),
  ),
  /** (store id, customer id) */
  countOf: template(
    qb
      .selectFrom('addresses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('store_id', '=', S())
      .where('customer_id', '=', ID()),
  ),
  insert: insertRows('addresses', ADDRESS_COLUMNS, 1),
  insertBulk: insertRows('addresses', ADDRESS_COLUMNS, BULK_ROWS),
  update: updateRow('addresses', ADDRESS_COLUMNS),
  /** (store id, id) */
  delete: template(qb.deleteFrom('addresses').where('store_id', '=', S()).where('id', '=', ID())),
  deleteSome: deleteSome('addresses'),
};

/** The queries on customer groups (few per store: filters and pages run in code). */
export const groupSql = {
  /** (store id) */
  all: template(qb.selectFrom('groups').selectAll().where('store_id', '=', S()).orderBy('id')),
  insert: insertRows('groups', GROUP_COLUMNS, 1),
  insertBulk: insertRows('groups', GROUP_COLUMNS, BULK_ROWS),
  update: updateRow('groups', GROUP_COLUMNS),
  /** (store id, id) */
  delete: template(qb.deleteFrom('groups').where('store_id', '=', S()).where('id', '=', ID())),
  deleteSome: deleteSome('groups'),
};

/** How many tables and indexes a file has (none: a new database). */
export const schemaObjectCount = fixedSql(
  qb.selectFrom('sqlite_schema' as never).select((eb) => eb.fn.countAll<number>().as('n')),
);
