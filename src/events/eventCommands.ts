import vscode = require('vscode');
import { replyForDisplay } from '../api/rawReply';
import { inferTypeScript } from '../core/jsonType';
import { serverText } from '../core/serverText';
import { FeedEvent } from '../instances/eventFeed';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { inProgress } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { eventFacts } from './eventFacts';
import { EventFilter } from './eventFilter';
import { eventLabel } from './eventLabel';
import { EventsTree } from './eventsTree';
import { forwardTo, setForwardTo } from './eventSettings';
import { parseForwardUrl } from './forward';
import { Listening } from './listening';

/** The event a command was run on: a row of the view (or `{ seq }`), else a pick among the recent ones. */
async function eventOf(arg: unknown, kit: Kit, title: string): Promise<FeedEvent | undefined> {
  const seq = typeof arg === 'object' && arg !== null && 'seq' in arg ? arg.seq : arg;
  if (typeof seq === 'number') return kit.feed.find(seq);
  const recent = kit.feed.recent(undefined, 100);
  if (recent.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No webhook event has been received in this window yet.'));
    return undefined;
  }
  const t = vscode.l10n.t;
  const picked = await vscode.window.showQuickPick(
    recent.map((event) => ({
      label: eventLabel(eventFacts(event.json, event.tooLargeBytes), t, event.tooLargeBytes ?? event.body.byteLength),
      description: event.instance.key,
      event,
    })),
    { title, ignoreFocusOut: true },
  );
  return picked?.event;
}

/**
 * The body as text, with the instance's token blanked wherever it appears
 * (as Show Reply does): pretty-printed, or for a fixture as it came.
 */
async function shownBody(event: FeedEvent, kit: Kit, pretty: boolean): Promise<string> {
  const token = await kit.instances.token(event.instance);
  const raw = Buffer.from(event.body).toString('utf8');
  if (pretty) return replyForDisplay(raw, token ? [token] : []).text;
  // A token of a few characters would blank out ordinary words; no MegaAPI token is that short.
  return token && token.length >= 4 ? raw.split(token).join('«token»') : raw;
}

/** A type name from the event's `messageType`: `conversation` → `ConversationEvent`. */
function typeNameOf(event: FeedEvent): string {
  const type = eventFacts(event.json, event.tooLargeBytes).messageType;
  return `${type || 'Webhook'} event`;
}

export function registerEventCommands(
  context: vscode.ExtensionContext,
  kit: Kit,
  listening: Listening,
  tree: EventsTree,
  view: vscode.TreeView<unknown>,
): void {
  const t = vscode.l10n.t;

  registerSafely(context, kit.log, COMMANDS.openEvent, async (arg?: unknown) => {
    const event = await eventOf(arg, kit, t('Open which event?'));
    if (!event) return;
    const type = eventFacts(event.json, event.tooLargeBytes)
      .messageType.replace(/[^A-Za-z0-9._-]/g, '')
      .slice(0, 40);
    const text = event.tooLargeBytes !== undefined ? '' : Buffer.from(event.body).toString('utf8');
    await kit.replies.show(event.instance, {
      what: `Event ${event.seq} ${type || 'unknown'}`,
      status: 200,
      text,
      receivedAt: event.receivedAt,
    });
  });

  registerSafely(context, kit.log, COMMANDS.copyEventJson, async (arg?: unknown) => {
    const event = await eventOf(arg, kit, t('Copy the JSON of which event?'));
    if (!event) return;
    await vscode.env.clipboard.writeText(await shownBody(event, kit, true));
    void vscode.window.setStatusBarMessage(t('Event JSON copied.'), 3000);
  });

  registerSafely(context, kit.log, COMMANDS.copyEventAsFixture, async (arg?: unknown) => {
    const event = await eventOf(arg, kit, t('Copy which event as a fixture?'));
    if (!event) return;
    await vscode.env.clipboard.writeText(await shownBody(event, kit, false));
    void vscode.window.setStatusBarMessage(t('Event copied as a fixture.'), 3000);
  });

  registerSafely(context, kit.log, COMMANDS.copyEventAsType, async (arg?: unknown) => {
    const event = await eventOf(arg, kit, t('Copy the type of which event?'));
    if (!event) return;
    if (event.json === undefined) {
      void vscode.window.showInformationMessage(t('That event is not JSON, so no type can be inferred from it.'));
      return;
    }
    const json: unknown = JSON.parse(await shownBody(event, kit, true));
    const comment = t('Inferred from one MegaAPI webhook event: fields that this event lacks may exist in others.');
    await vscode.env.clipboard.writeText(`// ${comment}\n${inferTypeScript(json, typeNameOf(event))}`);
    void vscode.window.setStatusBarMessage(t('Event type copied.'), 3000);
  });

  registerSafely(context, kit.log, COMMANDS.clearEvents, () => {
    kit.feed.clear();
  });

  registerSafely(context, kit.log, COMMANDS.filterEvents, async () => {
    const filter = await pickFilter(kit, tree.filter);
    if (!filter) return;
    tree.filter = filter;
    view.description = describeFilter(filter);
    tree.refresh();
  });

  registerSafely(context, kit.log, COMMANDS.replayEvent, async (arg?: unknown) => {
    const event = await eventOf(arg, kit, t('Replay which event?'));
    if (!event) return;
    const url = forwardTo() || (await askForwardTo());
    if (!url) return;
    const outcome = await inProgress(t('Sending the event to your handler again…'), () =>
      listening.forward(event, url),
    );
    if (outcome) await vscode.window.showInformationMessage(forwardSummary(outcome));
  });

  registerSafely(context, kit.log, COMMANDS.forwardEvents, async () => {
    await askForwardTo();
  });
}

/** Asks for the handler's URL and sets `megaapi.events.forwardTo`; an empty answer stops forwarding. */
export async function askForwardTo(): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('Forward webhook events to your handler'),
    prompt: t('Each event is POSTed to this URL, byte for byte. Leave it empty to stop forwarding.'),
    placeHolder: 'http://localhost:3000/webhook',
    value: forwardTo(),
    ignoreFocusOut: true,
    validateInput: (text) =>
      text.trim() === '' || parseForwardUrl(text) ? undefined : t('Enter an http:// or https:// URL.'),
  });
  if (answer === undefined) return undefined;
  const url = answer.trim() === '' ? '' : parseForwardUrl(answer);
  if (url === undefined) return undefined;
  await setForwardTo(url);
  void vscode.window.showInformationMessage(
    url === ''
      ? t('Events are no longer forwarded.')
      : t('Webhook events are now forwarded to {0}.', serverText(url, 200)),
  );
  return url || undefined;
}

export function forwardSummary(outcome: NonNullable<FeedEvent['forward']>): string {
  const t = vscode.l10n.t;
  const reply = serverText(outcome.replyText ?? '', 300);
  if (outcome.status === undefined) {
    return t('Your handler did not answer ({0}, after {1} ms).', serverText(outcome.failure ?? '?', 30), outcome.ms);
  }
  return reply
    ? t('Your handler answered HTTP {0} in {1} ms: "{2}"', outcome.status, outcome.ms, reply)
    : t('Your handler answered HTTP {0} in {1} ms.', outcome.status, outcome.ms);
}

interface FilterPick extends vscode.QuickPickItem {
  filter: EventFilter;
}

async function pickFilter(kit: Kit, current: EventFilter): Promise<EventFilter | undefined> {
  const t = vscode.l10n.t;
  const events = kit.feed.recent();
  const picks: FilterPick[] = [{ label: t('Show all events'), filter: {} }];
  const seen = new Set<string>();
  const add = (id: string, pick: FilterPick) => {
    if (seen.has(id)) return;
    seen.add(id);
    picks.push(pick);
  };
  add('dir:in', { label: t('Direction: received'), filter: { ...current, direction: 'in' } });
  add('dir:out', { label: t('Direction: sent by you'), filter: { ...current, direction: 'out' } });
  for (const event of events) {
    const facts = eventFacts(event.json, event.tooLargeBytes);
    add(`i:${event.instance.baseUrl}|${event.instance.key}`, {
      label: t('Instance: {0}', event.instance.key),
      filter: { ...current, instance: event.instance },
    });
    add(`m:${facts.messageType}`, {
      label: t('messageType: {0}', serverText(facts.messageType, 60) || '-'),
      filter: { ...current, messageType: facts.messageType },
    });
    if (facts.chat) {
      add(`c:${facts.chat}`, {
        label: t('Chat: {0}', serverText(facts.chat, 80)),
        filter: { ...current, chat: facts.chat },
      });
    }
  }
  const picked = await vscode.window.showQuickPick(picks, {
    title: t('Show only the events of…'),
    ignoreFocusOut: true,
  });
  return picked?.filter;
}

function describeFilter(filter: EventFilter): string | undefined {
  const parts = [
    filter.instance?.key,
    filter.messageType !== undefined ? serverText(filter.messageType, 40) : undefined,
    filter.direction,
    filter.chat !== undefined ? serverText(filter.chat, 40) : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? vscode.l10n.t('filtered: {0}', parts.join(', ')) : undefined;
}
