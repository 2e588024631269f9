import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Each spec and the file `npm run gen` writes its types to (one generated folder). */
const GENERATED = [
  { spec: 'customers.v2.yaml', schema: 'schema.ts' },
  { spec: 'admin.yaml', schema: 'admin-schema.ts' },
].map((g) => ({
  ...g,
  specPath: path.join(repoRoot, 'spec', g.spec),
  schemaPath: path.join(repoRoot, 'src', 'generated', g.schema),
}));

/**
 * What `npm run gen` writes: the openapi-typescript CLI output (header + default options), then
 * `prettier --write`, which leaves the file alone when an ignore file (.gitignore, .prettierignore) lists it.
 */
async function generate(specPath: string, schemaPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { silent: true });
  const raw = `${COMMENT_HEADER}${astToString(ast)}`;
  const ignorePath = ['.gitignore', '.prettierignore'].map((name) => path.join(repoRoot, name));
  const { ignored } = await prettier.getFileInfo(schemaPath, { ignorePath });
  if (ignored) return raw;
  const config = (await prettier.resolveConfig(schemaPath)) ?? {};
  return prettier.format(raw, { ...config, filepath: schemaPath });
}

/** "line N: expected … / found …" for the first line that differs, to point at the stale part. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const line = want.findIndex((text, index) => text !== have[index]);
  const at = line === -1 ? want.length : line;
  return `line ${at + 1}: expected ${JSON.stringify(want[at])}, found ${JSON.stringify(have[at])}`;
}

describe('src/generated', () => {
  it.each(GENERATED)('$schema matches what npm run gen makes from spec/$spec', async (g) => {
    const [expected, committed] = await Promise.all([
      generate(g.specPath, g.schemaPath),
      readFile(g.schemaPath, 'utf8'),
    ]);
    const fresh = committed === expected;
    expect(
      fresh,
      fresh
        ? ''
        : `src/generated/${g.schema} is stale: run npm run gen (${firstDifference(expected, committed)})`,
    ).toBe(true);
  });
});
