import { callKeepingReply } from '../api/rawReply';
import { configWebhookFieldsEndpoint, readWebhookEndpoint } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import { Kit } from '../ui/kit';
import { TapCalls } from './tap';

/** The two webhook calls a tap makes, keeping MegaAPI's reply for the user to open. */
export function tapCalls(kit: Kit, instance: InstanceRef): TapCalls {
  const client = kit.calls.for(instance);
  return {
    read: () => callKeepingReply(client, readWebhookEndpoint(instance.key)),
    write: (messageData) => callKeepingReply(client, configWebhookFieldsEndpoint(instance.key, messageData)),
  };
}
