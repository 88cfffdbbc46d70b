// Capture tests run on two Playwright workers at once. Enterprise policy lives in one system-wide
// directory, keyed by extension id (3rdparty.extensions.<id>), so each worker loads the production
// build under an id of its own and writes its own policy file: neither sees the other's policy.
// Slot 0 is the build exactly as shipped (its manifest key pins cmfimojjbpbcbhliojdjbfhojhlelcfn);
// other slots are copies whose only change is the manifest's public key, so any number of
// workers can run them.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './launch-extension.mjs';

/** A fresh manifest key (the public half of a new RSA pair; nothing is ever signed with it). */
function freshKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Chromium's id for an unpacked extension with this manifest key: sha256, first 32 nibbles as a–p. */
export function extensionIdOfKey(base64Key) {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');
}

/**
 * The build a worker in `slot` loads, and the id Chromium will give it. Slot 0 is the build
 * itself; any other slot gets a copy (made once per worker) under a fresh key, so a different id.
 */
export async function extensionForSlot(slot, sourceDir = EXTENSION_DIR) {
  const manifest = JSON.parse(await readFile(join(sourceDir, 'manifest.json'), 'utf8'));
  if (slot === 0) {
    return { dir: sourceDir, id: extensionIdOfKey(manifest.key), dispose: async () => {} };
  }
  const key = freshKey();
  const dir = await mkdtemp(join(tmpdir(), `tally-slot${slot}-`));
  await cp(sourceDir, dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key }, null, 2));
  return {
    dir,
    id: extensionIdOfKey(key),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
