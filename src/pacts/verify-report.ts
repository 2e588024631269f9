/**
 * The verification report: Pact's result JSON and the state changes turned into one outcome per
 * interaction, and printed as a person reads it.
 */
import type { PactState } from './pact-files.js';
import { stripAnsi } from './run-verifier.js';
import type { StateChange } from './verifier-protocol.js';

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
  /** Failed state changes, one line per distinct reason (printed once, at the top). */
  stateErrors: string[];
  /** Failures not tied to one interaction (a pact that could not be loaded, a broker that did not answer). */
  errors: string[];
  /** Things a reader must know to judge the result (e.g. states not set on a real store). */
  notes: string[];
}

/** What the pacts say about their interactions, by description (empty for broker pacts). */
export interface PactIndex {
  names: Map<string, string>;
  states: Map<string, PactState[]>;
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

function problemLine(m: CoreMismatch): string {
  const where = m.path ? ` ${m.path}` : m.key ? ` ${m.key}` : '';
  const kind = (m.type ?? 'mismatch').replace(/Mismatch$/, '').toLowerCase();
  return `${kind}${where}: ${m.mismatch ?? m.message ?? JSON.stringify(m)}`;
}

/** Pact's result JSON, or undefined when the verifier answered something else (an error message). */
export function parseCoreResult(raw: string): CoreResult | undefined {
  try {
    return JSON.parse(raw) as CoreResult;
  } catch {
    return undefined;
  }
}

/**
 * The failed setups of each interaction, by index in Pact's results. Pact sets up the states of
 * each interaction just before replaying it, in the order of its results; when the pacts' states
 * do not line up with the setups seen (broker pacts, unknown order), `attributed` is false.
 */
function failedSetups(
  results: { description?: string }[],
  index: PactIndex,
  changes: StateChange[],
): { attributed: boolean; byResult: Map<number, StateChange> } {
  const setups = changes.filter((c) => c.action === 'setup');
  const byResult = new Map<number, StateChange>();
  let next = 0;
  for (const [i, result] of results.entries()) {
    const states = index.states.get(result.description ?? '');
    if (!states) return { attributed: false, byResult: new Map() };
    for (const state of states) {
      const setup = setups[next++];
      if (setup?.state !== state.name) return { attributed: false, byResult: new Map() };
      if (!setup.ok) byResult.set(i, setup);
    }
  }
  return { attributed: next === setups.length, byResult: next === setups.length ? byResult : new Map() };
}

/** Failed state changes, grouped by reason: one line each. */
function stateErrorLines(changes: StateChange[]): string[] {
  const groups = new Map<string, StateChange[]>();
  for (const c of changes.filter((change) => !change.ok)) {
    const key = `${c.action}\u0000${c.reason ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [StateChange];
    const states = [...new Set(group.map((c) => `'${c.state}'`))];
    const shown = states.length > 2 ? `${states.slice(0, 2).join(', ')}, ...` : states.join(', ');
    return `state ${first.action} failed ${group.length} time(s), for ${shown}: ${first.reason ?? 'no reason given'}`;
  });
}

/** One outcome per interaction of Pact's result; a failed state setup fails its interaction. */
export function buildReport(
  base: Pick<VerifyReport, 'providerUrl' | 'statesSet' | 'notes'>,
  raw: string,
  index: PactIndex,
  changes: StateChange[],
): VerifyReport {
  const stateErrors = stateErrorLines(changes);
  const core = parseCoreResult(raw);
  if (!core) return { ...base, ok: false, interactions: [], stateErrors, errors: [`Pact failed: ${raw}`] };
  const results = core.interactionResults ?? [];
  const coreErrors = core.errors ?? [];
  const { attributed, byResult } = failedSetups(results, index, changes);
  const interactions = results.map((r, i): InteractionOutcome => {
    const description = r.description ?? '';
    const own = coreErrors.filter((e) => e.interaction?.endsWith(` - ${description}`));
    const setup = byResult.get(i);
    const problems = [
      ...(setup ? [`provider state '${setup.state}' was not set up (reason at the top)`] : []),
      ...own.flatMap((e) =>
        e.mismatch?.mismatches?.length
          ? e.mismatch.mismatches.map(problemLine)
          : [e.mismatch?.message ?? 'the interaction failed'],
      ),
    ];
    return {
      name: index.names.get(description) ?? description,
      ok: r.result !== 'Error' && own.length === 0 && !setup,
      problems,
    };
  });
  const descriptions = results.map((r) => ` - ${r.description ?? ''}`);
  const errors = coreErrors
    .filter((e) => !descriptions.some((d) => e.interaction?.endsWith(d)))
    .map((e) => stripAnsi(e.mismatch?.message ?? e.interaction ?? 'unknown failure'));
  const notes = [...base.notes];
  if (stateErrors.length && !attributed) {
    notes.push(
      'Which interactions the failed state changes belonged to is unknown; all results are in doubt.',
    );
  }
  const ok =
    core.result === true &&
    stateErrors.length === 0 &&
    errors.length === 0 &&
    interactions.every((i) => i.ok);
  return { ...base, ok, interactions, stateErrors, errors, notes };
}

/** The report as a person reads it: state failures first, one line per interaction, the mismatches under the failed ones. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [`Provider ${report.providerUrl}${report.statesSet ? '' : ' (provider states not set)'}`];
  for (const e of report.stateErrors) lines.push(`  ${e}`);
  for (const i of report.interactions) {
    lines.push(`  ${i.ok ? '✓' : '✗'} ${i.name}`);
    for (const p of i.problems) lines.push(`      ${p}`);
  }
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
