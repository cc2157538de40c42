import { InstanceRef, sameInstance } from '../core/instanceRef';
import { FeedEvent } from '../instances/eventFeed';
import { Direction, eventFacts } from './eventFacts';

/** What the view is narrowed to; every criterion set must match. */
export interface EventFilter {
  instance?: InstanceRef;
  messageType?: string;
  direction?: Direction;
  chat?: string;
}

export function matches(event: FeedEvent, filter: EventFilter): boolean {
  if (filter.instance && !sameInstance(event.instance, filter.instance)) return false;
  if (filter.messageType === undefined && filter.direction === undefined && filter.chat === undefined) return true;
  const facts = eventFacts(event.json, event.tooLargeBytes);
  if (filter.messageType !== undefined && facts.messageType !== filter.messageType) return false;
  if (filter.direction !== undefined && facts.direction !== filter.direction) return false;
  if (filter.chat !== undefined && facts.chat !== filter.chat) return false;
  return true;
}

export function isEmptyFilter(filter: EventFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}
