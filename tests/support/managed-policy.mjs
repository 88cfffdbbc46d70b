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
const FILE = 'tally-e2e.json';

async function writable(dir) {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Installs `policy` (Tally's managed settings) for the pinned id; a browser started afterwards reads it. */
export async function installPolicy(policy) {
  const dirs = [];
  for (const dir of POLICY_DIRS) if (await writable(dir)) dirs.push(dir);
  if (dirs.length === 0)
    throw new Error(
      `Cannot write enterprise policy to ${POLICY_DIRS.join(' or ')}: run the tests as root (as .ci/run does), or create the directory and make it writable.`,
    );
  const content = JSON.stringify(
    { '3rdparty': { extensions: { [PINNED_EXTENSION_ID]: policy } } },
    null,
    2,
  );
  await Promise.all(dirs.map((dir) => writeFile(join(dir, FILE), content)));
}

export async function removePolicy() {
  await Promise.all(POLICY_DIRS.map((dir) => rm(join(dir, FILE), { force: true })));
}
