import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENDORED } from '../../bin/build.js';
import { emittedSpecifiers, packageOf, ROOT, runtimeImports } from './runtime-imports.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const vendored = new Set(Object.keys(VENDORED));

describe('what the installed package loads at run time', () => {
  it('finds the imports of src/ and bin/', () => {
    const packages = new Set(runtimeImports().map((i) => i.pkg));
    // Three the CLI cannot run without: if these are not found, the scan is broken.
    for (const known of ['commander', '@pact-foundation/pact', '@pactflow/swagger-mock-validator']) {
      expect(packages).toContain(known);
    }
  });

  it('lists every package that src/ or bin/ loads at run time under dependencies, or bundles it into dist/vendor/', () => {
    const missing = runtimeImports()
      .filter((i) => !dependencies.has(i.pkg) && !vendored.has(i.pkg))
      .map(
        (i) =>
          `${i.file} loads ${i.specifier}, but ${i.pkg} is ${pkg.devDependencies?.[i.pkg] ? 'a devDependency' : 'not a dependency'}`,
      );
    expect(missing).toEqual([]);
  });

  it('keeps vendored packages out of dependencies, so installing the package never runs their install scripts', () => {
    for (const name of vendored) {
      expect(dependencies.has(name), name).toBe(false);
      expect(pkg.devDependencies?.[name], name).toBeDefined();
    }
  });

  it('counts static, dynamic and require() loads, and skips imports used only as types', () => {
    const source = [
      "import type { A } from 'types-only';",
      "import { type B, c } from 'mixed';",
      "import { D } from 'unused-value';",
      "const e = await import('dynamic');",
      "const f = lazyRequire('required/sub.json');",
      "import { readFileSync } from 'node:fs';",
      'export const used = [c, e, f, readFileSync];',
      'export type Z = A | B | D;',
    ].join('\n');
    const found = emittedSpecifiers(source, 'example.ts').map(packageOf).filter(Boolean);
    expect(found.sort()).toEqual(['dynamic', 'mixed', 'required']);
  });

  it('names the package of scoped, deep and built-in specifiers', () => {
    expect(packageOf('@faker-js/faker/locale/de')).toBe('@faker-js/faker');
    expect(packageOf('i18n-iso-countries/langs/en.json')).toBe('i18n-iso-countries');
    expect(packageOf('fs')).toBeUndefined();
    expect(packageOf('node:fs')).toBeUndefined();
    expect(packageOf('./local.js')).toBeUndefined();
  });
});
