/**
 * Provider verification: replays every interaction of the pacts against a provider (the fake, or
 * a real store) with Pact's verifier, setting each provider state through a fake's admin API.
 */
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { DEFAULT_ADMIN_TOKEN, DEFAULT_READ_ONLY_TOKEN, DEFAULT_TOKEN } from '../options.js';
import { findProviderState, PACT_STORE_HASH, PROVIDER_STATES } from '../provider-states/index.js';
import { describeInteraction, interactionStates, listPactFiles, readPact } from './pact-files.js';

/** Where verification takes its pacts from when not from files: a Pact Broker. */
export interface BrokerSource {
  url: string;
  token?: string;
  /** The provider name the pacts were written for. */
  provider: string;
  /** Publish the results under this provider version (only when given). */
  providerVersion?: string;
}

/** Options of `verifyPacts`. */
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
  /** Milliseconds per request; default 30 s. */
  timeoutMs?: number;
}

/** What happened to one interaction. */
export interface InteractionOutcome {
  /** Description and states. */
  name: string;
  ok: boolean;
  /** One line per mismatch: what differed, where, expected and actual. */
  problems: string[];
}

/** The outcome of `verifyPacts`. */
export interface VerifyReport {
  ok: boolean;
  providerUrl: string;
  /** Whether provider states were set (a fake's admin API was given). */
  statesSet: boolean;
  interactions: InteractionOutcome[];
  /** Failed state changes, named by state. */
  stateErrors: string[];
  /** Failures not tied to one interaction (a pact that could not be loaded, a broker that did not answer). */
  errors: string[];
  /** Things a reader must know to judge the result (e.g. states not set on a real store). */
  notes: string[];
}

interface CoreMismatch {
  type?: string;
  mismatch?: string;
  path?: string;
  key?: string;
  message?: string;
}

interface CoreResult {
  result?: boolean;
  errors?: {
    interaction?: string;
    mismatch?: { type?: string; message?: string; mismatches?: CoreMismatch[] };
  }[];
  interactionResults?: { description?: string; result?: string }[];
}

/** Pre-flight over local pacts: names of interactions, and problems that make verification meaningless. */
function inspectPacts(
  files: string[],
  statesSet: boolean,
): { names: Map<string, string>; problems: string[] } {
  const names = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    for (const interaction of readPact(file).interactions) {
      names.set(interaction.description, describeInteraction(interaction));
      if (!statesSet) continue;
      const states = interactionStates(interaction);
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
  return { names, problems };
}

function problemLine(m: CoreMismatch): string {
  const where = m.path ? ` ${m.path}` : m.key ? ` ${m.key}` : '';
  const kind = (m.type ?? 'mismatch').replace(/Mismatch$/, '').toLowerCase();
  return `${kind}${where}: ${m.mismatch ?? m.message ?? JSON.stringify(m)}`;
}

function parseCoreResult(raw: string): CoreResult | undefined {
  try {
    return JSON.parse(raw) as CoreResult;
  } catch {
    return undefined;
  }
}

function outcomes(core: CoreResult, names: Map<string, string>): InteractionOutcome[] {
  const errors = core.errors ?? [];
  return (core.interactionResults ?? []).map((r) => {
    const description = r.description ?? '';
    const own = errors.filter((e) => e.interaction?.endsWith(` - ${description}`));
    const problems = own.flatMap((e) =>
      e.mismatch?.mismatches?.length
        ? e.mismatch.mismatches.map(problemLine)
        : [e.mismatch?.message ?? 'the interaction failed'],
    );
    return {
      name: names.get(description) ?? description,
      ok: r.result !== 'Error' && own.length === 0,
      problems,
    };
  });
}

// eslint-disable-next-line no-control-regex -- the core colours its messages with ANSI escapes
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

/** Errors of the core that belong to no interaction result (e.g. "Failed to load pact"). */
function generalErrors(core: CoreResult): string[] {
  const descriptions = (core.interactionResults ?? []).map((r) => ` - ${r.description ?? ''}`);
  return (core.errors ?? [])
    .filter((e) => !descriptions.some((d) => e.interaction?.endsWith(d)))
    .map((e) => (e.mismatch?.message ?? e.interaction ?? 'unknown failure').replace(ANSI_COLOUR, ''));
}

function adminEndpoint(statesUrl: string, storeHash: string): string {
  const url = new URL(statesUrl);
  if (!url.pathname.endsWith('/__admin/provider-states')) url.pathname = '/__admin/provider-states';
  url.searchParams.set('store_hash', storeHash);
  return url.toString();
}

/** Verifies the pacts against the provider and reports each interaction; never throws for a failed check. */
export async function verifyPacts(options: VerifyOptions): Promise<VerifyReport> {
  const statesSet = options.statesUrl !== undefined;
  const files = options.broker ? [] : options.pacts.flatMap(listPactFiles);
  if (!options.broker && files.length === 0)
    throw new Error(`No pact files (*.json) in ${options.pacts.join(', ')}.`);
  const { names, problems } = inspectPacts(files, statesSet);
  const base = {
    providerUrl: options.providerUrl,
    statesSet,
    stateErrors: [] as string[],
    notes: [] as string[],
  };
  if (problems.length) return { ...base, ok: false, interactions: [], errors: problems };

  const storeHash = options.storeHash ?? PACT_STORE_HASH;
  const stateErrors: string[] = [];
  const notes: string[] = [];
  if (!statesSet) {
    notes.push(
      'Provider states were not set (no --states-url): interactions that need data ran against whatever the' +
        ' store holds, with the example ids of the pacts. Mismatches there may be data, not contract.',
    );
  }
  if (options.token === undefined && options.storeHash !== undefined) {
    notes.push("No token given: the pacts' token (the fake's default) was sent to the store.");
  }

  const endpoint = statesSet ? adminEndpoint(options.statesUrl as string, storeHash) : '';
  const changeState = (action: 'setup' | 'teardown', state: string) => async (params?: unknown) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Admin-Token': options.adminToken ?? DEFAULT_ADMIN_TOKEN,
      },
      body: JSON.stringify({ state, params: params ?? {}, action }),
    });
    const text = await res.text();
    if (!res.ok) {
      stateErrors.push(`${action} of '${state}': ${res.status} ${text}`);
      throw new Error(`${action} of '${state}' answered ${res.status}`);
    }
    return text ? (JSON.parse(text) as Record<string, never>) : undefined;
  };
  // Any state name gets a handler: the fake's registry decides whether it knows it.
  const stateHandlers = new Proxy(
    {},
    {
      get: (_, state) =>
        typeof state === 'string'
          ? { setup: changeState('setup', state), teardown: changeState('teardown', state) }
          : undefined,
    },
  );

  const tokens = new Map([
    [DEFAULT_TOKEN, options.token ?? DEFAULT_TOKEN],
    [DEFAULT_READ_ONLY_TOKEN, options.readOnlyToken ?? DEFAULT_READ_ONLY_TOKEN],
  ]);
  const requestFilter = (
    req: { url: string; headers: Record<string, string | string[] | undefined> },
    _res: unknown,
    next: () => void,
  ) => {
    if (req.url.startsWith(`/stores/${PACT_STORE_HASH}/`)) {
      req.url = `/stores/${storeHash}${req.url.slice(`/stores/${PACT_STORE_HASH}`.length)}`;
    }
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string' && tokens.has(token)) req.headers['x-auth-token'] = tokens.get(token);
    next();
  };

  const verifierOptions: VerifierOptions = {
    providerBaseUrl: options.providerUrl,
    logLevel: 'error',
    timeout: options.timeoutMs ?? 30_000,
    requestFilter: requestFilter as unknown as VerifierOptions['requestFilter'],
    ...(statesSet ? { stateHandlers } : {}),
    ...(options.broker
      ? {
          pactBrokerUrl: options.broker.url,
          provider: options.broker.provider,
          consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
          ...(options.broker.token ? { pactBrokerToken: options.broker.token } : {}),
          ...(options.broker.providerVersion
            ? { publishVerificationResult: true, providerVersion: options.broker.providerVersion }
            : {}),
        }
      : { pactUrls: files }),
  };

  let raw: string;
  try {
    raw = String(await new Verifier(verifierOptions).verifyProvider());
  } catch (err) {
    raw = err instanceof Error ? err.message : String(err);
  }
  const core = parseCoreResult(raw);
  if (!core)
    return { ...base, ok: false, interactions: [], stateErrors, notes, errors: [`Pact failed: ${raw}`] };
  const interactions = outcomes(core, names);
  const errors = generalErrors(core);
  const ok =
    core.result === true &&
    stateErrors.length === 0 &&
    errors.length === 0 &&
    interactions.every((i) => i.ok);
  return { ...base, ok, interactions, stateErrors, errors, notes };
}

/** The report as a person reads it: one line per interaction, the mismatches under the failed ones. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [`Provider ${report.providerUrl}${report.statesSet ? '' : ' (provider states not set)'}`];
  for (const i of report.interactions) {
    lines.push(`  ${i.ok ? '✓' : '✗'} ${i.name}`);
    for (const p of i.problems) lines.push(`      ${p}`);
  }
  for (const e of report.stateErrors) lines.push(`  state change failed: ${e}`);
  for (const e of report.errors) lines.push(`  error: ${e}`);
  for (const n of report.notes) lines.push(`  note: ${n}`);
  const failed = report.interactions.filter((i) => !i.ok).length;
  const others = report.errors.length ? `, and ${report.errors.length} error(s) outside them` : '';
  lines.push(
    report.ok
      ? `All ${report.interactions.length} interactions verified.`
      : `Verification FAILED: ${failed} of ${report.interactions.length} interactions failed${others}.`,
  );
  return lines.join('\n');
}
