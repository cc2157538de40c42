/**
 * Every `megaapi.*` command, by name. The ids are what users' keybindings and
 * other extensions call, so they never change; code refers to them through
 * this table, which a unit test holds against `package.json`, so a typo does
 * not compile instead of failing only on the path that runs it.
 */
export const COMMANDS = {
  showQr: 'megaapi.showQr',
  pairingCode: 'megaapi.pairingCode',
  revealQrPanel: 'megaapi.revealQrPanel',
  copyQr: 'megaapi.copyQr',
  saveQr: 'megaapi.saveQr',
  setToken: 'megaapi.setToken',
  clearToken: 'megaapi.clearToken',
  setBaseUrl: 'megaapi.setBaseUrl',
  changeInstanceKey: 'megaapi.changeInstanceKey',
  addInstance: 'megaapi.addInstance',
  refreshInstances: 'megaapi.refreshInstances',
  refreshStatus: 'megaapi.refreshStatus',
  logout: 'megaapi.logout',
  restart: 'megaapi.restart',
  removeInstance: 'megaapi.removeInstance',
  copyInstanceLink: 'megaapi.copyInstanceLink',
  sendTestMessage: 'megaapi.sendTestMessage',
  checkNumber: 'megaapi.checkNumber',
  setWebhook: 'megaapi.setWebhook',
  toggleWebhook: 'megaapi.toggleWebhook',
  restoreWebhook: 'megaapi.restoreWebhook',
  copyAsCode: 'megaapi.copyAsCode',
  newRequestFile: 'megaapi.newRequestFile',
  copyGroupJid: 'megaapi.copyGroupJid',
  showGroupDetails: 'megaapi.showGroupDetails',
  startMcpServer: 'megaapi.startMcpServer',
  stopMcpServer: 'megaapi.stopMcpServer',
  copyMcpConfig: 'megaapi.copyMcpConfig',
  listenEvents: 'megaapi.listenEvents',
  stopListening: 'megaapi.stopListening',
  forwardEvents: 'megaapi.forwardEvents',
  replayEvent: 'megaapi.replayEvent',
  sendSampleEvent: 'megaapi.sendSampleEvent',
  proveDelivery: 'megaapi.proveDelivery',
  copyEventAsFixture: 'megaapi.copyEventAsFixture',
  copyEventAsType: 'megaapi.copyEventAsType',
  openEvent: 'megaapi.openEvent',
  copyEventJson: 'megaapi.copyEventJson',
  clearEvents: 'megaapi.clearEvents',
  filterEvents: 'megaapi.filterEvents',
  refreshEvents: 'megaapi.refreshEvents',
  deepCheck: 'megaapi.deepCheck',
  muteInstance: 'megaapi.muteInstance',
  unmuteInstance: 'megaapi.unmuteInstance',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Registered for the panel's status-bar item only; not in the palette, so not in `package.json`. */
export const INTERNAL_COMMANDS: readonly CommandId[] = [COMMANDS.revealQrPanel, COMMANDS.openEvent];
