/**
 * An independent conformance run: Prism 5.14 proxies the fake and validates every exchange of a
 * full scenario against spec/customers.v2.yaml. Two proxies run side by side:
 * - `--errors` (strict): response violations turn into Prism's 500 problem; requests the spec
 *   forbids are answered by Prism itself and never reach the fake;
 * - without `--errors` (forwarding): every request reaches the fake, so the fake's own 400/401/413/415
 *   answers are validated too; violations arrive in the `sl-violations` header.
 * What Prism cannot check is listed in docs/robustness.md ("Prism conformance run").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type OpenApiOperation } from '../../src/spec.js';
import { matchSpecPath } from '../../src/spec-conformance.js';
import type { RunningServer } from '../../src/server.js';
import { freshHash, testServer, TOKEN } from '../helpers.js';
import { startPrism, violationsOf, type PrismProxy, type PrismViolation } from './prism-process.js';
import {
  MAX_BODY,
  scenario,
  stepBody,
  stepHeaders,
  VALIDATE_QUOTA,
  type Ids,
  type Step,
} from './scenario.js';

/** What one step got back through a proxy. */
interface Outcome {
  step: Step;
  operationId: string;
  status: number;
  /** Prism's own problem document (when Prism answered instead of the fake). */
  problem?: { type: string; status: number; validation?: unknown };
  violations: PrismViolation[];
  text: string;
}

const BREAK_HEADER = 'x-test-break-response';

let fake: RunningServer;
let strict: PrismProxy;
let forwarding: PrismProxy;

function operationOf(method: string, path: string): string {
  const template = matchSpecPath(`/stores/h/v2${path.split('?')[0]}`);
  const item = template ? loadSpec().paths[template] : undefined;
  const op = item?.[method.toLowerCase()] as OpenApiOperation | undefined;
  if (!op) throw new Error(`scenario step ${method} ${path} is not an operation of the spec`);
  return op.operationId;
}

async function send(
  proxy: PrismProxy,
  hash: string,
  step: Step,
  ids: Ids,
  extraHeaders: Record<string, string> = {},
): Promise<Outcome> {
  const path = step.path(ids);
  const store = step.storeHash ?? (step.limitedStore ? `${hash}-rl` : hash);
  const res = await fetch(`${proxy.url}/stores/${store}/v2${path}`, {
    method: step.method,
    headers: { ...stepHeaders(step), ...extraHeaders },
    body: stepBody(step, ids),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const problem = type.startsWith('application/problem+json') ? JSON.parse(text) : undefined;
  if (!problem && step.save && res.status < 300) step.save(JSON.parse(text), ids);
  return {
    step,
    operationId: operationOf(step.method, path),
    status: res.status,
    problem,
    violations: violationsOf(res.headers.get('sl-violations')),
    text,
  };
}

async function run(proxy: PrismProxy): Promise<Outcome[]> {
  const hash = freshHash();
  const ids: Ids = {};
  const out: Outcome[] = [];
  for (const step of scenario) out.push(await send(proxy, hash, step, ids));
  return out;
}

const responseViolations = (o: Outcome): PrismViolation[] =>
  o.violations.filter((v) => v.location[0] === 'response');
const requestViolations = (o: Outcome): PrismViolation[] =>
  o.violations.filter((v) => v.location[0] === 'request');
const describeOutcome = (o: Outcome): string =>
  `${o.step.name} (${o.step.method} ${o.operationId}) → ${o.status}: ${o.text.slice(0, 300)}`;

/** Problems with a run through the `--errors` proxy. */
function strictProblems(outcomes: Outcome[]): string[] {
  const problems: string[] = [];
  for (const o of outcomes) {
    const type = o.problem?.type ?? '';
    if (type.endsWith('#VIOLATIONS')) problems.push(`violation: ${describeOutcome(o)}`);
    else if (o.step.specRejects) {
      if (!/#(UNPROCESSABLE_ENTITY|UNAUTHORIZED)$/.test(type)) {
        problems.push(`Prism forwarded a request the step says the spec forbids: ${describeOutcome(o)}`);
      }
    } else if (o.problem) problems.push(`Prism refused a request the spec allows: ${describeOutcome(o)}`);
    else if (o.status !== o.step.status) problems.push(`expected ${o.step.status}: ${describeOutcome(o)}`);
    for (const v of responseViolations(o))
      problems.push(`violation ${JSON.stringify(v)}: ${describeOutcome(o)}`);
  }
  return problems;
}

/** Problems with a run through the forwarding proxy. */
function forwardingProblems(outcomes: Outcome[]): string[] {
  const problems: string[] = [];
  for (const o of outcomes) {
    if (o.problem) problems.push(`Prism answered instead of the fake: ${describeOutcome(o)}`);
    if (o.status !== o.step.status) problems.push(`expected ${o.step.status}: ${describeOutcome(o)}`);
    for (const v of responseViolations(o))
      problems.push(`violation ${JSON.stringify(v)}: ${describeOutcome(o)}`);
    const rejected = requestViolations(o).filter((v) => v.severity === 'Error').length > 0;
    if (rejected !== Boolean(o.step.specRejects)) {
      problems.push(
        `Prism ${rejected ? 'finds' : 'finds no'} request violation (${JSON.stringify(requestViolations(o))}) ` +
          `but the step says ${o.step.specRejects ? 'it should' : 'it should not'}: ${describeOutcome(o)}`,
      );
    }
  }
  return problems;
}

/** Answers requests that carry BREAK_HEADER with a customer whose id is a string. */
function breakable(server: RunningServer): void {
  const handle = server.app.handle;
  server.server.removeAllListeners('request');
  server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.headers[BREAK_HEADER]) return handle(req, res);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'X-Rate-Limit-Time-Window-Ms': '30000',
      'X-Rate-Limit-Time-Reset-Ms': '30000',
      'X-Rate-Limit-Requests-Quota': '100',
      'X-Rate-Limit-Requests-Left': '99',
    });
    res.end(JSON.stringify({ id: 'one', first_name: 'Broken' }));
  });
}

describe('Prism proxy conformance', () => {
  let strictRun: Outcome[];
  let forwardingRun: Outcome[];

  beforeAll(async () => {
    fake = await testServer({
      maxBodyBytes: MAX_BODY,
      validateRateLimit: { quota: VALIDATE_QUOTA, windowMs: 600_000 },
    });
    breakable(fake);
    [strict, forwarding] = await Promise.all([
      startPrism(fake.url, { errors: true }),
      startPrism(fake.url, { errors: false }),
    ]);
    [strictRun, forwardingRun] = await Promise.all([run(strict), run(forwarding)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([strict?.stop(), forwarding?.stop()]);
    await fake?.close();
  });

  it('finds no violation in any answer of the scenario through `prism proxy --errors`', () => {
    expect(strictProblems(strictRun)).toEqual([]);
  });

  it('finds no violation in the fake’s answers to invalid requests through a forwarding proxy', () => {
    expect(forwardingProblems(forwardingRun)).toEqual([]);
  });

  it('exercises every operation of the spec with a success and with an error answer', () => {
    const ops = Object.values(loadSpec().paths).flatMap((item) =>
      Object.values(item).flatMap((op) =>
        typeof op === 'object' && op && 'operationId' in op ? [(op as OpenApiOperation).operationId] : [],
      ),
    );
    const succeeded = new Set(forwardingRun.filter((o) => o.status < 300).map((o) => o.operationId));
    const failed = new Set(forwardingRun.filter((o) => o.status >= 400).map((o) => o.operationId));
    expect(ops.length).toBeGreaterThanOrEqual(21);
    expect(ops.filter((op) => !succeeded.has(op))).toEqual([]);
    expect(ops.filter((op) => !failed.has(op))).toEqual([]);
    const statuses = new Set(forwardingRun.map((o) => o.status));
    expect([...statuses].sort((a, b) => a - b)).toEqual([
      200, 201, 204, 400, 401, 403, 404, 406, 409, 413, 415, 429,
    ]);
  });

  it('reports a fake answer that breaks the spec (the detector can fail)', async () => {
    const step: Step = {
      name: 'broken answer',
      method: 'GET',
      path: () => '/customers/1',
      status: 200,
    };
    const hash = freshHash();
    const viaStrict = await send(strict, hash, step, {}, { [BREAK_HEADER]: '1', 'X-Auth-Token': TOKEN });
    const viaForwarding = await send(forwarding, hash, step, {}, { [BREAK_HEADER]: '1' });
    expect(strictProblems([viaStrict]).join('\n')).toMatch(/^violation: broken answer/);
    expect(viaStrict.status).toBe(500);
    expect(forwardingProblems([viaForwarding]).join('\n')).toMatch(/violation .*"response","body"/);
  });

  it('stops Prism and leaves no process behind', async () => {
    const pids = [strict, forwarding].map((p) => p.pid);
    await Promise.all([strict.stop(), forwarding.stop()]);
    for (const pid of pids) expect(() => process.kill(-pid, 0)).toThrow(/ESRCH/);
  });
});
