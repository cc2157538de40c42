import { join } from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point of `npm run soak` inside the extension host: only the soak
 * spec, never part of `npm test` or the API suite.
 */
export function run(): Promise<void> {
  const seconds = Number(process.env.MEGAAPI_SOAK_SECONDS || 120);
  const mocha = new Mocha({ ui: 'bdd', timeout: (seconds + 300) * 1000, color: false });
  mocha.addFile(join(__dirname, 'soak.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`the soak failed (${failures})`)) : resolve()));
  });
}
