import { getStatus, listInstances, requestPairingCode, showQr } from './instanceTools';
import { logoutInstance, restartInstance } from './lifecycleTools';
import { checkNumber, sendTestMessage } from './messageTools';
import { recentEvents } from './eventTools';
import { getWebhook, listGroups } from './readTools';
import { ToolDeps, ToolSpec } from './toolKit';
import { ToolName } from './toolNames';

/** None can add an instance, or return a token, a QR code or a pairing code. */
export const TOOLS = {
  megaapi_list_instances: listInstances,
  megaapi_get_status: getStatus,
  megaapi_show_qr: showQr,
  megaapi_request_pairing_code: requestPairingCode,
  megaapi_logout_instance: logoutInstance,
  megaapi_restart_instance: restartInstance,
  megaapi_get_webhook: getWebhook,
  megaapi_send_test_message: sendTestMessage,
  megaapi_check_number: checkNumber,
  megaapi_list_groups: listGroups,
  megaapi_recent_events: recentEvents,
} satisfies Record<ToolName, (deps: ToolDeps) => ToolSpec>;
