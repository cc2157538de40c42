export interface MockRequestLog {
  time: number;
  method: string;
  /** The path as sent, still URL-encoded. */
  path: string;
  /** The query string with its `?`, or '' when there is none. */
  query: string;
  /** The decoded instance key when the path names one, even an unknown one. */
  key: string | undefined;
  /** True only when the key is known and the Bearer token is that instance's. */
  authorized: boolean;
  /** The raw header, kept so a test can prove the token travelled only there. */
  authorization: string | undefined;
  /** The raw `Content-Type` and `Accept` headers, when sent: a copied snippet must send what the extension sends. */
  contentType?: string;
  accept?: string;
  /**
   * The parsed JSON; for anything else, or JSON over 16 KiB, the raw text cut
   * to 1 KiB; absent when the request had no body.
   */
  body?: unknown;
}

/** A long demo polls every few seconds; past this size the oldest entries go. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: MockRequestLog[] = [];

  add(entry: MockRequestLog): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  all(): MockRequestLog[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
  }
}
