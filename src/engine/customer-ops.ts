/**
 * Operations on customers, with their rules and cascades: unique emails, existing groups, the
 * default group, ids never reused, addresses going with their customer.
 */
import { DELETE_BATCH } from '../config.js';
import {
  buildCustomer,
  checkPassword,
  checkStoreCredit,
  EMAIL_IN_USE,
  updateCustomer as applyUpdate,
  type CustomerInput,
} from '../domain/customer-rules.js';
import { invalid, notFoundReason, Rejection, valueOf } from '../domain/reasons.js';
import type { CustomerRecord } from '../domain/records.js';
import type { CustomerQuery, StoreMeta, StoreTx, StoreView } from './backend.js';
import type { Op } from './op.js';

/** A new customer's fields: the three the platform requires, and the rest. */
export type NewCustomerInput = CustomerInput & { first_name: string; last_name: string; email: string };

/** The customer, or a not-found refusal. */
export function* requireCustomer(v: StoreView, id: number): Op<CustomerRecord> {
  const c = yield* v.customer(id);
  if (!c) throw new Rejection(notFoundReason(`there is no customer ${id}`));
  return c;
}

/** The store's meta (every store that is open has one). */
export function* requireMeta(v: StoreView): Op<StoreMeta> {
  const meta = yield* v.meta();
  if (!meta) throw new Error('the store has no meta: it was not opened through the registry');
  return meta;
}

function* checkEmailFree(v: StoreView, email: string, selfId?: number): Op<void> {
  const owner = yield* v.customerIdByEmail(email);
  if (owner !== undefined && owner !== selfId) {
    throw new Rejection(invalid(['email'], EMAIL_IN_USE, true));
  }
}

function* checkGroupExists(v: StoreView, groupId: number): Op<void> {
  if (groupId !== 0 && !(yield* v.group(groupId))) {
    throw new Rejection(invalid(['customer_group_id'], `there is no customer group with id ${groupId}`));
  }
}

/**
 * The refusals of a create or an update that need no password hash, checked first so that a
 * route refuses a duplicate email before it spends time hashing a password. Answers the checked
 * password the write sets (undefined when none), for the route to hash.
 */
export function* precheckCustomer(
  v: StoreView,
  input: CustomerInput,
  selfId?: number,
): Op<string | undefined> {
  if (selfId !== undefined) yield* requireCustomer(v, selfId);
  if (input.email !== undefined) yield* checkEmailFree(v, input.email, selfId);
  if (input.customer_group_id !== undefined) yield* checkGroupExists(v, input.customer_group_id);
  if (input.store_credit !== undefined) valueOf(checkStoreCredit(input.store_credit));
  return valueOf(checkPassword(input._authentication));
}

/** Creates a customer; without a group it joins the default group, when the store has one. */
export function* createCustomer(
  tx: StoreTx,
  input: NewCustomerInput,
  passwordHash: string | null,
  now: number,
): Op<CustomerRecord> {
  yield* checkEmailFree(tx, input.email);
  let groupId = input.customer_group_id;
  if (groupId === undefined) groupId = (yield* tx.flaggedGroup('is_default'))?.id ?? 0;
  else yield* checkGroupExists(tx, groupId);
  const meta = yield* requireMeta(tx);
  const id = meta.nextIds.customers;
  const c = valueOf(buildCustomer(input, id, groupId, now, passwordHash));
  yield* tx.setMeta({ ...meta, nextIds: { ...meta.nextIds, customers: id + 1 } });
  yield* tx.putCustomer(c);
  return c;
}

/** Applies a partial update; `passwordHash` undefined keeps the password. */
export function* updateCustomer(
  tx: StoreTx,
  id: number,
  input: CustomerInput,
  passwordHash: string | undefined,
  now: number,
): Op<CustomerRecord> {
  const old = yield* requireCustomer(tx, id);
  if (input.email !== undefined) yield* checkEmailFree(tx, input.email, id);
  if (input.customer_group_id !== undefined) yield* checkGroupExists(tx, input.customer_group_id);
  const next = valueOf(applyUpdate(old, input, now, passwordHash));
  yield* tx.putCustomer(next);
  return next;
}

/** Deletes a customer and their addresses. */
export function* deleteCustomer(tx: StoreTx, id: number): Op<void> {
  yield* requireCustomer(tx, id);
  yield* removeCustomer(tx, id);
}

function* removeCustomer(tx: StoreTx, id: number): Op<void> {
  for (const a of yield* tx.addressesOf([id])) yield* tx.deleteAddress(a.id);
  yield* tx.deleteCustomer(id);
}

/**
 * Deletes the matching customers (and their addresses), at most 100 per call, lowest ids first,
 * as the platform documents ("up to 100 customers per batch"). Returns how many went.
 */
export function* deleteCustomers(tx: StoreTx, q: CustomerQuery): Op<number> {
  const ids = yield* tx.customerIds(q, DELETE_BATCH);
  for (const id of ids) yield* removeCustomer(tx, id);
  return ids.length;
}
