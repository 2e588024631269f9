/**
 * The admin API's bodies for the control plane, checked: first against their schema in
 * spec/admin.yaml, then for what a schema cannot say (a regular expression that compiles, a
 * range whose ends are in order, a rule that does something).
 */
import { adminBody, badAdminBody } from './admin-spec.js';
import type { ClockAction } from './clock.js';
import type { FaultRuleInput } from './faults.js';
import { compileMatch, type RequestMatch } from './matcher.js';
import { parseDuration, parseInstant } from './time-values.js';
import type { VerifyRequest } from './verify.js';

/** A matcher that compiles for the store, or the admin API's 400. */
function checkMatch(m: RequestMatch, hash: string): void {
  try {
    compileMatch(m, hash);
  } catch (err) {
    throw badAdminBody(err instanceof Error ? err.message : String(err));
  }
}

/** The body of `POST .../requests/verify`. */
export function verifyInput(body: unknown, hash: string): VerifyRequest {
  const v = adminBody<VerifyRequest>('VerifyRequest', body);
  checkMatch(v, hash);
  return v;
}

/** The body of `POST .../faults`. */
export function faultRuleInput(body: unknown, hash: string): FaultRuleInput {
  const r = adminBody<FaultRuleInput>('FaultRuleCreate', body);
  if (!r.fault && !r.delay) throw badAdminBody('a rule needs a fault, a delay, or both');
  // As sent, before the checks below make it one of the FaultEffect shapes.
  const f = r.fault as { type: string; status?: number; retry_after?: number } | undefined;
  if (f?.type === 'status' && f.status === undefined) throw badAdminBody('a status fault needs a status');
  if (f && f.type !== 'status' && (f.status !== undefined || f.retry_after !== undefined))
    throw badAdminBody(`a ${f.type} fault takes no status`);
  if (f?.retry_after !== undefined && f.status !== 429)
    throw badAdminBody('retry_after goes with status 429');
  const d = r.delay;
  if (d?.type === 'fixed' && d.ms === undefined) throw badAdminBody('a fixed delay needs ms');
  if (d?.type === 'uniform' && !(d.min_ms !== undefined && d.max_ms !== undefined && d.min_ms <= d.max_ms))
    throw badAdminBody('a uniform delay needs min_ms <= max_ms');
  if (d?.type === 'lognormal' && (d.median_ms === undefined || d.sigma === undefined))
    throw badAdminBody('a lognormal delay needs median_ms and sigma');
  checkMatch(r.match ?? {}, hash);
  return r;
}

/** The body of `POST /clock` (and a store's). */
export function clockInput(body: unknown): ClockAction {
  const c = adminBody<{ action: ClockAction['action']; at?: string | number; by?: string | number }>(
    'ClockChange',
    body,
  );
  const at = c.at === undefined ? undefined : parseInstant(c.at);
  if (at === null)
    throw badAdminBody(`'at' is not an ISO 8601 date-time or epoch ms: ${JSON.stringify(c.at)}`);
  switch (c.action) {
    case 'freeze':
      return at === undefined ? { action: 'freeze' } : { action: 'freeze', at };
    case 'set':
      if (at === undefined) throw badAdminBody("'set' needs 'at'");
      return { action: 'set', at };
    case 'advance': {
      const byMs = parseDuration(c.by);
      if (byMs === null)
        throw badAdminBody(`'advance' needs 'by', a duration such as 90s, 1h30m, PT15M or ms`);
      return { action: 'advance', byMs };
    }
    case 'real':
      return { action: 'real' };
  }
}
