import { badRequest, notConnected } from './messageData';
import { KEY, featureRoutes } from './restFeature';
import { json } from './send';

const PARTICIPANTS = [
  { id: '5511999990001@s.whatsapp.net', admin: 'superadmin' },
  { id: '5511999990002@s.whatsapp.net', admin: 'admin' },
  { id: '5511999990003@s.whatsapp.net', admin: null },
];

/** Baileys' group metadata, which MegaAPI passes on; the list and the details carry the same entries. */
export const MOCK_GROUPS = [
  { id: '120363000000000001@g.us', subject: 'Mock Group', participants: PARTICIPANTS },
  { id: '120363000000000002@g.us', subject: 'Second Mock Group', participants: PARTICIPANTS.slice(0, 2) },
];

export const groupsRoutes = featureRoutes(
  [
    ['GET', ['group', 'list', KEY], 'groups'],
    ['GET', ['group', KEY, 'group'], 'group'],
  ],
  (instance, route, query) => {
    const refused = notConnected(instance);
    if (refused) return refused;
    if (route === 'groups') return json(200, { error: false, groups: MOCK_GROUPS });
    const jid = query.get('jid');
    if (!jid || !jid.endsWith('@g.us')) return badRequest('jid must be a group id ending in @g.us');
    const group = MOCK_GROUPS.find((g) => g.id === jid);
    if (!group) return json(200, { error: true, message: 'Group not found' });
    return json(200, { error: false, message: 'Group data fetched', data: group });
  },
);
