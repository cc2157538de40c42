import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NUMBER_SETTINGS } from '../../../src/core/settingSpecs';

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
