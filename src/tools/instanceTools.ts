import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { formatPhoneNumber } from '../core/phoneNumber';
import { phoneReason } from '../text/reasons';
import { choosePhone } from './toolInput';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';
import { listText, statusText } from './toolText';

/** How long listing may spend checking states; what has not answered by then is listed as last known. */
const LIST_BUDGET_MS = 10_000;

export function listInstances(deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress: () => t('Checking the saved MegaAPI instances…'),
    run: async (_input, signal) => {
      // Checking them all is bounded (a few status calls at a time), and never rejects.
      const finished = await Promise.race([
        deps.checks.all().then(() => true),
        new Promise<false>((resolve) => {
          const timer = setTimeout(() => resolve(false), LIST_BUDGET_MS);
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve(false)), { once: true });
        }),
      ]);
      const rows = deps.instances.all().map((instance) => ({ instance, entry: deps.instances.status(instance) }));
      const text = listText(rows, t);
      return finished
        ? text
        : `${text}\n${t('Some states could not be checked in time; they show what was last known.')}`;
    },
  };
}

export function getStatus(deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress: () => t('Checking the MegaAPI instance…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) =>
        statusText(instance, await deps.checks.one(instance, signal), t),
      ),
  };
}

/** Opens the panel; the QR stays there, for the user's eyes and phone only. */
export function showQr(deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress: () => t('Opening the QR panel…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const host = hostOf(instance.baseUrl);
        const status = await deps.checks.one(instance, signal);
        if (status.ok && status.value.connected) {
          return `${statusText(instance, status, t)} ${t('No QR code is needed.')}`;
        }
        deps.panels.show(instance);
        if (!status.ok) {
          // The panel shows the same words, with the button that fixes it.
          return t(
            'The QR panel for {0} on {1} is open in VS Code and shows this problem, with a button that fixes it: {2}',
            instance.key,
            host,
            statusText(instance, status, t),
          );
        }
        return t(
          'The QR panel for {0} on {1} is open in VS Code. {2} The user scans the QR code with WhatsApp on the phone: Settings → Linked devices → Link a device. The QR code itself is not part of this answer.',
          instance.key,
          host,
          statusText(instance, status, t),
        );
      }),
  };
}

/** Reaches a phone, so it is confirmed first (confirmations.ts). The code stays in the panel, like the QR. */
export function requestPairingCode(deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress: () => t('Requesting a pairing code…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const phone = choosePhone(input);
        if (!phone.ok) return phoneReason(phone.reason, t);
        const status = await deps.checks.one(instance, signal);
        if (!status.ok) return statusText(instance, status, t);
        if (status.value.connected) {
          return `${statusText(instance, status, t)} ${t('Log it out before linking another phone.')}`;
        }
        deps.panels.requestPairingCode(instance, phone.digits);
        return t(
          'A pairing code for {0} was requested in the QR panel of {1} on {2}. On that phone: WhatsApp → Settings → Linked devices → Link a device → Link with phone number instead, then type the code the panel shows. The code itself is not part of this answer.',
          formatPhoneNumber(phone.digits),
          instance.key,
          hostOf(instance.baseUrl),
        );
      }),
  };
}
