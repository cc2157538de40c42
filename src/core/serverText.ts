/**
 * Server words shown to the user go through `serverText`, so that what MegaAPI
 * (or whatever answers at the configured host) sends stays inert text in every
 * sink: notifications render `[text](command:...)` as a link that runs a
 * command, quick picks and the status bar render `$(icon)`, markdown tooltips
 * render HTML, and bidi controls can make a message read differently from
 * what it says.
 *
 * The text is neutralised rather than escaped, because the sinks disagree on
 * escaping (a notification has no backslash escapes, a quick pick label is not
 * markdown): the few sequences that start active syntax are broken with a
 * space or replaced by a look-alike, so the words stay readable everywhere.
 *
 * What more was considered:
 * - A bare `command:`, `vscode:` or `file:` URI is not clickable on its own in
 *   any of these sinks: notifications only link the `[text](uri)` form,
 *   markdown only autolinks `<uri>` (no `<` survives) and, as GFM, bare
 *   http(s)/www/e-mail addresses. So the schemes themselves are left alone.
 * - Reference links (`[text][id]` with `[id]: command:x`) need a definition,
 *   which starts with `]:`; that pair is broken too, so no definition forms.
 * - Bare https:// URLs may still be autolinked by markdown sinks; opening one
 *   goes through VS Code's external-link confirmation, as any web link.
 * - This is not HTML escaping: `&`, `"` and `'` pass, so the webview must still
 *   insert the result with `textContent` or through its escaping builder.
 * - The result is inert on its own. Templates should not put it inside a link
 *   label or glue it to markup (`]{0}`, `{0}(`); a space or quotes around the
 *   placeholder keep it apart.
 */

import { redactSecrets } from './redact';

/** U+2028/2029 and NEL end lines in some renderers; they become spaces like `\n`. */
const LINE_BREAKS = /[\u0085\u2028\u2029]/g;
/**
 * Control characters (C0, DEL, C1), every format character (bidi controls,
 * zero-width characters, BOM, invisible tag characters used to smuggle hidden
 * text) and lone surrogates. Whitespace controls were turned into spaces first.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const WHITESPACE_RUN = /\s+/g;
/** `](` inline link, `]:` reference definition, `![` image, `$(` codicon. */
const ACTIVE_PAIRS = /\](?=[(:])|!(?=\[)|\$(?=\()/g;

/** How many code units of input are looked at; the rest can only be cut off. */
function window(limit: number): number {
  return Math.max(1024, limit * 8);
}

function asText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'boolean') return String(raw);
  // Objects are never stringified: a reply's toString is not text for the user.
  return '';
}

function normaliseLimit(maxLength: number): number {
  return maxLength >= 1 ? Math.floor(maxLength) : 1;
}

/**
 * Cuts to at most `limit` UTF-16 code units, never between the halves of a
 * surrogate pair, and marks the cut with `…` (so at most `limit + 1` units).
 */
function cut(text: string, limit: number, wasCut: boolean): string {
  if (!wasCut && text.length <= limit) return text;
  let end = Math.min(limit, text.length);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Makes any server-supplied value safe to show as one line of plain text in VS Code UI.
 * Every token this machine holds is blanked in every form a server could echo (see `redact.ts`).
 */
export function serverText(raw: unknown, maxLength = 300): string {
  const limit = normaliseLimit(maxLength);
  let text = asText(raw);
  // Only a bounded prefix is worked on, so a 1 MB error page costs no more than a short one.
  const span = window(limit);
  const wasCut = text.length > span;
  if (wasCut) text = text.slice(0, span);
  // Every token this machine holds is blanked, before (as sent) and after (hidden characters gone) the clean-up.
  text = redactSecrets(text)
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_RUN, ' ')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(ACTIVE_PAIRS, '$& ')
    .trim();
  return cut(redactSecrets(text), limit, wasCut);
}

/**
 * One log line for a server value. The log is where someone looks for what the
 * server actually said, so nothing is dropped or rewritten: invisible and
 * line-breaking characters are shown as `\n`, `\u202e` etc. (a reply cannot
 * forge a second log line or hide text), and markup stays as sent because the
 * output channel renders none of it. The bound is larger than for UI text.
 */
export function logLine(raw: unknown, maxLength = 500): string {
  const limit = normaliseLimit(maxLength);
  let text = asText(raw);
  const span = window(limit);
  const wasCut = text.length > span;
  if (wasCut) text = text.slice(0, span);
  text = redactSecrets(text).replace(/[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu, escapeChar);
  return cut(text, limit, wasCut);
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return (
    SHORT_ESCAPES[char] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}
