/**
 * Content negotiation of the v2 API: which format a request is answered in, from its path suffix
 * (`.json`, `.xml`) and its `Accept` header, in the platform's order (sheet 6.1, 6.2):
 *
 * 1. an `Accept` type named exactly at full priority (q=1): `application/json` or
 *    `application/xml` (JSON when both are);
 * 2. the path suffix, unless `Accept` gives that format q=0;
 * 3. the remaining `Accept` ranges by weight (q<1 types, `application/*`, `*` + `/*`), the most
 *    specific range deciding each format's weight; JSON wins ties;
 * 4. no `Accept` at all: JSON.
 *
 * Nothing acceptable is left: not-acceptable (the caller answers 406).
 */

/** A format the fake answers in. */
export type Format = 'json' | 'xml';

/** What a request asked for, and its path without the format suffix. */
export interface Negotiated {
  format: Format | 'not-acceptable';
  path: string;
}

/** How specifically a media range names a format: 0 not at all, 1 `*` + `/*`, 2 `application/*`, 3 exactly. */
type Specificity = 0 | 1 | 2 | 3;

const JSON_TYPE = /json/i; // application/json, application/vnd.api+json, text/json: as before XML
const XML_WORD = /xml/i;
const WILDCARD = /\*\/\*|application\/\*|(?:^|,)\s*\*\s*(?:,|$)/i;

/** Decides the format of a request from its path (with any suffix) and its `Accept` header. */
export function negotiate(path: string, accept: string | undefined): Negotiated {
  let suffix: Format | undefined;
  let bare = path;
  const last = path.charCodeAt(path.length - 1); // the suffix tests run only on an 'n' or an 'l'
  if (last === 110 && path.endsWith('.json')) {
    suffix = 'json';
    bare = path.slice(0, -5);
  } else if (last === 108 && path.endsWith('.xml')) {
    suffix = 'xml';
    bare = path.slice(0, -4);
  }
  // The common cases, without parsing: no Accept, anything, JSON first at q=1 (which always
  // wins, whatever follows: `application/json, text/plain, *` + `/*`), or exactly XML.
  if (accept === undefined || accept === '' || accept === '*/*')
    return { format: suffix ?? 'json', path: bare };
  // (`lastIndexOf(x, 0) === 0` is a prefix test that costs less than `startsWith` in V8.)
  if (
    accept.length === 16
      ? accept === 'application/json'
      : accept.charCodeAt(16) === 44 && accept.lastIndexOf('application/json', 0) === 0
  )
    return { format: 'json', path: bare };
  if (accept === 'application/xml') return { format: 'xml', path: bare };
  return { format: withoutWeights(accept, suffix) ?? fromAccept(accept, suffix), path: bare };
}

/**
 * The format of an `Accept` without parameters (so every range is at q=1) that names no XML
 * type, found by substring tests alone (`application/json, text/plain, *` + `/*` and the like);
 * undefined when the header needs the full parse.
 */
function withoutWeights(accept: string, suffix: Format | undefined): Format | undefined {
  if (accept.includes(';') || XML_WORD.test(accept)) return undefined;
  if (JSON_TYPE.test(accept)) return 'json'; // a JSON type at q=1 outranks everything
  if (suffix) return suffix;
  return WILDCARD.test(accept) ? 'json' : undefined;
}

/** The format an `Accept` header and a path suffix come to (steps 1-3 above). */
function fromAccept(accept: string, suffix: Format | undefined): Negotiated['format'] {
  // Per format: the weight (-1 when no range names it) and specificity of the most specific
  // range naming it, which decides its weight (RFC 9110, 12.5.1).
  let jsonQ = -1;
  let jsonRank: Specificity = 0;
  let xmlQ = -1;
  let xmlRank: Specificity = 0;
  for (const part of accept.split(',')) {
    const semi = part.indexOf(';');
    const type = (semi === -1 ? part : part.slice(0, semi)).trim().toLowerCase();
    if (!type) continue;
    const q = semi === -1 ? 1 : quality(part.slice(semi + 1).split(';'));
    const wild: Specificity = type === 'application/*' ? 2 : type === '*/*' || type === '*' ? 1 : 0;
    const js: Specificity = JSON_TYPE.test(type) ? 3 : wild;
    const xs: Specificity = type === 'application/xml' ? 3 : wild;
    if (js > jsonRank || (js !== 0 && js === jsonRank && q > jsonQ)) [jsonRank, jsonQ] = [js, q];
    if (xs > xmlRank || (xs !== 0 && xs === xmlRank && q > xmlQ)) [xmlRank, xmlQ] = [xs, q];
  }
  if (jsonRank === 3 && jsonQ === 1) return 'json';
  if (xmlRank === 3 && xmlQ === 1) return 'xml';
  if (suffix && (suffix === 'json' ? jsonQ : xmlQ) !== 0) return suffix;
  if (jsonQ <= 0 && xmlQ <= 0) return 'not-acceptable';
  return jsonQ >= xmlQ ? 'json' : 'xml';
}

/** The `q` parameter of a media range: 1 when absent or malformed, else clamped to 0..1. */
function quality(params: string[]): number {
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'q') continue;
    const q = Number(param.slice(eq + 1).trim());
    return Number.isFinite(q) && param.slice(eq + 1).trim() !== '' ? Math.min(1, Math.max(0, q)) : 1;
  }
  return 1;
}
