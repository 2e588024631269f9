/** A store as the admin API summarizes it: counts and the fingerprint of its data. */
import { isStoreHash } from '../config.js';
import { notFoundReason, Rejection } from '../domain/reasons.js';
import type { Stores } from '../engine/stores.js';

/** A store's counts and the fingerprint of the data it was filled with; 404 when it is not in use. */
export async function storeSummary(stores: Stores, hash: string) {
  if (!(await stores.has(hash))) throw new Rejection(notFoundReason(`there is no store '${hash}' yet`));
  const store = await stores.open(hash);
  const [counts, meta] = await Promise.all([store.read((v) => v.counts()), store.read((v) => v.meta())]);
  return { store_hash: hash, ...counts, fingerprint: meta?.fingerprint ?? null };
}

/** The `hash` path parameter, or a 404 when it is not a store hash the fake accepts. */
export function hashParam(params: Record<string, string | undefined>): string {
  const hash = params.hash ?? '';
  if (!isStoreHash(hash))
    throw new Rejection(notFoundReason(`'${hash}' is not a store hash (1 to 64 letters, digits, _ or -)`));
  return hash;
}
