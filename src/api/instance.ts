import { Endpoint } from './client';
import {
  InstanceStatus,
  QrReply,
  messageFromReply,
  pairingCodeFromReply,
  qrFromReply,
  statusFromReply,
} from './replies';

// The linking calls, one description each: the client sends them and Copy Request as Code writes them out.

export function qrEndpoint(key: string): Endpoint<QrReply> {
  return { what: 'QR', method: 'GET', path: ['instance', 'qrcode_base64', key], parse: qrFromReply };
}

export function statusEndpoint(key: string): Endpoint<InstanceStatus> {
  return { what: 'Status', method: 'GET', path: ['instance', key], parse: statusFromReply };
}

/** `phoneDigits`: digits only, with the country code. */
export function pairingCodeEndpoint(key: string, phoneDigits: string): Endpoint<string> {
  return {
    what: 'Pairing code',
    method: 'GET',
    path: ['instance', 'pairingCode', key],
    query: { phoneNumber: phoneDigits },
    parse: pairingCodeFromReply,
  };
}

export function logoutEndpoint(key: string): Endpoint<string> {
  return { what: 'Logout', method: 'DELETE', path: ['instance', key, 'logout'], parse: messageFromReply };
}

export function restartEndpoint(key: string): Endpoint<string> {
  return { what: 'Restart', method: 'DELETE', path: ['instance', key, 'restart'], parse: messageFromReply };
}
