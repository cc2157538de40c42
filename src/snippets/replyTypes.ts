import type { CallId } from './snippetCalls';

/** The TypeScript snippet's reply type: a name, and declarations that define it. */
export interface ReplyType {
  name: string;
  declarations: string;
}

const MESSAGE = `interface MegaApiMessageReply {
  error: boolean;
  message?: string;
}`;

const GROUP = `/** Group metadata as MegaAPI passes it on from WhatsApp; fields beyond these may exist. */
interface MegaApiGroup {
  id: string;
  subject?: string;
  participants?: Array<{ id: string; admin?: 'admin' | 'superadmin' | null }>;
}`;

/**
 * What each call answers, as far as MegaAPI's documentation and observed
 * replies say: a field is optional where that is not certain.
 */
export const REPLY_TYPES: Record<CallId, ReplyType> = {
  status: {
    name: 'MegaApiStatusReply',
    declarations: `interface MegaApiStatusReply {
  error: boolean;
  message?: string;
  instance?: {
    key: string;
    /** "connected" once a phone is linked; other values mean not connected. */
    status: string;
    user?: { id: string; name?: string; verifiedName?: string };
  };
}`,
  },
  qr: {
    name: 'MegaApiQrReply',
    declarations: `interface MegaApiQrReply {
  error: boolean;
  /** "User is already logged in" when a phone is linked. */
  message?: string;
  /** Usually a data:image/png;base64,... URL. */
  qrcode?: string;
}`,
  },
  pairingCode: {
    name: 'MegaApiPairingCodeReply',
    declarations: `interface MegaApiPairingCodeReply {
  error?: boolean;
  message?: string;
  pairingCode?: string;
}`,
  },
  sendText: {
    name: 'MegaApiSendReply',
    declarations: `interface MegaApiSendReply {
  error: boolean;
  message?: string;
  key?: { id?: string; remoteJid?: string; fromMe?: boolean };
}`,
  },
  isOnWhatsApp: {
    name: 'MegaApiNumberCheckReply',
    declarations: `interface MegaApiNumberCheckReply {
  error?: boolean;
  exists?: boolean;
  jid?: string;
}`,
  },
  readWebhook: {
    name: 'MegaApiWebhookReply',
    declarations: `interface MegaApiWebhookReply {
  error: boolean;
  message?: string;
  webhookData?: {
    webhookUrl?: string;
    webhookEnabled?: boolean;
    webhookSecondaryUrl?: string;
  } | null;
}`,
  },
  setWebhook: { name: 'MegaApiMessageReply', declarations: MESSAGE },
  listGroups: {
    name: 'MegaApiGroupsReply',
    declarations: `${GROUP}

/** Some hosts answer with the array itself, others wrap it. */
type MegaApiGroupsReply = MegaApiGroup[] | { error: boolean; message?: string; groups?: MegaApiGroup[] };`,
  },
  groupDetails: {
    name: 'MegaApiGroupReply',
    declarations: `${GROUP}

interface MegaApiGroupReply {
  error: boolean;
  message?: string;
  data?: MegaApiGroup;
}`,
  },
  logout: { name: 'MegaApiMessageReply', declarations: MESSAGE },
  restart: { name: 'MegaApiMessageReply', declarations: MESSAGE },
};
