/** The admin API's shapes, from the types generated out of spec/admin.yaml. */
import type { components, operations } from '../generated/admin-schema.js';

type Schemas = components['schemas'];

/** A store's counts and fingerprint. */
export type StoreSummary = Schemas['StoreSummary'];
/** A store's counts (the store list). */
export type StoreCounts = Schemas['StoreCounts'];
/** The body of `seedStore`. */
export type SeedRequest = Schemas['SeedRequest'];
/** One recorded request and its answer. */
export type JournalEntry = Schemas['JournalEntry'];
/** Filters of `listRequests`. */
export type JournalFilter = NonNullable<operations['listRequests']['parameters']['query']>;
/** A request matcher (verify, fault rules). */
export type RequestMatch = Schemas['RequestMatch'];
/** A condition on a value of the body at a JSON path. */
export type BodyPathCondition = Schemas['BodyPathCondition'];
/** How many requests must match. */
export type Count = Schemas['Count'];
/** The body of `verifyRequests`: a matcher and a count. */
export type VerifyRequest = Schemas['VerifyRequest'];
/** The outcome of `verifyRequests`. */
export type VerifyResult = Schemas['VerifyResult'];
/** One field where a request differs from a matcher. */
export type Difference = Schemas['Difference'];
/** A fault rule as added. */
export type FaultRuleCreate = Schemas['FaultRuleCreate'];
/** A fault rule as listed, with its id and counters. */
export type FaultRule = Schemas['FaultRule'];
/** What a fault does. */
export type FaultEffect = Schemas['FaultEffect'];
/** How long a rule delays an answer. */
export type Delay = Schemas['Delay'];
/** When a rule fires. */
export type Trigger = Schemas['Trigger'];
/** A change to a clock. */
export type ClockChange = Schemas['ClockChange'];
/** How a clock stands. */
export type Clock = Schemas['Clock'];
/** A snapshot of a store (without its data). */
export type Snapshot = Schemas['Snapshot'];
/** The API coverage report. */
export type CoverageReport = Schemas['CoverageReport'];
