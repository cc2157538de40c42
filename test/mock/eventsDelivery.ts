import { request } from 'node:http';
import { Reply, json } from './send';
import type { WebhookState } from './webhookState';

/** One POST the mock made to a webhook URL. */
export interface Delivery {
  url: string;
  messageType: string;
  /** Undefined when no answer came (or when the URL was not on this machine and was skipped). */
  status?: number;
  failure?: string;
  at: number;
  ms: number;
}

export type InboundKind =
  'text' | 'image' | 'video' | 'audio' | 'document' | 'sticker' | 'location' | 'contact' | 'unknown';

/** What the deliveries need of an instance. */
export interface DeliveringInstance {
  key: string;
  webhook: WebhookState;
  ownJid(): string;
}

/** Between the echo and each ack, as WhatsApp spaces them (shortened for tests). */
const STEP_MS = 40;
const PEER = '5511988887777@s.whatsapp.net';

/**
 * MegaAPI's side of the webhook: after a send, the `fromMe` echo then acks
 * 2 → 3 → 4; inbound events on request; a connection update on logout or
 * disconnect. Each goes to every enabled URL, primary and secondary. Only
 * URLs on this machine are called: a test double must not reach the
 * internet (the mock's default webhook is example.com); others are recorded
 * as skipped.
 */
export class EventDeliveries {
  readonly log: Delivery[] = [];
  private seq = 0;

  constructor(
    private readonly instance: DeliveringInstance,
    private readonly now: () => number = Date.now,
  ) {}

  reset(): void {
    this.log.length = 0;
  }

  targets(): string[] {
    const data = this.instance.webhook.data;
    const urls: string[] = [];
    if (typeof data.webhookUrl === 'string' && data.webhookUrl !== '' && data.webhookEnabled !== false) {
      urls.push(data.webhookUrl);
    }
    const secondary = data.webhookSecondaryUrl;
    if (typeof secondary === 'string' && secondary !== '' && data.webhookSecondaryEnabled === true) {
      urls.push(secondary);
    }
    return urls;
  }

  /** The echo and the acks of a sent message, in order, spaced apart. */
  afterSend(to: string, id: string, text: string): void {
    const remoteJid = to.endsWith('@g.us') ? to : `${to}@s.whatsapp.net`;
    const key = { remoteJid, fromMe: true, id };
    const steps: Array<Record<string, unknown>> = [
      { ...this.envelope(), messageType: 'conversation', key, message: { conversation: text } },
      ...[2, 3, 4].map((status) => ({ ...this.envelope(), messageType: 'message.ack', key, update: { status } })),
    ];
    void (async () => {
      for (const step of steps) {
        await new Promise((resolve) => setTimeout(resolve, STEP_MS));
        await this.deliver(step);
      }
    })();
  }

  inject(kind: InboundKind): Reply {
    const event = this.inbound(kind);
    void this.deliver(event);
    return json(200, { ok: true, event, targets: this.targets() });
  }

  connection(state: 'open' | 'close', reason: string): void {
    void this.deliver({
      instance_key: this.instance.key,
      jid: this.instance.ownJid(),
      messageType: 'connection_update',
      connection_state: state,
      closeReason: reason,
      timestamp: Math.floor(this.now() / 1000),
    });
  }

  async deliver(event: Record<string, unknown>): Promise<void> {
    const body = Buffer.from(JSON.stringify(event));
    await Promise.all(this.targets().map((url) => this.post(url, body, String(event.messageType))));
  }

  private envelope(): Record<string, unknown> {
    return {
      instance_key: this.instance.key,
      jid: this.instance.ownJid(),
      messageTimestamp: Math.floor(this.now() / 1000),
      pushName: 'Mock Peer',
      broadcast: false,
      verifiedBizName: '',
    };
  }

  private inbound(kind: InboundKind): Record<string, unknown> {
    this.seq += 1;
    const key = { remoteJid: PEER, fromMe: false, id: `MOCKIN${this.seq}` };
    const base = { ...this.envelope(), key };
    const media = (type: string, inner: Record<string, unknown>) => ({
      ...base,
      messageType: type,
      message: { [type]: { url: 'https://mmg.whatsapp.net/mock.enc', mimetype: 'application/octet-stream', ...inner } },
    });
    switch (kind) {
      case 'text':
        return { ...base, messageType: 'conversation', message: { conversation: 'Olá do mock' } };
      case 'image':
        return media('imageMessage', { caption: 'Foto do mock', jpegThumbnail: '/9j/4AAQ' });
      case 'video':
        return media('videoMessage', { caption: 'Vídeo do mock' });
      case 'audio':
        return media('audioMessage', { ptt: true, seconds: 3 });
      case 'document':
        return media('documentMessage', { fileName: 'mock.pdf' });
      case 'sticker':
        return media('stickerMessage', {});
      case 'location':
        return {
          ...base,
          messageType: 'locationMessage',
          message: { locationMessage: { degreesLatitude: -23.56, degreesLongitude: -46.65 } },
        };
      case 'contact':
        return {
          ...base,
          messageType: 'contactMessage',
          message: { contactMessage: { displayName: 'Contato Mock', vcard: 'BEGIN:VCARD\nEND:VCARD' } },
        };
      case 'unknown':
        return { ...base, messageType: 'pollUpdateMessage', message: { pollUpdateMessage: {} } };
    }
  }

  private post(url: string, body: Buffer, messageType: string): Promise<void> {
    const at = this.now();
    const record = (outcome: { status?: number; failure?: string }) => {
      this.log.push({ url, messageType, at, ms: this.now() - at, ...outcome });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      record({ failure: 'invalid URL' });
      return Promise.resolve();
    }
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname) || target.protocol !== 'http:') {
      record({ failure: 'skipped: not on this machine' });
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const req = request(
        target,
        { method: 'POST', agent: false, timeout: 5000, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => {
            record({ status: res.statusCode });
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        record({ failure: error.code ?? error.message });
        resolve();
      });
      req.end(body);
    });
  }
}

export const INBOUND_KINDS: readonly InboundKind[] = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contact',
  'unknown',
];

/** `POST /__mock/instances/{key}/events {kind}` and `GET /__mock/instances/{key}/deliveries`. */
export function answerEventsControl(deliveries: EventDeliveries, method: string, body: unknown): Reply {
  if (method === 'GET') return json(200, { deliveries: deliveries.log });
  const kind = (body as { kind?: unknown } | undefined)?.kind;
  const found = INBOUND_KINDS.find((k) => k === kind);
  if (!found) return json(400, { error: true, message: `kind must be one of ${INBOUND_KINDS.join(', ')}` });
  return deliveries.inject(found);
}
