import { ApiError, ApiResult } from '../api/errors';
import { RawReply } from '../api/rawReply';
import { Webhook } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import {
  Fields,
  deletingAbsent,
  RestorePlan,
  TapMode,
  TapRecord,
  notRestored,
  restorePlan,
  tapFields,
  tapPresent,
  tapRecord,
  writeBody,
} from './tapPlan';

/** The two calls a tap makes, with their raw replies for Show Reply. */
export interface TapCalls {
  read(): Promise<{ result: ApiResult<Webhook>; reply?: RawReply }>;
  write(messageData: Fields): Promise<{ result: ApiResult<string>; reply?: RawReply }>;
}

export interface TapStore {
  set(record: TapRecord): Promise<void>;
  forget(instance: InstanceRef): Promise<void>;
}

export type TapOutcome =
  | { kind: 'tapped'; record: TapRecord; back: Fields }
  /** Written, but the read-back shows something else (or could not be read): Stop can still undo it. */
  | { kind: 'unconfirmed'; record: TapRecord; back?: Fields; reply?: RawReply }
  | { kind: 'failed'; stage: 'read' | 'write'; error: ApiError; reply?: RawReply };

/**
 * Reads the webhook, remembers the fields it is about to change (before the
 * write: a window that dies between the two must still be able to put them
 * back), writes the tap with every other field as read, and reads back.
 */
export async function applyTap(
  instance: InstanceRef,
  mode: TapMode,
  tapUrl: string,
  calls: TapCalls,
  store: TapStore,
  now: number,
): Promise<TapOutcome> {
  const read = await calls.read();
  if (!read.result.ok) return { kind: 'failed', stage: 'read', error: read.result.error, reply: read.reply };
  const fields = read.result.value.fields;
  const written = tapFields(mode, tapUrl);
  const record = tapRecord(instance, mode, fields, written, now);
  await store.set(record);
  const wrote = await calls.write(writeBody(fields, written));
  if (!wrote.result.ok) {
    await store.forget(instance);
    return { kind: 'failed', stage: 'write', error: wrote.result.error, reply: wrote.reply };
  }
  const back = await calls.read();
  if (!back.result.ok) return { kind: 'unconfirmed', record, reply: back.reply };
  const backFields = back.result.value.fields;
  if (!tapPresent(backFields, record)) return { kind: 'unconfirmed', record, back: backFields, reply: back.reply };
  return { kind: 'tapped', record, back: backFields };
}

export type UndoOutcome =
  | { kind: 'restored'; plan: RestorePlan; back: Fields }
  /** The memory is kept: Stop (or the next start) can try again. */
  | { kind: 'failed'; stage: 'read' | 'write' | 'readBack'; error?: ApiError; reply?: RawReply }
  | { kind: 'differs'; fields: string[]; back: Fields; reply?: RawReply };

/**
 * Puts back, field by field, what the tap changed; the memory is forgotten
 * only once a read-back shows every field as it was. Safe to run again after
 * a failure at any step: a field already back is left alone.
 */
export async function undoTap(record: TapRecord, calls: TapCalls, store: TapStore): Promise<UndoOutcome> {
  const read = await calls.read();
  if (!read.result.ok) return { kind: 'failed', stage: 'read', error: read.result.error, reply: read.reply };
  const fields = read.result.value.fields;
  const plan = restorePlan(record, fields);
  if (Object.keys(plan.changes).length === 0) {
    await store.forget(record.instance);
    return { kind: 'restored', plan, back: fields };
  }
  // Null first (a server that deletes on null ends exactly as before); one that refuses null gets the empty values.
  let wrote = plan.absent.length > 0 ? await calls.write(writeBody(fields, deletingAbsent(plan))) : undefined;
  if (!wrote?.result.ok) wrote = await calls.write(writeBody(fields, plan.changes));
  if (!wrote.result.ok) return { kind: 'failed', stage: 'write', error: wrote.result.error, reply: wrote.reply };
  const back = await calls.read();
  if (!back.result.ok) return { kind: 'failed', stage: 'readBack', error: back.result.error, reply: back.reply };
  const missing = notRestored(plan, back.result.value.fields);
  if (missing.length > 0) {
    return { kind: 'differs', fields: missing, back: back.result.value.fields, reply: back.reply };
  }
  await store.forget(record.instance);
  return { kind: 'restored', plan, back: back.result.value.fields };
}
