/**
 * Test-only faults: deliberate departures from the spec, switched on by an app option, so that a
 * test can prove the contract checks catch a provider that breaks its contract. Off by default.
 */
import type { Reply } from './routes/route.js';

/** The faults a fake can be asked to make. */
export interface Faults {
  /** Customers answer `store_credit` as a JSON number (`0`) instead of the platform's string (`"0.0000"`). */
  customerStoreCreditAsNumber?: boolean;
}

const STORE_CREDIT = /"store_credit":"(-?\d+(?:\.\d+)?)"/g;

/** A route's answer with the switched-on faults applied (the same answer when none is on). */
export function applyFaults(reply: Reply, faults: Faults): Reply {
  if (!faults.customerStoreCreditAsNumber || reply.body === undefined) return reply;
  return {
    ...reply,
    body: reply.body.replace(STORE_CREDIT, (_, amount: string) => `"store_credit":${Number(amount)}`),
  };
}
