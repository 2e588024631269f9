/**
 * Read-only fields in a write: a client that sends back what it read (the official PHP client's
 * update does) may repeat them unchanged; changing one is refused, as the platform refuses it.
 */
import { isDeepStrictEqual } from 'node:util';
import { Rejection } from '../domain/reasons.js';

/**
 * Throws the platform's "cannot be written to" 400 for the first read-only field whose value
 * differs from the stored representation (`current`), or for any of them on a create (null).
 */
export function checkEchoed(echoed: Record<string, unknown>, current: Record<string, unknown> | null): void {
  for (const [field, value] of Object.entries(echoed)) {
    if (current === null || !isDeepStrictEqual(value, current[field])) {
      throw new Rejection({ kind: 'read_only', at: [field] });
    }
  }
}

/** Whether a body carried any read-only field. */
export const echoedAny = (echoed: Record<string, unknown>): boolean => {
  for (const _ in echoed) return true;
  return false;
};
