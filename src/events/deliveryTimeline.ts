import { FeedEvent } from '../instances/eventFeed';
import { eventFacts } from './eventFacts';

/** Epoch ms of each step of one message's round trip, as far as it got. */
export interface Timeline {
  sentAt: number;
  acceptedAt?: number;
  echoAt?: number;
  serverAckAt?: number;
  deliveredAt?: number;
  readAt?: number;
}

/** Folds one event into the timeline of message `id`; acks may come out of order (read before delivered). */
export function noteEvent(timeline: Timeline, id: string, event: FeedEvent): boolean {
  const facts = eventFacts(event.json, event.tooLargeBytes);
  if (facts.id !== id) return false;
  const at = event.receivedAt;
  if (facts.kind === 'ack') {
    if (facts.ack === 2) timeline.serverAckAt ??= at;
    if (facts.ack === 3) timeline.deliveredAt ??= at;
    if (facts.ack !== undefined && facts.ack >= 4) timeline.readAt ??= at;
  } else {
    timeline.echoAt ??= at;
  }
  return true;
}

/** The first event of any kind that proved MegaAPI delivered to the receiver. */
export function firstArrival(timeline: Timeline): number | undefined {
  const times = [timeline.echoAt, timeline.serverAckAt, timeline.deliveredAt, timeline.readAt].filter(
    (time): time is number => time !== undefined,
  );
  return times.length > 0 ? Math.min(...times) : undefined;
}

export type UrlFlag = 'n8nTest' | 'thisMachine' | 'privateNetwork' | 'plainHttp' | 'empty' | 'disabled' | 'invalid';

/** What is wrong with a webhook URL MegaAPI is configured with, seen from MegaAPI's side. */
export function urlFlags(url: string, enabled: boolean | undefined): UrlFlag[] {
  const flags: UrlFlag[] = [];
  if (url === '') return ['empty'];
  if (enabled === false) flags.push('disabled');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [...flags, 'invalid'];
  }
  if (parsed.pathname.includes('/webhook-test/')) flags.push('n8nTest');
  const host = parsed.hostname.toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0'
  ) {
    flags.push('thisMachine');
  } else if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(host) || /^\[f[cd]/.test(host)) {
    flags.push('privateNetwork');
  }
  if (parsed.protocol === 'http:') flags.push('plainHttp');
  return flags;
}
