/** Operations on addresses: nested under an existing customer, ids never reused. */
import {
  buildAddress,
  updateAddress as applyUpdate,
  type AddressInput,
  type NewAddressInput,
} from '../domain/address-rules.js';
import { notFoundReason, Rejection, valueOf } from '../domain/reasons.js';
import type { AddressRecord } from '../domain/records.js';
import type { StoreTx, StoreView } from './backend.js';
import { requireCustomer, requireMeta } from './customer-ops.js';
import type { Op } from './op.js';

/** The customer's address, or a not-found refusal (also when the customer does not exist). */
export function* requireAddress(v: StoreView, customerId: number, id: number): Op<AddressRecord> {
  yield* requireCustomer(v, customerId);
  const a = yield* v.address(id);
  if (!a || a.customer_id !== customerId) {
    throw new Rejection(notFoundReason(`customer ${customerId} has no address ${id}`));
  }
  return a;
}

/** Adds an address to an existing customer. */
export function* createAddress(tx: StoreTx, customerId: number, input: NewAddressInput): Op<AddressRecord> {
  yield* requireCustomer(tx, customerId);
  const meta = yield* requireMeta(tx);
  const id = meta.nextIds.addresses;
  const a = valueOf(buildAddress(input, id, customerId));
  yield* tx.setMeta({ ...meta, nextIds: { ...meta.nextIds, addresses: id + 1 } });
  yield* tx.putAddress(a);
  return a;
}

/** Applies a partial update to a customer's address. */
export function* updateAddress(
  tx: StoreTx,
  customerId: number,
  id: number,
  input: AddressInput,
): Op<AddressRecord> {
  const next = valueOf(applyUpdate(yield* requireAddress(tx, customerId, id), input));
  yield* tx.putAddress(next);
  return next;
}

/** Deletes one of a customer's addresses. */
export function* deleteAddress(tx: StoreTx, customerId: number, id: number): Op<void> {
  yield* requireAddress(tx, customerId, id);
  yield* tx.deleteAddress(id);
}

/** Deletes every address of a customer. */
export function* deleteAddresses(tx: StoreTx, customerId: number): Op<void> {
  yield* requireCustomer(tx, customerId);
  for (const a of yield* tx.addressesOf([customerId])) yield* tx.deleteAddress(a.id);
}
