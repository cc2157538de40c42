/**
 * What a webhook event is, read defensively from MegaAPI's flat JSON (see
 * "Webhook events" in megaapi-api.md): any field can be missing or of another
 * type, and unknown `messageType` values are kept as unknown, never dropped.
 * Every string here is still server text: callers show it through `serverText`.
 */
export type EventKind =
  'text' | 'media' | 'location' | 'contact' | 'ack' | 'connection' | 'other' | 'unknown' | 'tooLarge' | 'notJson';

export type Direction = 'in' | 'out' | 'none';

export interface ConnectionFacts {
  /** Undefined when the state is not one this extension knows. */
  connected?: boolean;
  state: string;
  reason?: string;
}

export interface EventFacts {
  kind: EventKind;
  /** As sent, '' when absent or not a string. */
  messageType: string;
  direction: Direction;
  /** `key.remoteJid`. */
  chat?: string;
  /** `key.id`: the WhatsApp message id. */
  id?: string;
  pushName?: string;
  /** The text, caption or file name. */
  text?: string;
  /** `imageMessage` → `image`. */
  mediaKind?: string;
  /** WhatsApp's ack number (`update.status`). */
  ack?: number;
  latitude?: number;
  longitude?: number;
  connection?: ConnectionFacts;
}

type Json = Record<string, unknown>;

const MEDIA = new Map([
  ['imageMessage', 'image'],
  ['videoMessage', 'video'],
  ['audioMessage', 'audio'],
  ['documentMessage', 'document'],
  ['documentWithCaptionMessage', 'document'],
  ['stickerMessage', 'sticker'],
]);
const OTHER_KNOWN = new Set(['messageContextInfo', 'reactionMessage', 'pollCreationMessage', 'protocolMessage']);
const ACK_NAMES = new Map<string, number>([
  ['ERROR', 0],
  ['PENDING', 1],
  ['SERVER_ACK', 2],
  ['DELIVERY_ACK', 3],
  ['READ', 4],
  ['PLAYED', 5],
]);
/** `message.ack` is what MegaAPI is seen to send; the others are its spellings in Baileys-based relatives. */
const ACK_TYPES = new Set(['message.ack', 'messages.update', 'message_ack', 'ack']);
const CONNECTION_TYPES = new Set(['connection_update', 'connection.update', 'connection']);
const CONNECTED = new Set(['open', 'connected', 'phone_connected', 'online']);
const DISCONNECTED = new Set(['close', 'closed', 'disconnected', 'phone_disconnected', 'logout', 'logged_out']);

export function eventFacts(json: unknown, tooLargeBytes?: number): EventFacts {
  const base = { messageType: '', direction: 'none' as Direction };
  if (tooLargeBytes !== undefined) return { ...base, kind: 'tooLarge' };
  if (!isJson(json)) return { ...base, kind: 'notJson' };
  const messageType = str(json.messageType) ?? '';
  const key = obj(json.key);
  const fromMe = key?.fromMe;
  const facts: EventFacts = {
    kind: 'unknown',
    messageType,
    direction: fromMe === true || fromMe === 'true' ? 'out' : key ? 'in' : 'none',
    chat: str(key?.remoteJid),
    id: str(key?.id) ?? str(json.messageId),
    pushName: str(json.pushName),
  };
  const message = obj(json.message);
  const connection = connectionOf(json, messageType);
  if (connection) return { ...facts, kind: 'connection', connection };
  if (ACK_TYPES.has(messageType) || (messageType === '' && obj(json.update)?.status !== undefined)) {
    return { ...facts, kind: 'ack', ack: ackOf(obj(json.update)?.status ?? json.status) };
  }
  if (messageType === 'conversation' || messageType === 'extendedTextMessage') {
    const text = str(message?.conversation) ?? str(obj(message?.extendedTextMessage)?.text);
    return { ...facts, kind: 'text', text };
  }
  const media = MEDIA.get(messageType);
  if (media) {
    const inner = obj(message?.[messageType]);
    const nested = obj(obj(inner?.message)?.documentMessage);
    const text = str(inner?.caption) ?? str(inner?.fileName) ?? str(nested?.caption) ?? str(nested?.fileName);
    return { ...facts, kind: 'media', mediaKind: media, text };
  }
  if (messageType === 'locationMessage' || messageType === 'liveLocationMessage') {
    const inner = obj(message?.[messageType]);
    return {
      ...facts,
      kind: 'location',
      latitude: num(inner?.degreesLatitude),
      longitude: num(inner?.degreesLongitude),
    };
  }
  if (messageType === 'contactMessage' || messageType === 'contactsArrayMessage') {
    const inner = obj(message?.[messageType]);
    return { ...facts, kind: 'contact', text: str(inner?.displayName) };
  }
  if (OTHER_KNOWN.has(messageType)) return { ...facts, kind: 'other' };
  return facts;
}

/** Both shapes MegaAPI is seen to send, and a state under `message` as some hosts do. */
function connectionOf(json: Json, messageType: string): ConnectionFacts | undefined {
  const phone = str(json.message);
  const isPhone = phone === 'phone_connected' || phone === 'phone_disconnected';
  const stateField = str(json.connection_state) ?? str(json.connection) ?? str(obj(json.message)?.connection_state);
  const isConnectionType = CONNECTION_TYPES.has(messageType);
  if (!isConnectionType && !isPhone && stateField === undefined) return undefined;
  const state = stateField ?? (isPhone ? phone : undefined) ?? str(json.state) ?? str(json.status) ?? '';
  const lower = state.toLowerCase();
  const connected = CONNECTED.has(lower) ? true : DISCONNECTED.has(lower) ? false : undefined;
  const reasonRaw = json.closeReason ?? json.reason;
  const reason = str(reasonRaw) ?? (typeof reasonRaw === 'number' ? String(reasonRaw) : undefined);
  return { connected, state, reason };
}

function ackOf(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw !== 'string') return undefined;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  return ACK_NAMES.get(raw.toUpperCase());
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function obj(value: unknown): Json | undefined {
  return isJson(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
