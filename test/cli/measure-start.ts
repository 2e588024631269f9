/**
 * Cold start of the built CLI: spawns `node bin/bc-fakestore.js serve --port 0 --quiet` and times
 * spawn → first 200 of GET /stores/<new hash>/v2/customers/count (a store seeded on that request).
 * Run after `npm run build`: `node --import tsx test/cli/measure-start.ts [runs]`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/bc-fakestore.js', import.meta.url));

async function once(): Promise<{ firstLine: number; first200: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  const firstLine = performance.now() - started;
  const res = await fetch(`${url}/stores/cold${Date.now()}/v2/customers/count`, {
    headers: { 'X-Auth-Token': 'fakestore-token' },
  });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  const first200 = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { firstLine, first200 };
}

const runs = Number(process.argv[2] ?? 7);
const results: { firstLine: number; first200: number }[] = [];
for (let i = 0; i < runs; i++) results.push(await once());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(
  `runs ${runs}: banner median ${median(results.map((r) => r.firstLine)).toFixed(0)} ms, ` +
    `first 200 median ${median(results.map((r) => r.first200)).toFixed(0)} ms ` +
    `(min ${Math.min(...results.map((r) => r.first200)).toFixed(0)}, max ${Math.max(...results.map((r) => r.first200)).toFixed(0)})`,
);
