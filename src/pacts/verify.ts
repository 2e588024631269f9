/**
 * Provider verification: replays every interaction of the pacts against a provider (the fake, or
 * a real store) with Pact's verifier, setting each provider state through a fake's admin API.
 * Checked first: the pacts, that the provider answers, that the fake accepts the admin token.
 */
import type { BrokerSource } from './verifier-protocol.js';
import { DEFAULT_ADMIN_TOKEN, DEFAULT_READ_ONLY_TOKEN, DEFAULT_TOKEN } from '../options.js';
import { findProviderState, PACT_STORE_HASH, PROVIDER_STATES } from '../provider-states/index.js';
import { describeInteraction, interactionStates, readPact, resolvePactFiles } from './pact-files.js';
import { adminRefusal, checkProviderAnswers, checkStatesUrl } from './preflight.js';
import { runVerifier } from './run-verifier.js';
import { buildReport, type PactIndex, type VerifyReport } from './verify-report.js';

export { VerifyRunError } from './run-verifier.js';
export { formatVerifyReport, type InteractionOutcome, type VerifyReport } from './verify-report.js';

/** Options of `verifyPacts`. */
export type { BrokerSource } from './verifier-protocol.js';

export interface VerifyOptions {
  /** Pact files or directories (not read when `broker` is given). */
  pacts: string[];
  /** Base URL of the provider: the fake, or `https://api.bigcommerce.com`. */
  providerUrl: string;
  /** Base URL of a fake whose admin API sets the provider states; without it no state is set. */
  statesUrl?: string;
  /** `X-Admin-Token` of that fake; default `fakestore-admin`. */
  adminToken?: string;
  /** The store to use instead of the pacts' `pactstore` (a real store's hash). */
  storeHash?: string;
  /** Sent instead of the pacts' full-scope token. */
  token?: string;
  /** Sent instead of the pacts' read-only token. */
  readOnlyToken?: string;
  /** Fetch the pacts from a broker instead of files. */
  broker?: BrokerSource;
  /** The whole run, in milliseconds; default 5 minutes. */
  timeoutMs?: number;
  /** Milliseconds per request (and per state change); default 30 s. */
  requestTimeoutMs?: number;
  /** Receives each line of Pact's own output (none is printed otherwise). */
  onOutput?: (line: string) => void;
  /** Keep the ANSI colours of Pact's output (for a terminal); default false. */
  colour?: boolean;
}

/** The default bound of a whole verification run. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** How long the checks before the run wait for an answer. */
const PREFLIGHT_TIMEOUT_MS = 10_000;

/** Pre-flight over local pacts: names and states of interactions, and problems that make verification meaningless. */
function inspectPacts(files: string[], statesSet: boolean): { index: PactIndex; problems: string[] } {
  const index: PactIndex = { names: new Map(), states: new Map() };
  const problems: string[] = [];
  for (const file of files) {
    for (const interaction of readPact(file).interactions) {
      const states = interactionStates(interaction);
      index.names.set(interaction.description, describeInteraction(interaction));
      index.states.set(interaction.description, states);
      if (!statesSet) continue;
      if (states.length > 1) {
        problems.push(
          `'${interaction.description}' in ${file} names ${states.length} provider states; each state starts` +
            ' from an empty store, so combine them into one sentence (see docs/provider-states.md).',
        );
      }
      for (const s of states) {
        try {
          findProviderState(PROVIDER_STATES, s.name, s.params);
        } catch (err) {
          problems.push(`'${interaction.description}' in ${file}: ${(err as Error).message}`);
        }
      }
    }
  }
  return { index, problems };
}

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

function adminEndpoint(statesUrl: string, storeHash: string): string {
  const url = new URL(statesUrl);
  if (!url.pathname.endsWith('/__admin/provider-states')) url.pathname = '/__admin/provider-states';
  url.searchParams.set('store_hash', storeHash);
  return url.toString();
}

/**
 * Verifies the pacts against the provider and reports each interaction; a failed check is a
 * report, not a throw. Throws (one line, `VerifyRunError` or a pact error) when the run cannot
 * happen or finish: no pacts, nothing answering, a refused admin token, the time is up.
 */
export async function verifyPacts(options: VerifyOptions): Promise<VerifyReport> {
  const statesSet = options.statesUrl !== undefined;
  const files = options.broker ? [] : resolvePactFiles(options.pacts);
  const { index, problems } = inspectPacts(files, statesSet);
  const notes: string[] = [];
  const base = { providerUrl: options.providerUrl, statesSet, notes };
  if (problems.length) return { ...base, ok: false, interactions: [], stateErrors: [], errors: problems };

  const adminToken = options.adminToken ?? DEFAULT_ADMIN_TOKEN;
  const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const preflightMs = Math.min(PREFLIGHT_TIMEOUT_MS, timeoutMs);
  await checkProviderAnswers(options.providerUrl, preflightMs);
  if (options.statesUrl !== undefined) await checkStatesUrl(options.statesUrl, adminToken, preflightMs);

  if (!statesSet) {
    notes.push(
      'Provider states were not set (no --states-url): interactions that need data ran against whatever the' +
        ' store holds, with the example ids of the pacts. Mismatches there may be data, not contract.',
    );
  }
  if (options.token === undefined && options.storeHash !== undefined) {
    notes.push("No token given: the pacts' token (the fake's default) was sent to the store.");
  }
  const storeHash = options.storeHash ?? PACT_STORE_HASH;
  const run = await runVerifier(
    {
      providerUrl: options.providerUrl,
      ...(options.statesUrl === undefined
        ? {}
        : { statesEndpoint: adminEndpoint(options.statesUrl, storeHash) }),
      adminToken,
      storeHash,
      tokens: [
        [DEFAULT_TOKEN, options.token ?? DEFAULT_TOKEN],
        [DEFAULT_READ_ONLY_TOKEN, options.readOnlyToken ?? DEFAULT_READ_ONLY_TOKEN],
      ],
      pactFiles: files,
      ...(options.broker ? { broker: options.broker } : {}),
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    },
    {
      timeoutMs: Math.max(1, deadline - Date.now()),
      timeoutMessage:
        `verification did not finish within ${formatSeconds(timeoutMs)}; check that ${options.providerUrl}` +
        ' answers, or allow more time with --timeout',
      colour: options.colour ?? false,
      refused: (status) => adminRefusal(options.statesUrl ?? '', adminToken, status),
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    },
  );
  return buildReport(base, run.raw, index, run.stateChanges);
}
