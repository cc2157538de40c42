import { FixAction } from '../text/errorText';
import { Translate } from '../text/translate';
import { COMMANDS, CommandId } from './commandIds';

/** What a fix does: run a command on the instance, try again, open the log, or open a setting. */
export type FixRun = { command: CommandId } | { retry: true } | { showLog: true } | { setting: string };

/**
 * The label and the deed of every fix `describeError` offers. The QR panel
 * shows them as buttons and notifications as actions: one table, so the two
 * never word or wire a fix differently.
 */
export const FIX_ACTIONS = {
  setToken: { label: (t) => t('Set Token'), run: { command: COMMANDS.setToken } },
  retry: { label: (t) => t('Retry'), run: { retry: true } },
  editKey: { label: (t) => t('Change Instance Key'), run: { command: COMMANDS.changeInstanceKey } },
  editBaseUrl: { label: (t) => t('Change Host'), run: { command: COMMANDS.setBaseUrl } },
  openSettings: { label: (t) => t('Open Settings'), run: { setting: 'megaapi.allowInsecureHttp' } },
  showLog: { label: (t) => t('Show Log'), run: { showLog: true } },
} satisfies Record<FixAction, { label(t: Translate): string; run: FixRun }>;

/** Where a fix leads, for whoever performs it. */
export interface FixPerformer {
  runCommand(command: CommandId): void;
  retry(): void;
  showLog(): void;
  openSetting(name: string): void;
}

export function performFix(action: FixAction, performer: FixPerformer): void {
  const run: FixRun = FIX_ACTIONS[action].run;
  if ('command' in run) performer.runCommand(run.command);
  else if ('retry' in run) performer.retry();
  else if ('showLog' in run) performer.showLog();
  else performer.openSetting(run.setting);
}
