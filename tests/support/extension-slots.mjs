// Capture tests run on two Playwright workers at once. Enterprise policy lives in one system-wide
// directory, keyed by extension id (3rdparty.extensions.<id>), so each worker loads the production
// build under an id of its own and writes its own policy file: neither sees the other's policy.
// Slot 0 is the build exactly as shipped (its manifest key pins cmfimojjbpbcbhliojdjbfhojhlelcfn);
// other slots are copies whose only change is the manifest's public key.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './launch-extension.mjs';

// Public halves only, generated for the tests; nothing is signed with them.
const SLOT_KEYS = [
  null, // slot 0: the key already in the built manifest
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmQYhr6gZ/nAxksFkQACs0AksmgFyCArRMviUOzN0xp+gjIJCbXNsOj7m2nh6fxkcC1kMmuCAjRvQ/QB3p+lDP0DGDien3f8bccjrVbTK4CymdCfM4SJTk+1exQaT6DNcVC2Bc9jhafpcqvnOGXOgu0eeT6u9NxNA8B0Btu2cQIhKpusdAn3yis+35qb46RyXtUula8GyR/o20cxzlnY5pq2pqFRYjNZsd+g7oHptphPHteYaL4kyhwf1Sxq0DjUm6rghjw5U1c3AKXFmuIJjoLmMh3Pw2hFcFUCXX0BGDbdBxSj5DC8S6+UwjCR6X0FQpv1wP/w+ilapUF6THfU77QIDAQAB',
];
export const SLOT_COUNT = SLOT_KEYS.length;

/** Chromium's id for an unpacked extension with this manifest key: sha256, first 32 nibbles as a–p. */
export function extensionIdOfKey(base64Key) {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');
}

/**
 * The build a worker in `slot` loads, and the id Chromium will give it. Slot 0 is the build
 * itself; another slot gets a copy (made once per worker) whose key gives it a different id.
 */
export async function extensionForSlot(slot, sourceDir = EXTENSION_DIR) {
  const manifest = JSON.parse(await readFile(join(sourceDir, 'manifest.json'), 'utf8'));
  const key = SLOT_KEYS[slot % SLOT_COUNT] ?? null;
  if (key === null) {
    return { dir: sourceDir, id: extensionIdOfKey(manifest.key), dispose: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), `tally-slot${slot}-`));
  await cp(sourceDir, dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key }, null, 2));
  return {
    dir,
    id: extensionIdOfKey(key),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
