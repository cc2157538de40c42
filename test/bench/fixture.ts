import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFixture } from '../e2e/harness/fixtures';
import { renderQrDataUrl } from '../mock/qr';

/** What the baseline fixture's two images decode to: fixed, and as long as the mock's QR texts. */
export const BASELINE_QRS = [
  '2@bWVnYWFwaS1iZW5jaC1iYXNlbGluZS0x,baseline-fixture,1',
  '2@bWVnYWFwaS1iZW5jaC1iYXNlbGluZS0y,baseline-fixture,2',
];

/**
 * Writes the fixture's images (QR codes made like the mock's, so both sides
 * decode an image of the same size) and packages it as a .vsix.
 */
export async function packageBaseline(root: string): Promise<string> {
  const dir = join(root, 'test/fixtures/bench/baseline');
  const [first, second] = await Promise.all(BASELINE_QRS.map(renderQrDataUrl));
  writeFileSync(join(dir, 'image.txt'), first);
  writeFileSync(join(dir, 'image2.txt'), second);
  return packageFixture('bench/baseline');
}
