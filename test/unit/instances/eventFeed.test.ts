import * as assert from 'node:assert/strict';
import { EventFeed, NewFeedEvent } from '../../../src/instances/eventFeed';

const ONE = { baseUrl: 'https://api.example.com', key: 'one' };
const TWO = { baseUrl: 'https://api.example.com', key: 'two' };

function event(instance = ONE, text = '{}'): NewFeedEvent {
  const body = new TextEncoder().encode(text);
  return { instance, receivedAt: 1, contentType: 'application/json', body, json: JSON.parse(text) };
}

describe('the event feed', () => {
  it('lists the newest event first, per instance or for all', () => {
    const feed = new EventFeed();
    const first = feed.add(event(ONE, '{"n":1}'));
    const second = feed.add(event(TWO, '{"n":2}'));
    const third = feed.add(event(ONE, '{"n":3}'));
    assert.deepEqual(
      feed.recent().map((e) => e.seq),
      [third.seq, second.seq, first.seq],
    );
    assert.deepEqual(
      feed.recent(ONE).map((e) => e.seq),
      [third.seq, first.seq],
    );
    assert.deepEqual(
      feed.recent(undefined, 1).map((e) => e.seq),
      [third.seq],
    );
  });

  it('keeps only the newest events of a busy instance, and leaves the others alone', () => {
    const feed = new EventFeed(3);
    const quiet = feed.add(event(TWO));
    const seqs = Array.from({ length: 5 }, () => feed.add(event(ONE)).seq);
    assert.deepEqual(
      feed.recent(ONE).map((e) => e.seq),
      seqs.slice(2).reverse(),
    );
    assert.deepEqual(
      feed.recent(TWO).map((e) => e.seq),
      [quiet.seq],
    );
  });

  it('clears one instance or all, and tells listeners', () => {
    const feed = new EventFeed();
    const heard: unknown[] = [];
    feed.onDidChange((changed) => heard.push(changed));
    feed.add(event(ONE));
    feed.add(event(TWO));
    feed.clear(ONE);
    assert.equal(feed.recent(ONE).length, 0);
    assert.equal(feed.recent(TWO).length, 1);
    feed.clear();
    assert.equal(feed.recent().length, 0);
    assert.equal(heard.length, 4);
    assert.equal(heard[3], undefined);
  });

  it('hands pushed connection updates to every listener, even when one of them throws', () => {
    const feed = new EventFeed();
    const heard: string[] = [];
    feed.onDidPushConnection(() => {
      throw new Error('boom');
    });
    const subscription = feed.onDidPushConnection((update) => heard.push(update.state));
    feed.pushConnection({ instance: ONE, connected: false, state: 'close', at: 1 });
    subscription.dispose();
    feed.pushConnection({ instance: ONE, connected: true, state: 'open', at: 2 });
    assert.deepEqual(heard, ['close']);
  });
});
