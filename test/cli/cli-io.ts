/** In-process CLI runs for tests: an io that records lines, and `serve` run until the test is done. */
import { main, type CliIo } from '../../src/cli.js';

/** A CLI io that records lines and stops when the test says so. */
export function testIo() {
  const out: string[] = [];
  const err: string[] = [];
  const waiters: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const io: CliIo = {
    out: (line) => {
      out.push(line);
      for (const w of [...waiters]) {
        const m = w.pattern.exec(line);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    },
    err: (line) => err.push(line),
    untilStopped: () => stopped,
  };
  /** Resolves with the first printed line (past or future) that matches. */
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      for (const l of out) {
        const m = pattern.exec(l);
        if (m) return resolve(m);
      }
      waiters.push({ pattern, resolve });
    });
  return { io, out, err, line, stop: () => stop('SIGTERM') };
}

/** Runs `serve` in-process until `use` is done, then stops it; returns the exit code and printed lines. */
export async function withServe(args: string[], use: (url: string) => Promise<void>) {
  const t = testIo();
  const exit = main(['serve', '--port', '0', '--password-cost', '16', ...args], t.io);
  const url = await Promise.race([
    t.line(/listening on (http:\/\/\S+)/).then((m) => m[1] as string),
    exit.then((code) => {
      throw new Error(`serve exited with ${code}: ${t.err.join(' ')}`);
    }),
  ]);
  try {
    await use(url);
  } finally {
    t.stop();
  }
  return { code: await exit, out: t.out, err: t.err };
}
