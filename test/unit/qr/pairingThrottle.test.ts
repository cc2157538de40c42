import * as assert from 'node:assert/strict';
import { Throttle } from '../../../src/core/throttle';
import { InstanceRecords } from '../../../src/instances/records';
import { PAIRING_ISSUED_AT } from '../../../src/qr/pairingThrottle';
import { MapMemento } from '../support';

describe('the pairing-code throttle', () => {
  const KEY = { baseUrl: 'host', key: 'key' };
  const OTHER = { baseUrl: 'host', key: 'other' };
  it('is shared by every window through globalState: a second window waits too', () => {
    const shared = new MapMemento();
    const first = new Throttle(60_000, new InstanceRecords(shared, PAIRING_ISSUED_AT));
    const second = new Throttle(60_000, new InstanceRecords(shared, PAIRING_ISSUED_AT));
    first.record(KEY, 1_000);
    assert.equal(second.remainingMs(KEY, 31_000), 30_000);
    assert.equal(second.remainingMs(OTHER, 31_000), 0);
    assert.equal(second.remainingMs(KEY, 61_000), 0);
  });

  it('never waits longer than one window, whatever the store holds', () => {
    const shared = new MapMemento();
    void shared.update('megaapi.pairingIssuedAt', { 'host|key': 9e15 });
    assert.equal(new Throttle(60_000, new InstanceRecords(shared, PAIRING_ISSUED_AT)).remainingMs(KEY, 0), 60_000);
  });
});
