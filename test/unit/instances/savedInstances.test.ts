import * as assert from 'node:assert/strict';
import { SAVED_INSTANCES_KEY, SavedInstances } from '../../../src/instances/savedInstances';
import { MapMemento } from '../support';

describe('the saved instance list, as read back', () => {
  it('drops entries the input boxes would refuse, with one log line each', () => {
    const memento = new MapMemento();
    const good = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-abc', lastUsed: 2 };
    void memento.update(SAVED_INSTANCES_KEY, [
      good,
      { baseUrl: '[Run](command:megaapi.removeInstance)', key: 'megastart-x', lastUsed: 1 },
      { baseUrl: 'https://api2.megaapi.com.br', key: 'x'.repeat(5000), lastUsed: 1 },
      { baseUrl: 'https://api2.megaapi.com.br', key: '<b>x</b>', lastUsed: 1 },
      { baseUrl: 'https://api2.megaapi.com.br/', key: 'megastart-abc', lastUsed: 1 },
      { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-def', lastUsed: Number.NaN },
      { baseUrl: 'javascript:alert(1)', key: 'megastart-abc', lastUsed: 1 },
      'megastart-abc',
      null,
    ]);
    const saved = new SavedInstances(memento);
    const lines: string[] = [];
    saved.report = (line) => lines.push(line);
    assert.deepEqual(saved.all(), [good]);
    assert.equal(lines.length, 8);
    assert.ok(lines.every((line) => !/[\r\n]/.test(line) && line.length < 300));
    saved.all();
    assert.equal(lines.length, 8, 'once per entry');
  });
});
