/**
 * A misbehaviour to inject into the next matching /rest requests. A fault with
 * none of status, body, hang, resetMidBody or bigBodyBytes only delays (and
 * adds headers to) the normal answer.
 */
export interface MockFault {
  /** Substring of the request path; absent matches every /rest request. */
  match?: string;
  /** How many matching requests the fault applies to; default 1. */
  count?: number;
  status?: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Accept the request and never answer, until the server closes. */
  hang?: boolean;
  /** Send the headers and part of the body, then destroy the socket. */
  resetMidBody?: boolean;
  /** Stream this many bytes of JSON-looking junk. */
  bigBodyBytes?: number;
}

export type FaultParse = { ok: true; fault: MockFault } | { ok: false; reason: string };

const KEYS = [
  'match',
  'count',
  'status',
  'body',
  'contentType',
  'headers',
  'delayMs',
  'hang',
  'resetMidBody',
  'bigBodyBytes',
];

/** Strict on purpose: a misspelt field ("delay") would otherwise queue a fault that silently does nothing. */
export function parseFault(raw: unknown): FaultParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'fault must be a JSON object' };
  }
  const input = raw as Record<string, unknown>;
  const unknown = Object.keys(input).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) return { ok: false, reason: `unknown fault field(s): ${unknown.join(', ')}` };

  const problems: string[] = [];
  const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  const check = (name: string, valid: (v: unknown) => boolean, expected: string) => {
    if (input[name] !== undefined && !valid(input[name])) problems.push(`${name} must be ${expected}`);
  };
  check('match', (v) => typeof v === 'string', 'a string');
  check('count', (v) => isInt(v, 1), 'an integer >= 1');
  check('status', (v) => isInt(v, 100, 599), 'an HTTP status');
  check('body', (v) => typeof v === 'string', 'a string');
  check('contentType', (v) => typeof v === 'string', 'a string');
  check('delayMs', (v) => isInt(v, 0, 600_000), 'an integer of milliseconds');
  check('hang', (v) => typeof v === 'boolean', 'a boolean');
  check('resetMidBody', (v) => typeof v === 'boolean', 'a boolean');
  check('bigBodyBytes', (v) => isInt(v, 1, 1 << 30), 'a positive integer');
  check('headers', isHeaderObject, 'an object of string or number values');
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };

  const fault = { ...input } as MockFault;
  if (input.headers !== undefined) {
    fault.headers = Object.fromEntries(Object.entries(input.headers as object).map(([k, v]) => [k, String(v)]));
  }
  return { ok: true, fault };
}

function isHeaderObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number');
}

/** True when the fault answers instead of the normal route, so the route (and its side effects) must not run. */
export function replacesAnswer(fault: MockFault): boolean {
  return (
    fault.status !== undefined || fault.body !== undefined || fault.bigBodyBytes !== undefined || fault.hang === true
  );
}

/** First queued, first served: a test can line up "502, then 401" for consecutive requests. */
export class FaultQueue {
  private queue: { fault: MockFault; left: number }[] = [];

  add(fault: MockFault): void {
    this.queue.push({ fault, left: fault.count ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): MockFault[] {
    return this.queue.map(({ fault, left }) => ({ ...fault, count: left }));
  }

  /** Consumes one use of the first fault matching `path`. */
  take(path: string): MockFault | undefined {
    const index = this.queue.findIndex(({ fault }) => fault.match === undefined || path.includes(fault.match));
    if (index < 0) return undefined;
    const entry = this.queue[index];
    entry.left -= 1;
    if (entry.left <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }
}
