import { randomBytes } from 'node:crypto';

export type SampleKind = 'text' | 'image' | 'location' | 'ack2' | 'ack3' | 'ack4' | 'connection';

export const SAMPLE_KINDS: readonly SampleKind[] = ['text', 'image', 'location', 'ack2', 'ack3', 'ack4', 'connection'];

export interface SampleContext {
  instanceKey: string;
  /** The linked phone's JID, or a placeholder. */
  jid: string;
  /** Seconds. */
  nowSeconds: number;
  /** A WhatsApp-like message id; random when not given. */
  id?: string;
}

const PEER = '5511988887777@s.whatsapp.net';
/** A 1×1 JPEG's worth of base64: the field is there, as in real media events, without the weight. */
const THUMBNAIL = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR0a';

/**
 * A synthetic event in MegaAPI's flat shape (megaapi-api.md, "Webhook
 * events"), so a handler can be tried without a second phone. Marked as
 * synthetic in a field MegaAPI does not use, so a handler's log can tell.
 */
export function sampleEvent(kind: SampleKind, context: SampleContext): Record<string, unknown> {
  const id = context.id ?? `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
  const envelope = {
    instance_key: context.instanceKey,
    jid: context.jid,
    messageTimestamp: context.nowSeconds,
    pushName: 'Maria Teste',
    broadcast: false,
    verifiedBizName: '',
    megaapiVscodeSample: true,
  };
  const incoming = { remoteJid: PEER, fromMe: false, id };
  switch (kind) {
    case 'text':
      return {
        ...envelope,
        messageType: 'conversation',
        key: incoming,
        message: { conversation: 'Olá! Sample message from MegaAPI for VS Code.', messageContextInfo: {} },
      };
    case 'image':
      return {
        ...envelope,
        messageType: 'imageMessage',
        key: incoming,
        message: {
          imageMessage: {
            url: 'https://mmg.whatsapp.net/sample.enc',
            mimetype: 'image/jpeg',
            caption: 'Sample photo',
            fileLength: '48213',
            mediaKey: 'c2FtcGxlLW1lZGlhLWtleQ==',
            jpegThumbnail: THUMBNAIL,
          },
        },
      };
    case 'location':
      return {
        ...envelope,
        messageType: 'locationMessage',
        key: incoming,
        message: { locationMessage: { degreesLatitude: -23.5613, degreesLongitude: -46.6565 } },
      };
    case 'ack2':
    case 'ack3':
    case 'ack4':
      return {
        ...envelope,
        messageType: 'message.ack',
        key: { remoteJid: PEER, fromMe: true, id },
        update: { status: Number(kind.slice(3)) },
      };
    case 'connection':
      return {
        instance_key: context.instanceKey,
        jid: context.jid,
        messageType: 'connection_update',
        connection_state: 'close',
        closeReason: 'sample: connection lost',
        timestamp: context.nowSeconds,
        megaapiVscodeSample: true,
      };
  }
}
