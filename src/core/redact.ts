/**
 * The tokens this machine holds, and the one function that blanks them in
 * text a server sent. A server that echoes the Bearer token (in instance
 * data, an error message, a header it reflects) must not put it on screen,
 * in the log or in a tool result, which leaves the machine.
 *
 * `serverText` and `logLine` consult the registry themselves, so no call site
 * has to remember to pass the secrets: the token store adds every token it
 * reads, stores or sees change. It is the one module-level registry of the
 * extension, on purpose: it starts empty and is correct empty (nothing to
 * blank yet), so nothing must initialise it first.
 *
 * Every form a server could plausibly echo is blanked:
 * - the token as is, and in any other letter case;
 * - JSON-escaped (`\"`, `\\`, `\/`, `\u00xx`) and URL-escaped;
 * - base64 and base64url of the token and of `Bearer <token>`, at any
 *   alignment inside a longer base64 text (so a reflected
 *   `Authorization` header or a JSON blob in base64 is caught too);
 * - a prefix of at least {@link PREFIX} characters of any of those forms
 *   (a server that cuts the token short still shows most of it).
 * Tokens shorter than {@link SHORTEST} characters are not blanked: they would
 * blank ordinary words, and no MegaAPI token is that short.
 */

export const REDACTED = '«token»';

/** A cut-off token is blanked once this many of its characters appear. */
export const PREFIX = 12;
/** Shorter secrets are ignored (see the module comment). */
export const SHORTEST = 4;
/** Tokens are kept for the session, even once deleted (a server may still echo an old one); bounded. */
const MOST = 500;

/** Every text form of one secret that a server could echo. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/\//g, '\\/'));
  forms.add(secret.replace(/[^A-Za-z0-9]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
  forms.add(encodeURIComponent(secret));
  forms.add(encodeURI(secret));
  forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
  const bytes = utf8(secret);
  const bearer = utf8(`Bearer ${secret}`);
  for (const data of [bytes, bearer]) {
    for (const encoded of base64Cores(data)) {
      forms.add(encoded);
      forms.add(encoded.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].filter((form) => form.length >= SHORTEST);
}

/**
 * Base64 of `data` as it appears when preceded by 0, 1 or 2 other bytes:
 * only the characters that depend on `data` alone, so the form is found
 * wherever the secret sits inside a longer encoded text.
 */
function base64Cores(data: Uint8Array): string[] {
  const cores: string[] = [];
  for (let lead = 0; lead < 3; lead++) {
    const led = new Uint8Array(lead + data.length);
    led.set(data, lead);
    const encoded = base64(led);
    const from = Math.ceil((8 * lead) / 6);
    const to = Math.floor((8 * (lead + data.length)) / 6);
    cores.push(encoded.slice(from, to));
    // Alone (lead 0), the padded ending is what a server sends.
    if (lead === 0) cores.push(encoded);
  }
  return cores;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (no `Buffer`: this floor is also type-checked for the webview). */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += DIGITS[(chunk >> 18) & 63] + DIGITS[(chunk >> 12) & 63];
    out += left > 1 ? DIGITS[(chunk >> 6) & 63] : '=';
    out += left > 2 ? DIGITS[chunk & 63] : '=';
  }
  return out;
}

/** A set of secrets with the matcher built once per change, not once per text. */
export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private matcher: Matcher | undefined;

  add(secret: string | undefined): void {
    if (typeof secret !== 'string' || secret.length < SHORTEST || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    if (this.secrets.size > MOST) this.secrets.delete(this.secrets.values().next().value as string);
    this.matcher = undefined;
  }

  clear(): void {
    this.secrets.clear();
    this.matcher = undefined;
  }

  size(): number {
    return this.secrets.size;
  }

  /** The text with every form of every secret replaced by {@link REDACTED}. */
  redact(text: string, extra: readonly string[] = []): string {
    const added = extra.filter((secret) => typeof secret === 'string' && !this.secrets.has(secret));
    if (added.length > 0) return new Matcher([...this.secrets, ...added]).redact(text);
    if (this.secrets.size === 0) return text;
    this.matcher ??= new Matcher([...this.secrets]);
    return this.matcher.redact(text);
  }
}

/** The tokens this machine holds, fed by the token store (see the module comment). */
export const heldSecrets = new SecretRegistry();

/** Blanks every held token (and `extra` ones) in `text`. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  return heldSecrets.redact(text, extra);
}

class Matcher {
  /** Lower-cased first characters of a form → the forms that start so. */
  private readonly byStart = new Map<string, string[]>();
  private readonly pattern: RegExp | undefined;

  constructor(secrets: readonly string[]) {
    for (const secret of secrets) {
      if (secret.length < SHORTEST) continue;
      for (const form of secretForms(secret)) {
        const start = form.slice(0, PREFIX).toLowerCase();
        const list = this.byStart.get(start) ?? [];
        list.push(form.toLowerCase());
        this.byStart.set(start, list);
      }
    }
    const starts = [...this.byStart.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = starts.length > 0 ? new RegExp(starts.join('|'), 'gi') : undefined;
  }

  redact(text: string): string {
    const pattern = this.pattern;
    if (!pattern || text.length < SHORTEST) return text;
    pattern.lastIndex = 0;
    let out = '';
    let from = 0;
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      const at = found.index;
      const forms = this.byStart.get(found[0].toLowerCase()) ?? [];
      let length = found[0].length;
      for (const form of forms) length = Math.max(length, matchedLength(text, at, form));
      out += text.slice(from, at) + REDACTED;
      from = at + length;
      pattern.lastIndex = from;
    }
    return from === 0 ? text : out + text.slice(from);
  }
}

/** How many characters of `form` (lower case) match `text` at `at`, ignoring case. */
function matchedLength(text: string, at: number, form: string): number {
  let length = 0;
  while (length < form.length && at + length < text.length) {
    if (text.charAt(at + length).toLowerCase() !== form.charAt(length)) break;
    length++;
  }
  return length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
