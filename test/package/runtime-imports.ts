/**
 * The packages the shipped code loads at run time: every module specifier of src/ as tsc emits it
 * (type-only imports gone), dynamic imports and `require` calls included, plus bin/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One package a file loads at run time. */
export interface RuntimeImport {
  /** The file, relative to the repository root. */
  file: string;
  /** The specifier as written: `yaml`, `@faker-js/faker/locale/de`. */
  specifier: string;
  /** The package it names: `yaml`, `@faker-js/faker`. */
  pkg: string;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ext);
    return ext.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The package a bare specifier names; undefined for relative paths and Node's own modules. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
  return builtinModules.includes(pkg) ? undefined : pkg;
}

/** Specifiers of the JavaScript that tsc emits for `source` (imports only used as types are dropped). */
export function emittedSpecifiers(source: string, fileName: string): string[] {
  const js = fileName.endsWith('.ts')
    ? ts.transpileModule(source, {
        fileName,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText
    : source;
  const found = ts.preProcessFile(js, true, true).importedFiles.map((f) => f.fileName);
  // createRequire(...) functions, whatever they are called: lazyRequire('yaml').
  for (const m of js.matchAll(/\b\w*[rR]equire\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] as string);
  return [...new Set(found)];
}

let scanned: RuntimeImport[] | undefined;

/** Every package the files of src/ (generated types included) and bin/ load at run time (scanned once). */
export function runtimeImports(): RuntimeImport[] {
  scanned ??= scan();
  return scanned;
}

function scan(): RuntimeImport[] {
  const files = [
    ...filesUnder(join(ROOT, 'src'), /\.ts$/),
    ...filesUnder(join(ROOT, 'bin'), /^bc-fakestore\.js$/),
  ];
  return files.flatMap((path) =>
    emittedSpecifiers(readFileSync(path, 'utf8'), path).flatMap((specifier) => {
      const pkg = packageOf(specifier);
      return pkg ? [{ file: relative(ROOT, path), specifier, pkg }] : [];
    }),
  );
}
