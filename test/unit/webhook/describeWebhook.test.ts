import * as assert from 'node:assert/strict';
import { Webhook } from '../../../src/api/webhook';
import { describeWebhook } from '../../../src/webhook/describeWebhook';
import { english } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const CONTEXT = { host: 'api.example', key: A.key };

describe('the sidebar webhook item', () => {
  const webhook = (url: string, enabled?: boolean): Webhook => ({ url, enabled, fields: {} });

  it('shows the URL masked and short, the state, and a context value for the menus', () => {
    const url = 'https://hooks.example.test/e2e?secret=s3cr3t';
    const look = describeWebhook({ kind: 'read', webhook: webhook(url, false), at: 0 }, true, CONTEXT, english);
    assert.equal(look.description, 'hooks.example.test/e2e?… · disabled');
    assert.equal(look.contextValue, 'webhook.disabled.restorable');
    assert.ok(look.tooltip.includes('URL: https://hooks.example.test/e2e?…'));
    assert.ok(!JSON.stringify(look).includes('s3cr3t'));
    const none = describeWebhook({ kind: 'read', webhook: webhook(''), at: 0 }, false, CONTEXT, english);
    assert.equal(none.contextValue, 'webhook.none');
    const broken = describeWebhook(
      { kind: 'error', error: { kind: 'unauthorized', status: 401 }, at: 0 },
      false,
      CONTEXT,
      english,
    );
    assert.equal(broken.contextValue, 'webhook.error');
    assert.match(broken.tooltip[0], /rejected the token/);
  });

  it('makes a URL from the server inert', () => {
    const look = describeWebhook(
      { kind: 'read', webhook: webhook('[x](command:evil)\u202e', true), at: 0 },
      false,
      { host: 'api.example', key: A.key },
      english,
    );
    assert.ok(!look.description.includes('](') && !look.description.includes('\u202e'));
  });
});
