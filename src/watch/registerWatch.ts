// The health watch: a status sweep of every saved instance while a window is
// focused, one notification when a connected instance drops, connection
// updates pushed by events applied at once; and its commands Deep Check,
// Mute Alerts and Unmute Alerts.
import { randomUUID } from 'node:crypto';
import vscode = require('vscode');
import { systemClock } from '../core/clock';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { LastKnownStates } from '../instances/lastKnown';
import { entryFromStatus } from '../instances/statusCache';
import { NO_TOKEN_NEEDED, pickSavedInstance } from '../prompts/whichInstance';
import { linkedAccount } from '../text/account';
import { COMMANDS } from '../ui/commandIds';
import { InstanceMarks } from '../ui/instanceMarks';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse, registerSafely } from '../ui/registerSafely';
import { showBack, showDrop } from './alerts';
import { focusOf } from './focus';
import { leaseStore } from './lease';
import { Mutes } from './mutes';
import { observation } from './observe';
import { WatchScheduler } from './scheduler';

/** How often a window takes what the sweeping window learnt (a read of globalState, no request). */
const ADOPT_EVERY_MS = 10_000;

export function registerWatch(context: vscode.ExtensionContext, kit: Kit): { marks: InstanceMarks } {
  const t = vscode.l10n.t;
  const { instances, checks, settings, feed, log } = kit;
  const mutes = new Mutes(instances);
  const known = new LastKnownStates(instances);
  // What this machine knew before: the sidebar opens on it, marked with its age, instead of a blank list.
  known.adopt();

  // Who was linked, kept from the last connected answer: a drop's answer no longer says.
  const accounts = new Map<string, string>();
  const remember = (instance: InstanceRef) => {
    const entry = instances.settledStatus(instance);
    const account = entry?.kind === 'connected' ? linkedAccount(entry.status.user) : '';
    if (account) accounts.set(instanceId(instance), account);
  };
  for (const saved of instances.all()) remember(saved);

  const watch = new WatchScheduler({
    clock: systemClock,
    focus: focusOf(vscode.window),
    lease: leaseStore(instances.globalState),
    owner: randomUUID(),
    intervalMs: () => settings.watchIntervalMs(),
    instances: () => instances.all(),
    // The sidebar's own check: a sweep and a Refresh of the same instance are one request, 4 at most at once.
    check: async (instance) => observation(await checks.one(instance, undefined, { quiet: true })),
    knownConnected: (instance) => {
      const entry = instances.settledStatus(instance);
      return entry && entry.kind !== 'checking' ? entry.kind === 'connected' : undefined;
    },
    muted: (instance) => mutes.muted(instance),
    dropped: (drop) => {
      log.info(`Watch: ${drop.instance.key} dropped (${drop.kind})`);
      showDrop(drop, accounts.get(instanceId(drop.instance)) ?? '', mutes);
    },
    reconnected: (instance) => void showBack(instance),
  });

  const adopt = setInterval(() => known.adopt(), ADOPT_EVERY_MS);
  context.subscriptions.push(
    watch,
    known,
    { dispose: () => clearInterval(adopt) },
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) known.adopt();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('megaapi.watch.intervalSeconds')) watch.arm();
    }),
    instances.onDidChange((change) => {
      if (change.kind === 'status') remember(change.instance);
      // A new token, or another key or host, is worth checking again even after a stop.
      if (change.kind === 'token' || change.kind === 'removed') watch.resume(change.instance);
      if (change.kind === 'renamed') watch.resume(change.to);
      if (change.kind === 'saved' || change.kind === 'token') watch.arm();
    }),
    feed.onDidPushConnection((update) => {
      if (!instances.has(update.instance)) return;
      const user = update.connected ? settledUser(kit, update.instance) : undefined;
      const status = {
        status: update.state || (update.connected ? 'connected' : 'disconnected'),
        connected: update.connected,
        user,
      };
      // The watch first, so it compares with the state from before the event.
      watch.pushed(update.instance, update.connected, update.state, update.at);
      instances.setStatus(update.instance, entryFromStatus(status));
    }),
  );

  const setMuted = async (arg: unknown, muted: boolean) => {
    const title = muted ? t('Mute alerts for which instance?') : t('Unmute alerts for which instance?');
    const instance = await pickSavedInstance(arg, kit, title, NO_TOKEN_NEEDED);
    if (!instance) return;
    await mutes.set(instance, muted);
    const message = muted
      ? t('MegaAPI: alerts for {0} are muted on this machine. The sidebar still shows its state.', instance.key)
      : t('MegaAPI: alerts for {0} are on again.', instance.key);
    void vscode.window.showInformationMessage(message);
  };
  registerSafely(context, log, COMMANDS.muteInstance, (arg?: unknown) => setMuted(arg, true));
  registerSafely(context, log, COMMANDS.unmuteInstance, (arg?: unknown) => setMuted(arg, false));
  registerOnFirstUse(context, log, [COMMANDS.deepCheck], () => onFirstUse().registerDeepCheck(context, kit));
  return { marks: mutes };
}

function settledUser(kit: Kit, instance: InstanceRef) {
  const entry = kit.instances.settledStatus(instance);
  return entry?.kind === 'connected' ? entry.status.user : undefined;
}
