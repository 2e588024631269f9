/**
 * Checks before a verification starts: the provider answers at all, and the fake that sets the
 * provider states answers and accepts the admin token. Each failure is one line naming what to fix.
 */
import { VerifyRunError } from './run-verifier.js';

/** The system error code (ECONNREFUSED, ENOTFOUND, ...) or the name of a failed fetch. */
function reasonOf(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer in time';
  if (typeof cause?.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Response | string> {
  try {
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    return reasonOf(err);
  }
}

/** Fails unless something answers HTTP at `providerUrl` (any status will do). */
export async function checkProviderAnswers(providerUrl: string, timeoutMs: number): Promise<void> {
  const res = await request(providerUrl, { method: 'GET' }, timeoutMs);
  if (typeof res === 'string') {
    throw new VerifyRunError(
      `nothing answers at ${providerUrl} (${res}); start the provider, or point --provider-url at one that runs`,
    );
  }
  await res.body?.cancel();
}

/** The one-line failure for an admin API that refused the token (401) or the client (403). */
export function adminRefusal(statesUrl: string, adminToken: string, status: number): string {
  return status === 403
    ? `the admin API at ${statesUrl} answers loopback clients only (403); start that fake with --admin-remote`
    : `the admin API at ${statesUrl} refused --admin-token '${adminToken}' (401); give the token its serve was started with (default fakestore-admin)`;
}

/** Fails unless `statesUrl` is a bc-fakestore whose admin API accepts `adminToken`. */
export async function checkStatesUrl(
  statesUrl: string,
  adminToken: string,
  timeoutMs: number,
): Promise<void> {
  const stores = new URL('/__admin/stores', statesUrl).toString();
  const res = await request(stores, { headers: { 'X-Admin-Token': adminToken } }, timeoutMs);
  if (typeof res === 'string') {
    throw new VerifyRunError(
      `nothing answers at ${statesUrl} (${res}); start the fake (bc-fakestore serve), or fix --states-url`,
    );
  }
  await res.body?.cancel();
  if (res.status === 401 || res.status === 403) {
    throw new VerifyRunError(adminRefusal(statesUrl, adminToken, res.status));
  }
  if (!res.ok) {
    throw new VerifyRunError(
      `${statesUrl} has no bc-fakestore admin API (GET /__admin/stores answered ${res.status}); --states-url must be a running bc-fakestore serve`,
    );
  }
}
