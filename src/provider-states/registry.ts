/**
 * The provider-state registry: each sentence a consumer pact may name ("a customer with email
 * {email} exists") mapped to the data set it describes, returning the ids it created so a pact can
 * use them (`fromProviderState`). Pact verification, a running fake and QA share it.
 */
import type { StateRecords } from './state-records.js';

export { stateContext, type StateContext } from './state-records.js';

/** Parameters of a state, as a pact carries them (`providerStates[].params`). */
export type StateParams = Record<string, unknown>;

/** What a state's setup returns: values a pact can inject with `fromProviderState` (`${customerId}`). */
export type StateValues = Record<string, string | number | boolean>;

/** One provider state: its sentence, its parameters and what it creates. */
export interface ProviderStateDefinition {
  /** The sentence, with `{name}` where a parameter goes. */
  sentence: string;
  /** Each parameter and an example value, for documentation and concrete sentences. */
  params: Record<string, string | number>;
  /** The values the setup returns, e.g. `customerId`. */
  returns: string[];
  /** Adds the state's records (ids from 1) and returns the values a pact may use. */
  setup(data: StateRecords, params: StateParams): Promise<StateValues> | StateValues;
}

/** A state the registry does not know, or parameters it cannot use. */
export class ProviderStateError extends Error {
  override readonly name = 'ProviderStateError';
}

const PLACEHOLDER = /\{(\w+)\}/g;

function sentencePattern(sentence: string): RegExp {
  const parts = sentence.split(PLACEHOLDER);
  const source = parts
    .map((part, i) => (i % 2 === 1 ? `(?<${part}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Looks a state up: by its exact sentence, or by a concrete sentence ("a customer with email a@b.c exists"). */
export function findProviderState(
  definitions: readonly ProviderStateDefinition[],
  state: string,
  params: StateParams = {},
): { definition: ProviderStateDefinition; params: StateParams } {
  const exact = definitions.find((d) => d.sentence === state);
  if (exact) return { definition: exact, params };
  // Concrete sentences: the definition with the most parameters wins ("email and password" over "email").
  const byParams = [...definitions].sort(
    (a, b) => Object.keys(b.params).length - Object.keys(a.params).length,
  );
  for (const definition of byParams) {
    const m = sentencePattern(definition.sentence).exec(state);
    if (m) return { definition, params: { ...m.groups, ...params } };
  }
  throw new ProviderStateError(
    `Unknown provider state '${state}'. Known states: ${definitions.map((d) => `'${d.sentence}'`).join(', ')}.`,
  );
}

/** A string parameter, or a ProviderStateError naming it. */
export function stringParam(params: StateParams, name: string): string {
  const v = params[name];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  throw new ProviderStateError(`needs the parameter '${name}' (a non-empty string)`);
}

/** A count parameter (a whole number from 0 to 1000, or its digits), or a ProviderStateError naming it. */
export function countParam(params: StateParams, name: string): number {
  const v = params[name];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 0 && n <= 1000) return n;
  throw new ProviderStateError(`needs the parameter '${name}' (a whole number, 0 to 1000)`);
}
