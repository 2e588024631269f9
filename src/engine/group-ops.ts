/**
 * Operations on customer groups: unique names, one default and one guests' group, and the
 * customers of a deleted group moved to no group (0) with a new modification date.
 */
import { buildGroup, updateGroup as applyUpdate, type GroupInput } from '../domain/group-rules.js';
import { notFoundReason, Rejection, valueOf } from '../domain/reasons.js';
import type { GroupRecord } from '../domain/records.js';
import type { StoreTx, StoreView } from './backend.js';
import { requireMeta } from './customer-ops.js';
import type { Op } from './op.js';

/** The group, or a not-found refusal. */
export function* requireGroup(v: StoreView, id: number): Op<GroupRecord> {
  const g = yield* v.group(id);
  if (!g) throw new Rejection(notFoundReason(`there is no customer group ${id}`));
  return g;
}

function* checkNameFree(v: StoreView, name: string, selfId?: number): Op<void> {
  const other = yield* v.groupByName(name);
  if (other && other.id !== selfId) {
    throw new Rejection({ kind: 'conflict', why: `A customer group named '${other.name}' already exists.` });
  }
}

/** Takes a one-group-only flag off whichever other group has it. */
function* takeFlag(tx: StoreTx, flag: 'is_default' | 'is_group_for_guests', selfId: number): Op<void> {
  const holder = yield* tx.flaggedGroup(flag);
  if (holder && holder.id !== selfId) yield* tx.putGroup({ ...holder, [flag]: false });
}

/** Creates a group after checking its name and rules. */
export function* createGroup(
  tx: StoreTx,
  input: GroupInput & { name: string },
  now: number,
): Op<GroupRecord> {
  yield* checkNameFree(tx, input.name);
  const meta = yield* requireMeta(tx);
  const id = meta.nextIds.groups;
  const g = valueOf(buildGroup(input, id, { created: now, modified: now }));
  if (g.is_default) yield* takeFlag(tx, 'is_default', id);
  if (g.is_group_for_guests) yield* takeFlag(tx, 'is_group_for_guests', id);
  yield* tx.setMeta({ ...meta, nextIds: { ...meta.nextIds, groups: id + 1 } });
  yield* tx.putGroup(g);
  return g;
}

/** Applies a partial update; `discount_rules`, when sent, replaces the whole set. */
export function* updateGroup(tx: StoreTx, id: number, input: GroupInput, now: number): Op<GroupRecord> {
  const old = yield* requireGroup(tx, id);
  if (input.name !== undefined) yield* checkNameFree(tx, input.name, id);
  const next = valueOf(applyUpdate(old, input, now));
  if (next.is_default && !old.is_default) yield* takeFlag(tx, 'is_default', id);
  if (next.is_group_for_guests && !old.is_group_for_guests) yield* takeFlag(tx, 'is_group_for_guests', id);
  yield* tx.putGroup(next);
  return next;
}

/** Deletes a group; its customers move to no group (0), so incremental syncs see them change. */
export function* deleteGroup(tx: StoreTx, id: number, now: number): Op<void> {
  yield* requireGroup(tx, id);
  for (const customerId of yield* tx.customerIds({ customer_group_id: id }, Number.MAX_SAFE_INTEGER)) {
    const c = yield* tx.customer(customerId);
    if (c)
      yield* tx.putCustomer({ ...c, customer_group_id: 0, date_modified: Math.max(now, c.date_created) });
  }
  yield* tx.deleteGroup(id);
}
