import { notConnected } from './messageData';
import { KEY, featureRoutes } from './restFeature';
import { json } from './send';

export const MOCK_GROUPS = [{ id: '120363000000000001@g.us', subject: 'Mock Group' }];

export const groupsRoutes = featureRoutes(
  [['GET', ['group', 'list', KEY], 'groups']],
  (instance) => notConnected(instance) ?? json(200, { error: false, groups: MOCK_GROUPS }),
);
