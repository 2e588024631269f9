/** Durations and instants as tests and flags write them: `90s`, `1h30m`, `PT15M`, ISO 8601 dates. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PARTS = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Milliseconds of a duration: a number (ms), `<n><unit>` parts (`ms`, `s`, `m`, `h`, `d`, e.g.
 * `1h30m`), or ISO 8601 (`PT1H30M`, `P1D`); a leading `-` goes back. Null when it is none of these.
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (/^\d+(?:\.\d+)?$/.test(body)) return sign * Number(body);
  const iso = ISO_DURATION.exec(body);
  if (iso && body !== 'P' && !body.endsWith('T')) {
    const [, d, h, m, s] = iso.map((x) => Number(x ?? 0));
    return sign * (((d ?? 0) * 24 + (h ?? 0)) * 3_600_000 + (m ?? 0) * 60_000 + (s ?? 0) * 1000);
  }
  let total = 0;
  let at = 0;
  PARTS.lastIndex = 0;
  for (let m = PARTS.exec(body); m; m = PARTS.exec(body)) {
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
    at = PARTS.lastIndex;
  }
  return at > 0 && at === body.length ? sign * total : null;
}

/** Epoch ms of an instant: a number (epoch ms) or an ISO 8601 date or date-time (UTC when no offset). */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const text = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
