/**
 * What the verification process (verifier-process.ts) and the process that starts it
 * (run-verifier.ts) say to each other over the IPC channel. Plain data only.
 */

/** Where verification takes its pacts from when not from files: a Pact Broker. */
export interface BrokerSource {
  url: string;
  token?: string;
  /** The provider name the pacts were written for. */
  provider: string;
  /** Publish the results under this provider version (only when given). */
  providerVersion?: string;
}

/** The run the parent asks for. */
export interface VerifierJob {
  providerUrl: string;
  /** The admin endpoint that sets provider states (with `?store_hash=`); none: states are not set. */
  statesEndpoint?: string;
  adminToken: string;
  /** The store hash requests go to instead of the pacts' `pactstore`. */
  storeHash: string;
  /** The pacts' tokens and the ones sent instead: `[pact token, sent token]`. */
  tokens: [string, string][];
  /** Pact files (ignored when `broker` is given). */
  pactFiles: string[];
  broker?: BrokerSource;
  /** Milliseconds Pact waits for each answer (and each state change). */
  requestTimeoutMs: number;
}

/** One provider-state change the verifier asked for, and how it went. */
export interface StateChange {
  action: 'setup' | 'teardown';
  state: string;
  ok: boolean;
  /** Why it failed: the status and body of the answer, or why none came. */
  reason?: string;
}

/** Messages of the verification process. */
export type VerifierMessage =
  | { type: 'state'; change: StateChange }
  /** The admin API refused the token (401) or the client (403): the run cannot go on. */
  | { type: 'refused'; status: number; body: string }
  /** Pact's result JSON (or the message of its failure). */
  | { type: 'done'; raw: string }
  /** The process failed outside Pact's result, e.g. the provider vanished mid-run. */
  | { type: 'crash'; message: string };
