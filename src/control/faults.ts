/**
 * Fault rules per store: which requests they match, what they do (a status with the platform's
 * body, a delay, a broken connection), and when they fire (always, the next N, after N, or with a
 * seeded probability). The pipeline asks `decide` only while some store has rules.
 */
import { compileMatch, type CompiledMatch, type RequestFacts, type RequestMatch } from './matcher.js';
import { drawDelay, seededRandom, seedOf, type Delay } from './random.js';

export type { Delay } from './random.js';

/** What a fault does to the answer. */
export type FaultEffect =
  | { type: 'status'; status: 429 | 500 | 502 | 503 | 504; retry_after?: number }
  | { type: 'reset' }
  | { type: 'empty' }
  | { type: 'malformed' }
  | { type: 'truncated' }
  | { type: 'hang' };

/** When a matching request gets the fault. */
export interface Trigger {
  /** Matching requests that pass untouched first. */
  after?: number;
  /** Matching requests that get the fault (after `after`); then the rule rests. Default: all. */
  times?: number;
  /** Chance that an eligible request gets it, drawn from `seed`. Default 1. */
  probability?: number;
  seed?: number;
}

/** A rule as a test adds it. */
export interface FaultRuleInput {
  match?: RequestMatch;
  fault?: FaultEffect;
  delay?: Delay;
  trigger?: Trigger;
  /** The store handles the request first (a write takes effect) and the fault replaces its answer. */
  handled?: boolean;
}

/** A rule as listed: what was added, its id, and how often it matched and fired. */
export interface FaultRuleView extends FaultRuleInput {
  id: string;
  matched: number;
  applied: number;
}

/** A fault applied to one request; `sent` is filled in once it is delivered. */
export interface AppliedFault {
  rule: string;
  effect: FaultEffect | null;
  delayMs: number;
  handled: boolean;
  /** What went on the wire instead of the store's answer; null for no answer; undefined for the store's own. */
  sent?: { status: number; headers: Record<string, string>; body: string } | null;
}

/** Effects that need the store's answer (they break it), so the store always handles the request. */
const BREAKS_ANSWER = new Set(['malformed', 'truncated']);

interface Rule {
  view: FaultRuleView;
  match: CompiledMatch;
  random: () => number;
}

/** Most stores with rules; past it the oldest store's rules are dropped. */
const MAX_STORES = 10_000;

/** The rules of every store, and the rule set every new store starts with (the chaos preset). */
export class Faults {
  private readonly stores = new Map<string, Rule[]>();
  private ids = 0;

  constructor(private readonly preset: FaultRuleInput[] = []) {}

  /** Whether any request may get a fault (a Map lookup is then needed per request). */
  get active(): boolean {
    return this.stores.size > 0 || this.preset.length > 0;
  }

  /** Adds a rule to a store; throws a message for a matcher that does not compile. */
  add(hash: string, input: FaultRuleInput, id = `f${++this.ids}`): FaultRuleView {
    const rule = makeRule(hash, input, id);
    this.rulesOf(hash).push(rule);
    return rule.view;
  }

  /** A store's rules, in the order they are tried. */
  list(hash: string): FaultRuleView[] {
    return this.rulesOf(hash).map((r) => r.view);
  }

  /** Removes one rule; false when the store has no such rule. */
  remove(hash: string, id: string): boolean {
    const rules = this.rulesOf(hash);
    const at = rules.findIndex((r) => r.view.id === id);
    if (at === -1) return false;
    rules.splice(at, 1);
    return true;
  }

  /** Removes every rule of a store (the preset too). */
  clear(hash: string): void {
    this.stores.set(hash, []);
  }

  /** The fault a request gets: the first matching rule whose trigger fires; undefined for none. */
  decide(hash: string, request: RequestFacts): AppliedFault | undefined {
    const rules = this.stores.get(hash) ?? (this.preset.length ? this.rulesOf(hash) : undefined);
    if (!rules) return undefined;
    for (const rule of rules) {
      const v = rule.view;
      if (!rule.match.test(request)) continue;
      v.matched++;
      const t = v.trigger ?? {};
      if (v.matched <= (t.after ?? 0)) continue;
      if (t.times !== undefined && v.applied >= t.times) continue;
      if (t.probability !== undefined && t.probability < 1 && rule.random() >= t.probability) continue;
      v.applied++;
      const effect = v.fault ?? null;
      return {
        rule: v.id,
        effect,
        delayMs: drawDelay(v.delay, rule.random),
        handled: effect === null || v.handled === true || BREAKS_ANSWER.has(effect.type),
      };
    }
    return undefined;
  }

  /** A store's rule list, made from the preset on first use. */
  private rulesOf(hash: string): Rule[] {
    let rules = this.stores.get(hash);
    if (!rules) {
      rules = this.preset.map((input, i) => makeRule(hash, withStoreSeed(input, hash), `chaos-${i + 1}`));
      this.stores.set(hash, rules);
      if (this.stores.size > MAX_STORES) this.stores.delete(this.stores.keys().next().value as string);
    }
    return rules;
  }
}

function makeRule(hash: string, input: FaultRuleInput, id: string): Rule {
  const match = compileMatch(input.match ?? {}, hash);
  const view: FaultRuleView = { id, ...input, matched: 0, applied: 0 };
  return { view, match, random: seededRandom(input.trigger?.seed ?? 1) };
}

/** A preset rule for one store: its seed mixed with the store hash, so stores draw differently. */
function withStoreSeed(input: FaultRuleInput, hash: string): FaultRuleInput {
  const seed = seedOf(`${input.trigger?.seed ?? 1}:${hash}`);
  return { ...input, trigger: { ...input.trigger, seed } };
}
