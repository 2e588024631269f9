/**
 * Why a change or a request is refused, as a plain value. Rules return reasons; one adapter turns
 * a reason into the API's error (src/errors.ts), another into a fixture error (fixtures).
 */

/** Where in an entity (or a request body) a reason points: keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** A refusal. `why` is always written for people (logs, fixture errors, the admin API). */
export type Reason =
  | { kind: 'not_found'; why?: string }
  /**
   * A value the platform refuses. `platform` is true where the platform itself explains the
   * refusal in `details.invalid_reason` (the duplicate email); otherwise the API answer names only
   * the field, as the platform does.
   */
  | { kind: 'invalid'; at: FieldPath; why: string; platform?: boolean }
  | { kind: 'missing'; at: FieldPath }
  | { kind: 'read_only'; at: FieldPath }
  | { kind: 'unknown_field'; at: FieldPath }
  | { kind: 'conflict'; why: string };

/** A reason carried by an exception, for code paths that unwind (engine operations, parsers). */
export class Rejection extends Error {
  override readonly name = 'Rejection';

  constructor(readonly reason: Reason) {
    super(describeReason(reason));
  }
}

/** A value checked by a rule: the normalized value, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: Reason };

/** A passed check. */
export const passed = <T>(value: T): Checked<T> => ({ ok: true, value });

/** A failed check. */
export const failed = <T = never>(reason: Reason): Checked<T> => ({ ok: false, reason });

/** The value of a check, or the Rejection of its reason. */
export function valueOf<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new Rejection(checked.reason);
  return checked.value;
}

/** 'invalid' at a path. */
export const invalid = (at: FieldPath, why: string, platform = false): Reason => ({
  kind: 'invalid',
  at,
  why,
  ...(platform ? { platform } : {}),
});

/** 'not_found'. */
export const notFoundReason = (why?: string): Reason =>
  why ? { kind: 'not_found', why } : { kind: 'not_found' };

/** The API's name for a field path: its keys joined with dots (`discount_rules.amount`). */
export const fieldName = (at: FieldPath): string =>
  at.filter((s): s is string => typeof s === 'string').join('.');

/** A one-line description for people. */
export function describeReason(r: Reason): string {
  switch (r.kind) {
    case 'not_found':
      return r.why ?? 'not found';
    case 'invalid':
      return `${fieldName(r.at)}: ${r.why}`;
    case 'missing':
      return `${fieldName(r.at)} is required`;
    case 'read_only':
      return `${fieldName(r.at)} cannot be written`;
    case 'unknown_field':
      return `${fieldName(r.at)} is not a field of this resource`;
    case 'conflict':
      return r.why;
  }
}
