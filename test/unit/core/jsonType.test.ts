import * as assert from 'node:assert/strict';
import { inferTypeScript } from '../../../src/core/jsonType';

describe('a TypeScript type inferred from one JSON value', () => {
  it('names the interfaces after the event and its fields, outermost first', () => {
    const text = inferTypeScript(
      { messageType: 'conversation', key: { remoteJid: 'x', fromMe: false }, messageTimestamp: 1, broadcast: null },
      'conversation event',
    );
    assert.equal(
      text,
      [
        'export interface ConversationEvent {',
        '  messageType: string;',
        '  key: ConversationEventKey;',
        '  messageTimestamp: number;',
        '  broadcast: null;',
        '}',
        '',
        'export interface ConversationEventKey {',
        '  remoteJid: string;',
        '  fromMe: boolean;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('merges the objects of a list into one item type and keeps mixed lists as unions', () => {
    const text = inferTypeScript({ list: [{ a: 1 }, { b: 'x' }], mixed: [1, 'a'], empty: [] }, 'E');
    assert.match(text, /list: EListItem\[\];/);
    assert.match(text, /export interface EListItem \{\n {2}a: number;\n {2}b: string;\n\}/);
    assert.match(text, /mixed: Array<number \| string>;/);
    assert.match(text, /empty: unknown\[\];/);
  });

  it('quotes fields that are not identifiers and makes any messageType a valid name', () => {
    const text = inferTypeScript({ 'message.ack': 1, 'a-b': true }, '123 <script> message.ack');
    assert.match(text, /^export interface T123ScriptMessageAck \{/);
    assert.match(text, /"message\.ack": number;/);
    assert.match(text, /"a-b": boolean;/);
    assert.equal(inferTypeScript('x', ''), 'export type Event = string;\n');
  });

  it('stops at a depth and never repeats a name', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 30; i += 1) deep = (deep.a = {}) as Record<string, unknown>;
    const text = inferTypeScript(root, 'Deep');
    assert.match(text, /a: unknown;/);
    const names = [...text.matchAll(/interface (\w+)/g)].map((m) => m[1]);
    assert.equal(new Set(names).size, names.length);
  });
});
