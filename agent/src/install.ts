// Registers (or removes) the reference agent as a native messaging host for Chrome, Chromium and
// Firefox, for the current user. Usage (README.md in this folder):
//   node agent/dist/install.mjs [--browser chrome|chromium|firefox|all] [--dir DIR]
//                               [--log FILE] [--control FILE] [--extension-id ID]... [--uninstall]
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BROWSERS,
  HOST_NAME,
  hostManifest,
  launcherScript,
  manifestLocation,
  CHROMIUM_EXTENSION_ID,
  type BrowserName,
} from './install-locations';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Every value of a repeatable option. */
function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === `--${name}` ? [process.argv[i + 1] ?? ''] : []));
}

const here = dirname(fileURLToPath(import.meta.url));
const agentScript = join(here, 'tally-agent.mjs');
const wanted = option('browser') ?? 'all';
const browsers: BrowserName[] =
  wanted === 'all' ? [...BROWSERS] : BROWSERS.filter((b) => b === wanted);
if (browsers.length === 0) {
  console.error(`--browser must be one of: ${BROWSERS.join(', ')}, all`);
  process.exit(2);
}
// --dir: one directory to write to instead (a test profile's NativeMessagingHosts, or a
// system-wide one such as /etc/chromium/native-messaging-hosts).
const dirOverride = option('dir');
const uninstall = process.argv.includes('--uninstall');
// --extension-id: the Chromium id(s) allowed to start the agent, instead of Tally's pinned one.
const chromiumIds = options('extension-id');
const badId = chromiumIds.find((id) => !CHROMIUM_EXTENSION_ID.test(id));
if (badId !== undefined) {
  console.error(
    `--extension-id ${JSON.stringify(badId)} is not a Chromium extension id (32 letters a–p)`,
  );
  process.exit(2);
}
const extraArgs = [
  ...(option('log') ? ['--log', resolve(option('log') ?? '')] : []),
  ...(option('control') ? ['--control', resolve(option('control') ?? '')] : []),
];

for (const browser of browsers) {
  const location = dirOverride
    ? { dir: resolve(dirOverride) }
    : manifestLocation(process.platform, browser, homedir(), here);
  const manifestPath = join(location.dir, `${HOST_NAME}.json`);
  const registryKey = 'registryKey' in location ? location.registryKey : undefined;
  if (uninstall) {
    rmSync(manifestPath, { force: true });
    if (registryKey) execFileSync('reg', ['delete', registryKey, '/f'], { stdio: 'ignore' });
    console.log(`removed ${manifestPath}`);
    continue;
  }
  mkdirSync(location.dir, { recursive: true });
  const launcher = launcherScript(process.platform, process.execPath, agentScript, extraArgs);
  // Beside the manifest, so each registration (a test profile, say) has its own arguments.
  const launcherPath = join(location.dir, launcher.name);
  writeFileSync(launcherPath, launcher.text);
  chmodSync(launcherPath, 0o755);
  writeFileSync(
    manifestPath,
    `${JSON.stringify(hostManifest(browser, launcherPath, chromiumIds), null, 2)}\n`,
  );
  if (registryKey) {
    execFileSync('reg', ['add', registryKey, '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f']);
  }
  console.log(`${browser}: ${manifestPath}`);
}
