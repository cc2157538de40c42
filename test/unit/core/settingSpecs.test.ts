import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NUMBER_SETTINGS, readNumberSetting, settingValueText } from '../../../src/core/settingSpecs';

describe('numeric settings', () => {
  it('declare in package.json the same defaults and bounds the code falls back to', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: {
        configuration: { properties: Record<string, { default: number; minimum: number; maximum: number }> };
      };
    };
    for (const [name, spec] of Object.entries(NUMBER_SETTINGS)) {
      const declared = manifest.contributes.configuration.properties[`megaapi.${name}`];
      assert.deepEqual(
        [declared.default, declared.minimum, declared.maximum],
        [spec.fallback, spec.min, spec.max],
        name,
      );
    }
  });
});

describe('reading a setting whatever JSON it holds', () => {
  it('never throws, even for {"toString": null}, and falls back to the default', () => {
    for (const raw of [{ toString: null }, { valueOf: null, toString: null }, [null], null, { a: { b: [1] } }]) {
      const read = readNumberSetting('requestTimeoutSeconds', raw);
      assert.equal(read.value, 15);
      assert.match(read.warning ?? '', /notANumber/);
    }
  });

  it('cannot forge a log line with a newline in a string', () => {
    const read = readNumberSetting('maxQrCodes', '3\n[error] token accepted');
    assert.ok(!/[\r\n\u2028\u2029]/.test(read.warning ?? ''), read.warning);
    assert.ok(!/[\r\n]/.test(settingValueText('a\r\nb\u2028c')));
  });
});
