import { hostOf } from '../core/baseUrl';
import { formatPhoneNumber } from '../core/phoneNumber';
import { phoneReason } from '../text/reasons';
import { choosePhone } from './toolInput';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';
import { NO_INPUT, PHONE_TO_LINK, UNTRUSTED, onInstance } from './toolSchemas';
import { listText, statusText } from './toolText';

/** How long listing may spend checking states; what has not answered by then is listed as last known. */
export const LIST_BUDGET_MS = 10_000;

export function listInstances(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Lists the MegaAPI WhatsApp instances saved in VS Code (instance key and host) with their state: connected (with the linked account), not linked, no token on this machine, or an error such as a rejected token or an unreachable host. It checks each instance’s status first, for a few seconds at most. Use it to find an instance’s key and host before calling the other MegaAPI tools. It never returns tokens.' +
      UNTRUSTED,
    inputSchema: NO_INPUT,
    progress: () => t('Checking the saved MegaAPI instances…'),
    run: async (_input, signal) => {
      // Checking them all is bounded (a few status calls at a time), and never rejects.
      const finished = await withinBudget(deps.checks.all(), LIST_BUDGET_MS, signal);
      const rows = deps.instances.all().map((instance) => ({ instance, entry: deps.instances.status(instance) }));
      const text = listText(rows, t);
      return finished
        ? text
        : `${text}\n${t('Some states could not be checked in time; they show what was last known.')}`;
    },
  };
}

/**
 * True when `work` settles within `ms`, false when the time or the signal
 * ends first. The timer and the abort listener go when it is decided, so a
 * call leaves nothing behind (a 10 s timer per call did before).
 */
export async function withinBudget(work: Promise<unknown>, ms: number, signal: AbortSignal): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
        onAbort = () => resolve(false);
        if (signal.aborted) resolve(false);
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

export function getStatus(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Gets the current state of one saved MegaAPI WhatsApp instance: whether a phone is linked, and which account (name and number). Give the instance key, and the host too when the same key is saved on more than one host. A problem (rejected token, unknown instance, unreachable host) comes back as text that says how to fix it.' +
      UNTRUSTED,
    inputSchema: onInstance(),
    progress: () => t('Checking the MegaAPI instance…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) =>
        statusText(instance, await deps.checks.one(instance, signal), t),
      ),
  };
}

/** Opens the panel; the QR stays there, for the user's eyes and phone only. */
export function showQr(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Opens the QR code panel in VS Code for one saved MegaAPI instance, so the user can link a phone by scanning the code with WhatsApp. Returns the instance’s state, never the QR code itself. When the instance is already connected, no panel is opened.' +
      UNTRUSTED,
    inputSchema: onInstance(),
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
  const { t } = deps;
  return {
    description:
      'Asks WhatsApp for a pairing code that links the given phone number to a saved MegaAPI instance, without scanning a QR code. The code appears in VS Code’s QR panel (it is not returned) and the user types it on that phone. The user confirms first, in VS Code. Use it only when the user wants to link a phone by its number.' +
      UNTRUSTED,
    inputSchema: onInstance({ phone: PHONE_TO_LINK }, ['phone']),
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
