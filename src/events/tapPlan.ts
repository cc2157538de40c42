import { InstanceRef } from '../core/instanceRef';

/** Webhook configuration fields as MegaAPI reads and writes them (`webhookData`). */
export type Fields = Record<string, unknown>;

/**
 * `secondary` (the default) taps the secondary URL and leaves the customer's
 * app on the primary; `primary` points the primary URL at the receiver.
 */
export type TapMode = 'secondary' | 'primary';

/** What a listening instance changed, kept until Stop has put it back. */
export interface TapRecord {
  instance: InstanceRef;
  mode: TapMode;
  /** The value of each written field before the tap; null when the field was absent. */
  before: Fields;
  /** What the tap wrote. */
  written: Fields;
  at: number;
}

export function tapFields(mode: TapMode, tapUrl: string): Fields {
  return mode === 'secondary'
    ? { webhookSecondaryUrl: tapUrl, webhookSecondaryEnabled: true }
    : { webhookUrl: tapUrl, webhookEnabled: true };
}

export function tapRecord(instance: InstanceRef, mode: TapMode, read: Fields, written: Fields, at: number): TapRecord {
  const before = Object.fromEntries(Object.keys(written).map((field) => [field, field in read ? read[field] : null]));
  return { instance, mode, before, written: { ...written }, at };
}

/**
 * The body of a write: every field as read, with the changes on top. Null
 * fields are left out: MegaAPI gives null no meaning on write, and a server
 * that refuses it would refuse the whole change.
 */
export function writeBody(read: Fields, changes: Fields): Fields {
  const kept = Object.entries(read).filter(([, value]) => value !== null && value !== undefined);
  return { ...Object.fromEntries(kept), ...changes };
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the configuration still carries the tap; apps that configure their webhook often blank it. */
export function tapPresent(now: Fields, record: Pick<TapRecord, 'written'>): boolean {
  return Object.entries(record.written).every(([field, value]) => same(now[field], value));
}

export interface RestorePlan {
  /** The fields to write back, with the value each must get. */
  changes: Fields;
  /** Fields changed by someone else since the tap: left as they are now. */
  changedElsewhere: string[];
  /** Fields that did not exist before the tap: in `changes` with an empty value. */
  absent: string[];
}

/**
 * Field by field: a field that still holds what the tap wrote gets its value
 * from before; one that no longer does was changed by someone else (the
 * customer's app reconfiguring its webhook) and is left alone. A field that
 * did not exist before is planned empty ('' for a URL, false for a flag);
 * `undoTap` first asks the server to delete it (null), as exact as it gets.
 */
export function restorePlan(record: TapRecord, now: Fields): RestorePlan {
  const changes: Fields = {};
  const changedElsewhere: string[] = [];
  const absent: string[] = [];
  for (const [field, wrote] of Object.entries(record.written)) {
    const before = record.before[field];
    const wasAbsent = before === null || before === undefined;
    // Already back (a Stop that failed after its write, tried again): nothing to do.
    if (isBack(now[field], wasAbsent ? blank(wrote) : before, wasAbsent)) continue;
    if (!same(now[field], wrote)) {
      changedElsewhere.push(field);
      continue;
    }
    changes[field] = wasAbsent ? blank(wrote) : before;
    if (wasAbsent) absent.push(field);
  }
  return { changes, changedElsewhere, absent };
}

/** A field that was absent is back when it is absent, null or empty again. */
function isBack(now: unknown, target: unknown, wasAbsent: boolean): boolean {
  return same(now, target) || (wasAbsent && (now === undefined || now === null || now === ''));
}

/** The fields of the plan that the read-back does not show as planned. */
export function notRestored(plan: RestorePlan, back: Fields): string[] {
  return Object.entries(plan.changes)
    .filter(([field, value]) => !isBack(back[field], value, plan.absent.includes(field)))
    .map(([field]) => field);
}

/** The plan's changes with the fields that did not exist before sent as null: "delete", where a server allows it. */
export function deletingAbsent(plan: RestorePlan): Fields {
  return { ...plan.changes, ...Object.fromEntries(plan.absent.map((field) => [field, null])) };
}

function blank(value: unknown): unknown {
  return typeof value === 'boolean' ? false : typeof value === 'number' ? 0 : '';
}
