import { createCipheriv, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';

/** A saved instance with its token, as a returning user has it. */
export interface SeededInstance {
  baseUrl: string;
  key: string;
  token: string;
}

export const EXTENSION_ID = 'megaapi-community.megaapi-vscode';

/**
 * Gives a fresh workbench the state a returning user has: the saved list in
 * globalState (`megaapi.instances`) and each token in SecretStorage, so the
 * bench opens the panel or the sidebar without prompts.
 *
 * code-server keeps both in the browser, not on the server (coder/code-server#4212):
 * globalState in the IndexedDB database `vscode-web-state-db-global` (store
 * `ItemTable`, key = extension id, value = the extension's state as JSON), and
 * secrets in localStorage `secrets.provider`, sealed the way VS Code's web
 * workbench seals them (AES-256-GCM; key = a random client half XOR the server
 * half from POST /mint-key; stored as base64 of client half, IV, ciphertext and
 * tag), as a JSON record keyed by `{"extensionId","key"}`. Verified on
 * code-server 4.139.1 by reading back what Set Token stored. It must run in a
 * fresh page before the workbench loads; the bench then checks that the
 * workbench saw it (no token prompt, every row in the tree).
 */
export async function seedReturningUser(
  page: Page,
  origin: string,
  instances: SeededInstance[],
  /** More globalState of the extension, beside the saved list (the last known states, for one). */
  more: Record<string, unknown> = {},
): Promise<void> {
  const secrets = Object.fromEntries(
    instances.map((i) => [
      JSON.stringify({ extensionId: EXTENSION_ID, key: `megaapi.token/${i.baseUrl}/${i.key}` }),
      i.token,
    ]),
  );
  const sealed = seal(JSON.stringify(secrets), await serverKeyHalf(origin));
  // Most recently used first, as the extension sorts them: the order of `instances`.
  const now = Date.now();
  const saved = instances.map((i, n) => ({ baseUrl: i.baseUrl, key: i.key, lastUsed: now - n }));
  const state = JSON.stringify({ ...more, 'megaapi.instances': saved });

  // Any page of the same origin will do: storage is per origin.
  await page.goto(`${origin}/healthz`);
  await page.evaluate(
    ({ id, state, sealed }) => {
      localStorage.setItem('secrets.provider', sealed);
      return new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vscode-web-state-db-global', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('ItemTable');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('ItemTable', 'readwrite');
          tx.objectStore('ItemTable').put(state, id);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { id: EXTENSION_ID, state, sealed },
  );
}

async function serverKeyHalf(origin: string): Promise<Buffer> {
  const response = await fetch(`${origin}/mint-key`, { method: 'POST' });
  const key = Buffer.from(await response.arrayBuffer());
  if (!response.ok || key.length !== 32) {
    throw new Error(`code-server /mint-key: HTTP ${response.status}, ${key.length} bytes`);
  }
  return key;
}

function seal(plain: string, serverHalf: Buffer): string {
  const clientHalf = randomBytes(32);
  const iv = randomBytes(12);
  const key = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) key[i] = clientHalf[i] ^ serverHalf[i];
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([clientHalf, iv, body]).toString('base64');
}
