import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The panel's script and stylesheet, as text to put in the page under its nonce. */
export interface PanelAssets {
  script: string;
  style: string;
}

/**
 * Reads the panel's script and stylesheet once, on the first panel, and keeps
 * them: `media/qr.js` and `media/qr.css`, minified by the build into
 * `dist/webview/`. They go into the page itself, under the page's nonce, instead of being
 * fetched through `asWebviewUri`: each fetched resource is a round trip from
 * the webview to the extension host before the script can run, which the
 * bench measured at a quarter of command → QR. The nonce guards inline code
 * exactly as it guarded the `src` one, and the page needs no resource root.
 */
export function panelAssetsFrom(mediaDir: string): () => PanelAssets {
  let assets: PanelAssets | undefined;
  return () => {
    assets ??= {
      script: inlineSafe(readFileSync(join(mediaDir, 'qr.js'), 'utf8'), 'script'),
      style: inlineSafe(readFileSync(join(mediaDir, 'qr.css'), 'utf8'), 'style'),
    };
    return assets;
  };
}

/** A closing tag inside the text would end the element early and let the rest be read as markup. */
export function inlineSafe(text: string, element: 'script' | 'style'): string {
  if (new RegExp(`</${element}|<!--`, 'i').test(text)) {
    throw new Error(`media ${element} cannot be inlined: it contains </${element} or <!--`);
  }
  return text;
}
