/**
 * One file, one fake: a second `serve --db` on a file in use is refused with one line, and the
 * lock goes with the process that held it, however it ended (SIGKILL included).
 */
import { describe, expect, it } from 'vitest';
import { dbFiles } from './db-files.js';
import { isGone, serveUp, startServe } from './serve-process.js';

const files = dbFiles();

describe('a second process on the same database file', () => {
  it('is refused with one line while the first serves, and starts once the first is killed', async () => {
    const file = files.file();
    const first = await serveUp(['--db', file]);
    expect((await fetch(`${first.url}/__admin/health`)).status).toBe(200);

    const second = await startServe(['--db', file]);
    expect('url' in second).toBe(false);
    if ('url' in second) return;
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `error: ${file} is in use by another process (another bc-fakestore?): one file serves one fake at a time\n`,
    );
    // The first one never noticed.
    expect((await fetch(`${first.url}/__admin/health`)).status).toBe(200);

    expect((await first.stop('SIGKILL')).signal).toBe('SIGKILL');
    expect(isGone(first.pid)).toBe(true);
    expect(first.stdout()).toContain(`database ${file}: 0 stores found`);
    const third = await serveUp(['--db', file]);
    expect((await fetch(`${third.url}/__admin/health`)).status).toBe(200);
    // The default store, seeded by the first process, was found, not seeded again.
    expect(third.stdout()).toContain(`database ${file}: 1 store found, served as saved (never reseeded)`);
    expect(await third.stop('SIGTERM')).toMatchObject({ code: 0, stderr: '' });
  }, 60_000);
});
