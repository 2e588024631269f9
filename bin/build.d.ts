/** Where the digest of the sources dist/ was built from is kept (relative to the root). */
export declare const DIGEST_FILE: string;
/** A sha256 over the names and contents of src/** and the tsconfig files of `root`. */
export declare function sourceDigest(root: string): string;
/** Whether dist/ of `root` was built from the sources as they are now. */
export declare function buildIsCurrent(root: string): boolean;
/**
 * Runs `build` (mode `always`, the default), or only when dist/ is not current (`if-needed`), or
 * after emptying dist/ (`clean`); records the digest after a build that succeeded. Resolves to whether it built.
 */
export declare function ensureBuilt(options: {
  root: string;
  build: () => void | Promise<void>;
  mode?: 'always' | 'if-needed' | 'clean';
}): Promise<boolean>;
/** Packages bundled into dist/vendor/ instead of depended on: package name → file under dist/vendor/. */
export declare const VENDORED: Record<string, string>;
/** Files under dist/ that a build writes besides tsc's output (paths with `/`); all must exist for dist/ to be current. */
export declare const BUILD_OUTPUTS: string[];
