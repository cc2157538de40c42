/**
 * Clock times as the user's language writes them: `minutes` for the sidebar's
 * "checked at 14:05", `seconds` for the panel's "fetched at 14:05:09".
 *
 * Each formatter is built once per language and kept. `toLocaleTimeString`
 * builds a new one on every call, tens of microseconds each, and the sidebar
 * formats a time for every row on every redraw: with 200 instances answering
 * a Refresh, that kept the extension host busy between requests.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  minutes: { hour: '2-digit', minute: '2-digit' },
  seconds: { hour: 'numeric', minute: 'numeric', second: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export function clockTime(epochMs: number, language: string, style: keyof typeof STYLES): string {
  const id = `${language}|${style}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, STYLES[style]);
    formatters.set(id, formatter);
  }
  return formatter.format(epochMs);
}
