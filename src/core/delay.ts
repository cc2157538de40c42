/**
 * The largest delay `setTimeout` honours. Node and browsers treat anything
 * above it (or NaN) as 1 ms, so a retry loop fed an overflowing delay would
 * hammer the server hundreds of times a second instead of waiting.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

function timerBound(value: number, ifNaN: number): number {
  if (Number.isNaN(value)) return ifNaN;
  return Math.min(MAX_TIMER_MS, Math.max(0, value));
}

/**
 * `ms` within [min, max], and always a value a timer takes as meant: NaN gives
 * `min`, ±Infinity the nearest bound, and the bounds themselves are kept
 * within [0, MAX_TIMER_MS]. Should `min` exceed `max`, `max` wins: waiting too
 * little is the safer mistake than a timer nobody expects.
 */
export function clampDelay(ms: number, min: number, max: number): number {
  const hi = timerBound(max, MAX_TIMER_MS);
  const lo = Math.min(timerBound(min, 0), hi);
  if (Number.isNaN(ms)) return lo;
  return Math.min(hi, Math.max(lo, ms));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// HTTP-date's three forms (RFC 9110 §5.6.7); recipients must accept all of them.
const IMF_FIXDATE = /^[a-z]{3}, (\d{1,2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;
/** Seconds as HTTP wants them (digits), plus decimals and exponents that some frameworks write. */
const SECONDS = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Epoch ms of an HTTP-date, undefined when it is not one. Date.parse is not
 * used: it accepts nearly anything and reads asctime dates as local time.
 */
function httpDate(text: string, now: number): number | undefined {
  let day: string, month: string, year: number, hh: string, mm: string, ss: string;
  let match: RegExpExecArray | null;
  if ((match = IMF_FIXDATE.exec(text))) {
    [, day, month, , hh, mm, ss] = match;
    year = Number(match[3]);
  } else if ((match = RFC_850.exec(text))) {
    [, day, month, , hh, mm, ss] = match;
    // A two-digit year more than 50 years ahead means the previous century (RFC 9110).
    const nowYear = new Date(now).getUTCFullYear();
    year = Math.floor(nowYear / 100) * 100 + Number(match[3]);
    if (year > nowYear + 50) year -= 100;
  } else if ((match = ASCTIME.exec(text))) {
    [, month, day, hh, mm, ss] = match;
    year = Number(match[6]);
  } else {
    return undefined;
  }
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const [d, h, m, s] = [day, hh, mm, ss].map(Number);
  if (monthIndex < 0 || h > 23 || m > 59 || s > 60) return undefined;
  const at = Date.UTC(year, monthIndex, d, h, m, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over into March; such a date is malformed, not early March.
  return new Date(at).getUTCDate() === d ? at : undefined;
}

/**
 * How long a `Retry-After` header asks to wait, in ms: delay-seconds or an
 * HTTP-date read against `now` (when the reply arrived). A past date or a
 * negative number means "now" (0); anything unreadable is undefined, so the
 * caller keeps its own backoff. Absurd values (1e30 s, a date in year 9999)
 * come back as MAX_TIMER_MS rather than Infinity; callers cap it lower anyway.
 */
export function parseRetryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (typeof header !== 'string') return undefined;
  const text = header.trim();
  // No real header is this long; refusing early keeps the regexes cheap.
  if (text === '' || text.length > 64) return undefined;
  if (SECONDS.test(text)) return timerBound(Number(text) * 1000, 0);
  const at = httpDate(text, now);
  if (at === undefined || !Number.isFinite(now)) return undefined;
  return timerBound(at - now, 0);
}

/**
 * The wait before the next retry: the normal backoff, lengthened to what the
 * server's `Retry-After` asks for, but never past `maxMs` (10 minutes by
 * default), so a server cannot park the extension for a day. Always within
 * [0, min(maxMs, MAX_TIMER_MS)].
 */
export function retryDelayMs(backoffMs: number, retryAfterMs: number | undefined, maxMs = 600_000): number {
  const cap = timerBound(maxMs, 600_000);
  const backoff = clampDelay(backoffMs, 0, cap);
  const asked = retryAfterMs === undefined ? 0 : clampDelay(retryAfterMs, 0, cap);
  return Math.max(backoff, asked);
}
