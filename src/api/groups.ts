import { Endpoint } from './client';
import { ApiResult, success } from './errors';
import { JsonReply } from './http';
import { Body, badShape, isBody, objectAt } from './body';
import { checked } from './replies';

/** A group as the list names it. Subject and counts are server text: callers pass them through `serverText`. */
export interface GroupSummary {
  /** Always ends in `@g.us`; entries without such an id are dropped. */
  id: string;
  subject?: unknown;
  /** Undefined when the list did not say. */
  participants?: number;
}

export interface GroupParticipant {
  id: string;
  /** `admin`, `superadmin`, or undefined for a member. Kept as sent, for display through `serverText`. */
  admin?: string;
}

export interface GroupDetails {
  id: string;
  subject?: unknown;
  participants: GroupParticipant[];
}

const GROUP_JID = /^[0-9]{5,40}(-[0-9]{5,20})?@g\.us$/;

export function isGroupJid(value: unknown): value is string {
  return typeof value === 'string' && GROUP_JID.test(value);
}

export function listGroupsEndpoint(key: string): Endpoint<GroupSummary[]> {
  return { what: 'Groups', method: 'GET', path: ['group', 'list', key], parse: groupListFromReply };
}

export function groupDetailsEndpoint(key: string, jid: string): Endpoint<GroupDetails> {
  return {
    what: 'Group details',
    method: 'GET',
    path: ['group', key, 'group'],
    query: { jid },
    parse: (reply) => groupDetailsFromReply(reply, jid),
  };
}

/** A JSON array reply has no envelope to check, so only its status decides. */
function listOf(reply: JsonReply): ApiResult<unknown[]> {
  if (!reply.body && reply.status >= 200 && reply.status < 300) {
    const raw = parseArray(reply.text);
    if (raw) return success(raw);
  }
  const result = checked(reply);
  if (!result.ok) return result;
  const body = result.value;
  for (const place of [body.groups, body.data, objectAt(body, 'data')?.groups, body.result]) {
    if (Array.isArray(place)) return success(place);
  }
  return badShape(reply);
}

function parseArray(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** MegaAPI's list shape is not documented [?]: an array, or `{ groups: [...] }`, with Baileys' metadata per entry. */
export function groupListFromReply(reply: JsonReply): ApiResult<GroupSummary[]> {
  const list = listOf(reply);
  if (!list.ok) return list;
  const groups: GroupSummary[] = [];
  for (const entry of list.value.slice(0, 5000)) {
    if (!isBody(entry)) continue;
    const id = [entry.id, entry.jid, entry.groupId].find(isGroupJid);
    if (!id) continue;
    groups.push({ id, subject: entry.subject ?? entry.name, participants: countOf(entry) });
  }
  return success(groups);
}

function countOf(entry: Body): number | undefined {
  if (Array.isArray(entry.participants)) return entry.participants.length;
  const size = entry.size ?? entry.participantsCount;
  return typeof size === 'number' && Number.isInteger(size) && size >= 0 ? size : undefined;
}

export function groupDetailsFromReply(reply: JsonReply, jid: string): ApiResult<GroupDetails> {
  const result = checked(reply);
  if (!result.ok) return result;
  const body = result.value;
  const data = [body.data, body.group, body.groupData, body].find(
    (place): place is Body => isBody(place) && ('subject' in place || 'participants' in place),
  );
  if (!data) return badShape(reply);
  const participants: GroupParticipant[] = [];
  for (const entry of Array.isArray(data.participants) ? data.participants.slice(0, 5000) : []) {
    if (!isBody(entry)) continue;
    // Baileys names a participant `id`; some wrappers call it `jid`.
    const id = [entry.id, entry.jid].find((value): value is string => typeof value === 'string' && value !== '');
    if (!id) continue;
    const admin =
      typeof entry.admin === 'string' && entry.admin !== ''
        ? entry.admin
        : entry.isAdmin === true
          ? 'admin'
          : undefined;
    participants.push({ id, admin });
  }
  return success({ id: isGroupJid(data.id) ? data.id : jid, subject: data.subject, participants });
}
