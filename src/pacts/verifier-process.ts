/**
 * The verification process: runs Pact's verifier for one job received over IPC and reports state
 * changes and the result back. Pact's core prints to this process's stdout (in colour, always), so
 * the parent can strip colours, stop on a timeout and never show Pact's stack traces.
 */
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { PACT_STORE_HASH } from '../provider-states/index.js';
import type { StateChange, VerifierJob, VerifierMessage } from './verifier-protocol.js';

const send = (message: VerifierMessage): Promise<void> =>
  new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

const firstLine = (text: string): string => text.trim().split('\n')[0]?.slice(0, 300) ?? '';

function errorCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return err instanceof Error ? err.name : String(err);
}

/** State handlers for every state name: the fake's admin API decides whether it knows the state. */
function stateHandlers(job: VerifierJob, endpoint: string): VerifierOptions['stateHandlers'] {
  const change = (action: StateChange['action'], state: string) => async (params?: unknown) => {
    const report = (ok: boolean, reason?: string) =>
      send({ type: 'state', change: { action, state, ok, ...(reason ? { reason } : {}) } });
    let res: Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Admin-Token': job.adminToken },
        body: JSON.stringify({ state, params: params ?? {}, action }),
        signal: AbortSignal.timeout(job.requestTimeoutMs),
      });
    } catch (err) {
      await report(false, `no answer from ${new URL(endpoint).origin} (${errorCode(err)})`);
      return {};
    }
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      await send({ type: 'refused', status: res.status, body: firstLine(text) });
      return {};
    }
    if (!res.ok) {
      await report(false, `${res.status} ${firstLine(text)}`);
      return {};
    }
    await report(true);
    // Ids the provider created, for the pact's fromProviderState expressions.
    return text ? (JSON.parse(text) as Record<string, never>) : {};
  };
  // Not throwing keeps Pact from logging the failure; the parent fails the interaction instead.
  return new Proxy(
    {},
    {
      get: (_, state) =>
        typeof state === 'string'
          ? { setup: change('setup', state), teardown: change('teardown', state) }
          : undefined,
    },
  );
}

/** Sends each request to the job's store, with the job's tokens instead of the pacts'. */
function requestFilter(job: VerifierJob) {
  const tokens = new Map(job.tokens);
  const pactPrefix = `/stores/${PACT_STORE_HASH}`;
  return (
    req: { url: string; headers: Record<string, string | string[] | undefined> },
    _res: unknown,
    next: () => void,
  ) => {
    if (req.url.startsWith(`${pactPrefix}/`))
      req.url = `/stores/${job.storeHash}${req.url.slice(pactPrefix.length)}`;
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string' && tokens.has(token)) req.headers['x-auth-token'] = tokens.get(token);
    next();
  };
}

async function run(job: VerifierJob): Promise<string> {
  const options: VerifierOptions = {
    providerBaseUrl: job.providerUrl,
    logLevel: 'error',
    timeout: job.requestTimeoutMs,
    requestFilter: requestFilter(job) as unknown as VerifierOptions['requestFilter'],
    ...(job.statesEndpoint ? { stateHandlers: stateHandlers(job, job.statesEndpoint) } : {}),
    ...(job.broker
      ? {
          pactBrokerUrl: job.broker.url,
          provider: job.broker.provider,
          consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
          ...(job.broker.token ? { pactBrokerToken: job.broker.token } : {}),
          ...(job.broker.providerVersion
            ? { publishVerificationResult: true, providerVersion: job.broker.providerVersion }
            : {}),
        }
      : { pactUrls: job.pactFiles }),
  };
  try {
    return String(await new Verifier(options).verifyProvider());
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const crash = (err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  void send({ type: 'crash', message: firstLine(message) }).finally(() => process.exit(1));
};

if (process.send) {
  // Pact's proxy throws connection errors (e.g. the provider stopped) from inside its callbacks.
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // The parent is gone (or gave up): nobody waits for the result.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (job: VerifierJob) => {
    void run(job).then(async (raw) => {
      await send({ type: 'done', raw });
      process.exit(0);
    }, crash);
  });
}
