import { InstanceRef } from '../core/instanceRef';
import { PanelAction, PanelButton, isPanelAction } from './panelActions';

export type PanelPhaseName = 'loading' | 'qr' | 'waiting' | 'checking' | 'connected' | 'error' | 'expired';

/**
 * Countdown texts are translated with this in place of the number, and the
 * webview puts the seconds there as they tick.
 */
export const SECONDS = '%s';

/**
 * Everything the panel shows, already in the user's language and with every
 * server word made inert: the webview only renders it, as text.
 */
export interface PanelContent {
  phase: PanelPhaseName;
  headline: string;
  message?: string;
  /** A data: URI rebuilt from validated image bytes, never the server's text. */
  image?: string;
  imageAlt?: string;
  fetchedAt?: string;
  /** Epoch ms; with `countdownText` ("New QR in %s s") the webview ticks the countdown itself. */
  countdownTo?: number;
  countdownText?: string;
  stale?: boolean;
  actions: PanelButton[];
  tips?: string[];
  pairing: PairingContent;
}

export interface PairingContent {
  phase: 'idle' | 'loading' | 'code' | 'throttled' | 'error';
  phone?: string;
  /** Shown as `XXXX-XXXX`. */
  code?: string;
  message?: string;
  countdownTo?: number;
  countdownText?: string;
  /** Until when the Get Code button waits, because of the throttle. */
  waitUntil?: number;
  waitText?: string;
}

/** `instance` rides along so the webview's saved state can restore the panel after a reload. */
export type ToWebview = { type: 'render'; content: PanelContent; instance: InstanceRef };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'action'; action: PanelAction }
  | { type: 'pairingCode'; phone: string }
  /** The QR image finished decoding on screen; for the performance breakdown. */
  | { type: 'qrShown' };

/** What the webview keeps across hide/show and reloads: no phone number, no pairing code. */
export interface SavedPanelState {
  instance: InstanceRef;
  content?: PanelContent;
}

/** Webview messages are input like any other: anything unexpected is dropped. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const message = raw as { type?: unknown; action?: unknown; phone?: unknown };
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type === 'qrShown') return { type: 'qrShown' };
  if (message.type === 'action' && isPanelAction(message.action)) return { type: 'action', action: message.action };
  const phone = message.phone;
  // Parsed again by the panel; this only bounds what is accepted at all.
  if (message.type === 'pairingCode' && typeof phone === 'string' && phone.length <= 64) {
    return { type: 'pairingCode', phone };
  }
  return undefined;
}
