import { join } from 'node:path';

/** The reference agent's native messaging host name. */
export const HOST_NAME = 'org.tally.reference_agent';
export const CHROMIUM_EXTENSION_ORIGIN = 'chrome-extension://cmfimojjbpbcbhliojdjbfhojhlelcfn/';
export const FIREFOX_EXTENSION_ID = 'tally@tally-extension.org';

export const BROWSERS = ['chrome', 'chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];
type Env = Readonly<Record<string, string | undefined>>;

/** A Chromium extension id: 32 letters a–p (the key's hash, one letter per nibble). */
export const CHROMIUM_EXTENSION_ID = /^[a-p]{32}$/;

/**
 * The host manifest each browser family reads. `chromiumIds` replaces Tally's pinned id: an
 * organisation that packs Tally itself, or a store listing, gives it another id.
 */
export function hostManifest(
  browser: BrowserName,
  executable: string,
  chromiumIds: readonly string[] = [],
): object {
  const common = {
    name: HOST_NAME,
    description: 'Tally reference capture agent (an example for agent vendors; records nothing)',
    path: executable,
    type: 'stdio',
  };
  return browser === 'firefox'
    ? { ...common, allowed_extensions: [FIREFOX_EXTENSION_ID] }
    : {
        ...common,
        allowed_origins:
          chromiumIds.length > 0
            ? chromiumIds.map((id) => `chrome-extension://${id}/`)
            : [CHROMIUM_EXTENSION_ORIGIN],
      };
}

/**
 * Where a per-user host manifest goes. On Linux and macOS the browser reads the directory; on
 * Windows it reads the registry key, whose default value is the manifest's path (kept beside the
 * agent). Sources: Chrome's and MDN's native messaging documentation.
 */
export function manifestLocation(
  platform: NodeJS.Platform,
  browser: BrowserName,
  home: string,
  agentDir: string,
): { dir: string; registryKey?: string } {
  if (platform === 'win32') {
    const key = {
      chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
      chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
      firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
    }[browser];
    return { dir: join(agentDir, 'manifests', browser), registryKey: `${key}\\${HOST_NAME}` };
  }
  if (platform === 'darwin') {
    const support = join(home, 'Library', 'Application Support');
    const dir = {
      chrome: join(support, 'Google', 'Chrome', 'NativeMessagingHosts'),
      chromium: join(support, 'Chromium', 'NativeMessagingHosts'),
      firefox: join(support, 'Mozilla', 'NativeMessagingHosts'),
    }[browser];
    return { dir };
  }
  const dir = {
    chrome: join(home, '.config', 'google-chrome', 'NativeMessagingHosts'),
    chromium: join(home, '.config', 'chromium', 'NativeMessagingHosts'),
    firefox: join(home, '.mozilla', 'native-messaging-hosts'),
  }[browser];
  return { dir };
}

/** Where the agent keeps its JSON-lines log when not told otherwise. */
export function defaultLogPath(platform: NodeJS.Platform, env: Env): string {
  const home = env.HOME ?? env.USERPROFILE ?? '.';
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'tally-agent', 'agent.jsonl');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Logs', 'tally-agent', 'agent.jsonl');
  return join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'tally-agent', 'agent.jsonl');
}

/** The launcher the manifest points at: browsers start it with the caller's origin as argument. */
export function launcherScript(
  platform: NodeJS.Platform,
  node: string,
  agentScript: string,
  extraArgs: readonly string[],
): { name: string; text: string } {
  if (platform === 'win32') {
    const args = [node, agentScript, ...extraArgs].map((a) => `"${a}"`).join(' ');
    return { name: 'tally-agent.bat', text: `@echo off\r\n${args} %*\r\n` };
  }
  const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
  const args = [node, agentScript, ...extraArgs].map(quote).join(' ');
  return { name: 'tally-agent.sh', text: `#!/bin/sh\nexec ${args} "$@"\n` };
}
