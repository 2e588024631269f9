/**
 * The import boundaries of src/ are enforced by the lint that `npm test` runs: these tests show
 * the rules fail on a cycle and on an upward import, and pass on the real tree.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// `ignore: false`: the fixtures are left out of the normal lint (they are broken on purpose).
const eslint = new ESLint({ cwd: root, ignore: false });

const rulesHit = (results: ESLint.LintResult[]): string[] =>
  results.flatMap((r) => r.messages.map((m) => m.ruleId ?? m.message));

describe('import boundaries', () => {
  it('reject an import cycle', async () => {
    const results = await eslint.lintFiles(['test/lint/fixtures/cycle/first.ts']);
    expect(rulesHit(results)).toContain('import-x/no-cycle');
  }, 60_000);

  it.each([
    ['src/domain/probe.ts', "import { createApp } from '../app.js';"],
    ['src/engine/probe.ts', "import { renderError } from '../errors.js';"],
    ['src/engine/probe.ts', "import { customerJson } from '../representation/v2-json.js';"],
    ['src/routes/probe.ts', "import { startServer } from '../server.js';"],
    ['src/seed/probe.ts', "import { main } from '../cli.js';"],
  ])(
    'reject an upward import: %s doing %s',
    async (filePath, code) => {
      const results = await eslint.lintText(`${code}\nexport const probe = [${code.split(' ')[2]}];\n`, {
        filePath: `${root}${filePath}`,
      });
      expect(rulesHit(results)).toContain('import-x/no-restricted-paths');
    },
    60_000,
  );

  it('accept a downward import: the engine using the domain', async () => {
    const code =
      "import { emailKey } from '../domain/customer-rules.js';\nexport const probe = [emailKey];\n";
    const results = await eslint.lintText(code, { filePath: `${root}src/engine/probe.ts` });
    expect(rulesHit(results)).toEqual([]);
  }, 60_000);
});
