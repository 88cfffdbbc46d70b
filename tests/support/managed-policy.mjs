// Writes Tally's enterprise policy where Debian's Chromium reads it, exactly as
// an administrator would (3rdparty.extensions.<id>), so end-to-end tests read a
// real managed policy through chrome.storage.managed. Needs write access to
// /etc/chromium/policies/managed (root, as in CI).
import { mkdir, rm, writeFile, access, constants } from 'node:fs/promises';
import { join } from 'node:path';

export const PINNED_EXTENSION_ID = 'cmfimojjbpbcbhliojdjbfhojhlelcfn';
// Chromium reads /etc/chromium; Chrome for Testing (Playwright's own build) reads /etc/opt/chrome_for_testing.
const POLICY_DIRS = [
  '/etc/chromium/policies/managed',
  '/etc/opt/chrome_for_testing/policies/managed',
];
// One file per extension id, so tests running at once (tests/support/extension-slots.mjs) do not
// overwrite each other's policy.
const fileFor = (extensionId) => `tally-e2e-${extensionId}.json`;

async function writable(dir) {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Installs `policy` (Tally's managed settings) for `extensionId` (the pinned id unless given);
 * a browser started afterwards reads it, a running one within seconds.
 */
export async function installPolicy(policy, extensionId = PINNED_EXTENSION_ID) {
  const dirs = [];
  for (const dir of POLICY_DIRS) if (await writable(dir)) dirs.push(dir);
  if (dirs.length === 0)
    throw new Error(
      `Cannot write enterprise policy to ${POLICY_DIRS.join(' or ')}: run the tests as root (as .ci/run does), or create the directory and make it writable.`,
    );
  const content = JSON.stringify(
    { '3rdparty': { extensions: { [extensionId]: policy } } },
    null,
    2,
  );
  await Promise.all(dirs.map((dir) => writeFile(join(dir, fileFor(extensionId)), content)));
}

export async function removePolicy(extensionId = PINNED_EXTENSION_ID) {
  await Promise.all(POLICY_DIRS.map((dir) => rm(join(dir, fileFor(extensionId)), { force: true })));
}
