/** The tools' names, as `contributes.languageModelTools` declares them (a unit test keeps the two equal). */
export const TOOL_NAMES = [
  'megaapi_list_instances',
  'megaapi_get_status',
  'megaapi_show_qr',
  'megaapi_request_pairing_code',
  'megaapi_logout_instance',
  'megaapi_restart_instance',
  'megaapi_get_webhook',
  'megaapi_send_test_message',
  'megaapi_check_number',
  'megaapi_list_groups',
  'megaapi_recent_events',
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];
