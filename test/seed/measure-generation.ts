/**
 * Measures world generation (not a test): `npx tsx test/seed/measure-generation.ts [customers...]`.
 * Each size runs in its own child process so its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateWorld } from '../../src/seed/index.js';
import type { SeedOptions } from '../../src/seed/index.js';

function measure(customers: number, addressesPerCustomer: readonly [number, number]): void {
  const options: SeedOptions = { customers, addressesPerCustomer };
  generateWorld({ customers: 200 }); // warm up the kits and the JIT
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const world = generateWorld(options);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
  console.log(
    [
      `customers=${world.customers.length}`,
      `addresses=${world.addresses.length} (per customer ${addressesPerCustomer.join('..')})`,
      `groups=${world.groups.length}`,
      `generate+fingerprint: wall ${ms.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
      `rss now=${mb(process.memoryUsage().rss)}`,
      `peak rss=${mb(process.resourceUsage().maxRSS * 1024)}`,
      `fingerprint=${world.fingerprint.slice(0, 16)}`,
    ].join('  '),
  );
}

const load = (): string => os.loadavg()[0]?.toFixed(2) ?? '?';
const [mode, size, min, max] = process.argv.slice(2);
if (mode === '--one') {
  measure(Number(size), [Number(min), Number(max)]);
} else {
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
  const self = fileURLToPath(import.meta.url);
  const ranges = [
    ['0', '3'],
    ['1', '3'],
  ] as const;
  for (const customers of sizes) {
    for (const [lo, hi] of ranges) {
      const wall = performance.now();
      const args = [...process.execArgv, self, '--one', String(customers), lo, hi];
      console.log(`(1-min load average ${load()} on ${os.cpus().length} cores)`);
      const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
      if (child.status !== 0) process.exit(child.status ?? 1);
      console.log(
        `  child process wall incl. start-up and imports: ${(performance.now() - wall).toFixed(0)} ms`,
      );
    }
  }
}
