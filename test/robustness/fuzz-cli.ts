/**
 * `npm run fuzz -- [--runs N] [--seed S] [--path P] [--max-commands M]`: a long model-based fuzz
 * session (see fuzz-model.ts). Prints the totals, the seed and a replay command; exits 1 on a
 * failure (fast-check's report names the seed and path that replay it).
 */
import { parseArgs } from 'node:util';
import { emptyStats, randomSeed, runFuzz } from './fuzz-model.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'max-commands': { type: 'string', default: '60' },
  },
});

const runs = Number(values.runs);
const seed = values.seed === undefined ? randomSeed() : Number(values.seed);
const maxCommands = Number(values['max-commands']);
const stats = emptyStats();
const started = performance.now();
let failed = false;
try {
  await runFuzz({ runs, seed, path: values.path, maxCommands }, stats);
} catch (err) {
  failed = true;
  console.error(err instanceof Error ? err.message : String(err));
  if (err instanceof Error && err.cause) console.error('Caused by:', err.cause);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  JSON.stringify(
    {
      result: failed ? 'FAILED' : 'passed',
      seed,
      runs: stats.runs,
      commands: stats.commands,
      requests: stats.requests,
      generatedRequests: stats.generatedRequests,
      readBackRequests: stats.requests - stats.generatedRequests,
      serverErrors: stats.serverErrors,
      specViolations: failed ? 'see the report above' : 0,
      seconds: Number(seconds),
      byStatus: stats.byStatus,
      byOperation: stats.byOperation,
    },
    null,
    2,
  ),
);
console.log(`replay: npm run fuzz -- --runs ${runs} --seed ${seed} --max-commands ${maxCommands}`);
process.exitCode = failed ? 1 : 0;
