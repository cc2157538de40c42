import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Localization {
  languageId: string;
  localizedLanguageName?: string;
  translations: Array<{ id: string; path: string }>;
}

/**
 * code-server picks its display language from `<user-data>/languagepacks.json`,
 * which `--install-extension` does not write; this writes it from the
 * installed extensions that contribute `localizations`, so `--locale` works.
 */
export function writeLanguagePacks(userDataDir: string, extensionsDir: string): void {
  const packs: Record<string, unknown> = {};
  for (const folder of readdirSync(extensionsDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const root = join(extensionsDir, folder.name);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
      contributes?: { localizations?: Localization[] };
    };
    for (const localization of manifest.contributes?.localizations ?? []) {
      packs[localization.languageId] = {
        hash: `${manifest.publisher}.${manifest.name}-${manifest.version}`.replace(/[^a-z0-9]/gi, ''),
        extensions: [
          { extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version },
        ],
        translations: Object.fromEntries(localization.translations.map((t) => [t.id, join(root, t.path)])),
        label: localization.localizedLanguageName ?? localization.languageId,
      };
    }
  }
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}
