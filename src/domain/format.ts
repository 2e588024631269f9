/** How the platform writes dates and amounts. */

let lastMs = NaN;
let lastRfc2822 = '';

/** RFC 2822 in GMT with a `+0000` offset, e.g. `Mon, 06 May 2024 07:34:10 +0000`. */
export function rfc2822(ms: number): string {
  // Writes within one second share their date: remember the last one.
  if (ms !== lastMs) {
    lastRfc2822 = new Date(ms).toUTCString().replace('GMT', '+0000');
    lastMs = ms;
  }
  return lastRfc2822;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as customer groups show their dates. */
export function groupDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A number or numeric string as a 4-decimal string; null when it is not a usable amount. */
export function money(value: number | string): string | null {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || Math.abs(n) >= 1e12) return null;
  return n.toFixed(4);
}

/** The clock's time cut to whole seconds, as the platform stores dates. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

const RFC2822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|UTC)$/;
const ISO8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A `+hh:mm` (ISO) or `+hhmm` (RFC 2822) offset whose `+` arrived as a space: clients that do not
 * percent-encode `+` in a query send `2020-01-15T17:44:51+00:00`, which decodes with a space.
 */
function restorePlus(text: string): string {
  return text
    .replace(/^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?) (\d{2}:?\d{2})$/, '$1+$2')
    .replace(/(\d{2}:\d{2}(?::\d{2})?) {1,2}(\d{4})$/, '$1 +$2');
}

/**
 * Parses a date filter: RFC 2822 or ISO 8601 (a date alone, or a date-time with or without an
 * offset; no offset means UTC). Returns epoch ms, or null when the text is neither.
 */
export function parseDateFilter(text: string): number | null {
  const t = restorePlus(text.trim());
  if (RFC2822.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  if (!ISO8601.test(t)) return null;
  let iso = t.replace(' ', 'T');
  if (iso.length === 10) iso += 'T00:00:00Z';
  else if (!/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
