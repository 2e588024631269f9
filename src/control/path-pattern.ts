/** Path patterns of matchers: a path below the store's `/v2` (or a whole path), with `*` and `**`. */

const cache = new Map<string, RegExp>();

/**
 * A regular expression for a path pattern. `*` stands for one path segment, `**` for any rest;
 * `{name}` stands for one segment too (as the spec writes parameters). A pattern that does not
 * start with `/stores/` is below the store's `/v2`. A `.json` suffix and a trailing `/` of the
 * request are ignored, as the API ignores them.
 */
export function pathRegex(pattern: string, hash: string): RegExp {
  const key = `${hash}\u0000${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const full = pattern.startsWith('/stores/') ? pattern : `/stores/${hash}/v2${pattern}`;
    const body = full
      .replace(/\/+$/, '')
      .replace(/\.json$/, '')
      .split(/(\*\*|\*|\{[^}/]+\})/)
      .map((part) =>
        part === '**'
          ? '.*'
          : part === '*' || /^\{[^}/]+\}$/.test(part)
            ? '[^/]+'
            : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    re = new RegExp(`^${body}(?:\\.json)?/?$`);
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** The path of a request below its store's `/v2` (`/customers/42`), or the whole path if it has none. */
export function storeRelative(path: string): string {
  const m = /^\/stores\/[^/]+\/v2(\/.*)?$/.exec(path);
  return m ? (m[1] ?? '/') : path;
}
