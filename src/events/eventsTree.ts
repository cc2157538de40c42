import vscode = require('vscode');
import { clockTime } from '../core/clockTime';
import { InstanceRef, instanceId, sameInstance } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { EventFeed, FeedEvent, ForwardOutcome } from '../instances/eventFeed';
import { COMMANDS } from '../ui/commandIds';
import { eventFacts } from './eventFacts';
import { EventFilter, isEmptyFilter, matches } from './eventFilter';
import { eventLabel } from './eventLabel';
import { Listening, Session } from './listening';

export class EventsInstanceItem extends vscode.TreeItem {
  constructor(
    readonly instance: InstanceRef,
    listening: { tapGone: boolean } | undefined,
    count: number,
  ) {
    super(instance.key, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `events|${instanceId(instance)}`;
    this.update(listening, count);
  }

  /** The same row, told its new state: VS Code redraws it and its events when it is fired alone. */
  update(listening: { tapGone: boolean } | undefined, count: number): void {
    const t = vscode.l10n.t;
    this.description = !listening
      ? t('not listening, {0} events', count)
      : listening.tapGone
        ? t('listening, but the tap is gone')
        : t('listening, {0} events', count);
    this.contextValue = listening ? 'eventsInstance.listening' : 'eventsInstance.stopped';
    this.iconPath = new vscode.ThemeIcon(
      !listening ? 'circle-outline' : listening.tapGone ? 'warning' : 'broadcast',
      listening?.tapGone ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
  }
}

/** One event; carries `seq` and `instance` so its menus' commands know which. */
export class EventItem extends vscode.TreeItem {
  readonly seq: number;
  readonly instance: InstanceRef;

  constructor(event: FeedEvent) {
    const t = vscode.l10n.t;
    const facts = eventFacts(event.json, event.tooLargeBytes);
    super(eventLabel(facts, t, event.tooLargeBytes ?? event.body.byteLength), vscode.TreeItemCollapsibleState.None);
    this.seq = event.seq;
    this.instance = { baseUrl: event.instance.baseUrl, key: event.instance.key };
    this.id = `event|${event.seq}`;
    const time = clockTime(event.receivedAt, vscode.env.language, 'seconds');
    this.description = event.forward ? `${time} ${forwardShort(event.forward)}` : time;
    // A plain string: every server word in it stays text.
    this.tooltip = [
      t('messageType: {0}', serverText(facts.messageType, 80) || '-'),
      t('Message id: {0}', serverText(facts.id ?? '-', 80)),
      t('Chat: {0}', serverText(facts.chat ?? '-', 80)),
      ...(event.forward ? forwardLines(event.forward) : []),
    ].join('\n');
    this.contextValue = event.tooLargeBytes === undefined ? 'event' : 'event.tooLarge';
    this.iconPath = new vscode.ThemeIcon(
      facts.kind === 'ack'
        ? 'check'
        : facts.kind === 'connection'
          ? 'plug'
          : facts.direction === 'out'
            ? 'arrow-up'
            : 'arrow-down',
    );
    this.command = { command: COMMANDS.openEvent, title: t('Open Event'), arguments: [{ seq: event.seq }] };
  }
}

function forwardShort(outcome: ForwardOutcome): string {
  const t = vscode.l10n.t;
  return outcome.status !== undefined
    ? t('→ {0} in {1} ms', outcome.status, outcome.ms)
    : t('→ failed ({0})', serverText(outcome.failure ?? '?', 30));
}

function forwardLines(outcome: ForwardOutcome): string[] {
  const t = vscode.l10n.t;
  const head =
    outcome.status !== undefined
      ? t('Your handler answered HTTP {0} in {1} ms.', outcome.status, outcome.ms)
      : t('Your handler did not answer ({0}, after {1} ms).', serverText(outcome.failure ?? '?', 30), outcome.ms);
  const reply = serverText(outcome.replyText ?? '', 2048);
  return reply ? [head, t('Reply: {0}', reply)] : [head];
}

type Node = EventsInstanceItem | EventItem;

/** "Webhook Events": listening instances and those with events, each with its events newest first. */
export class EventsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  /** The instance rows VS Code was last given, by instance: fired alone when only their events change. */
  private rows = new Map<string, EventsInstanceItem>();
  filter: EventFilter = {};

  constructor(
    private readonly feed: EventFeed,
    private readonly listening: () => Listening,
  ) {
    this.subscription = feed.onDidChange((event) => this.eventChanged(event));
  }

  /**
   * An event came (or changed) for an instance already shown: only its row is
   * redrawn, and VS Code asks for that row's events, one round trip to the
   * workbench instead of two (the root, then each expanded row).
   */
  private eventChanged(event: FeedEvent | undefined): void {
    const row = event && this.rows.get(instanceId(event.instance));
    if (!row) return this.refresh();
    row.update(this.session(row.instance), this.count(row.instance));
    this.changed.fire(row);
  }

  private session(instance: InstanceRef): Session | undefined {
    return this.listening()
      .all()
      .find((s) => sameInstance(s.instance, instance));
  }

  private count(instance: InstanceRef): number {
    return this.feed.recent(instance).filter((event) => matches(event, this.filter)).length;
  }

  refresh(): void {
    // VS Code forgets every row at a root refresh: none may be fired alone until it asks for the root again.
    this.rows.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  getChildren(node?: Node): Node[] {
    if (node instanceof EventItem) return [];
    if (node instanceof EventsInstanceItem) {
      return this.feed
        .recent(node.instance)
        .filter((event) => matches(event, this.filter))
        .map((event) => new EventItem(event));
    }
    const sessions = this.listening().all();
    const instances: InstanceRef[] = sessions.map((session) => session.instance);
    for (const event of this.feed.recent()) {
      if (!instances.some((known) => sameInstance(known, event.instance))) instances.push(event.instance);
    }
    const rows = new Map<string, EventsInstanceItem>();
    for (const instance of instances) {
      if (this.filter.instance && !sameInstance(instance, this.filter.instance)) continue;
      const session = sessions.find((s) => sameInstance(s.instance, instance));
      const id = instanceId(instance);
      // The same object as before: VS Code knows a row by the object it was given.
      const known = this.rows.get(id);
      known?.update(session, this.count(instance));
      rows.set(id, known ?? new EventsInstanceItem(instance, session, this.count(instance)));
    }
    this.rows = rows;
    return [...rows.values()];
  }

  hasFilter(): boolean {
    return !isEmptyFilter(this.filter);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
