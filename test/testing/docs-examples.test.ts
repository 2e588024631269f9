import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(path.join(root, 'docs', 'testing.md'), 'utf8');

/** Each code block of docs/testing.md marked `<!-- example: <file> -->`, with its file. */
const examples = [...doc.matchAll(/<!-- example: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)].map((m) => ({
  file: m[1] as string,
  code: m[2] as string,
}));

describe('docs/testing.md', () => {
  it('shows every example this suite runs', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(
      [
        'test/testing/examples/global-setup.ts',
        'test/testing/examples/node-test.example.ts',
        'test/testing/examples/shared-fake.spec.ts',
        'test/testing/examples/vitest-fixture.test.ts',
        'test/testing/examples/vitest.config.ts',
      ].sort(),
    );
  });

  it.each(examples)('shows $file as it is', ({ file, code }) => {
    expect(code).toBe(readFileSync(path.join(root, file), 'utf8'));
  });
});
