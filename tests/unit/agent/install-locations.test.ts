import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_EXTENSION_ID,
  defaultLogPath,
  hostManifest,
  launcherScript,
  manifestLocation,
} from '@/agent/src/install-locations';

describe('registering the reference agent', () => {
  it('puts the manifest where each browser looks, per platform', () => {
    expect(manifestLocation('linux', 'chromium', '/home/a', '/opt/agent')).toEqual({
      dir: '/home/a/.config/chromium/NativeMessagingHosts',
    });
    expect(manifestLocation('linux', 'chrome', '/home/a', '/opt/agent').dir).toBe(
      '/home/a/.config/google-chrome/NativeMessagingHosts',
    );
    expect(manifestLocation('linux', 'firefox', '/home/a', '/opt/agent').dir).toBe(
      '/home/a/.mozilla/native-messaging-hosts',
    );
    expect(manifestLocation('darwin', 'chrome', '/Users/a', '/opt/agent').dir).toBe(
      '/Users/a/Library/Application Support/Google/Chrome/NativeMessagingHosts',
    );
    expect(manifestLocation('darwin', 'firefox', '/Users/a', '/opt/agent').dir).toBe(
      '/Users/a/Library/Application Support/Mozilla/NativeMessagingHosts',
    );
    expect(manifestLocation('win32', 'chrome', 'C:\\Users\\a', '/opt/agent').registryKey).toBe(
      'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\org.tally.reference_agent',
    );
    expect(manifestLocation('win32', 'firefox', 'C:\\Users\\a', '/opt/agent').registryKey).toBe(
      'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\org.tally.reference_agent',
    );
  });

  it('allows only Tally: by extension origin in Chromium, by add-on id in Firefox', () => {
    expect(hostManifest('chromium', '/x/tally-agent.sh')).toMatchObject({
      name: 'org.tally.reference_agent',
      type: 'stdio',
      path: '/x/tally-agent.sh',
      allowed_origins: ['chrome-extension://cmfimojjbpbcbhliojdjbfhojhlelcfn/'],
    });
    expect(hostManifest('firefox', '/x/tally-agent.sh')).toMatchObject({
      allowed_extensions: ['tally@tally-extension.org'],
    });
  });

  it('allows the Chromium ids it is given instead of the pinned one (a build packed elsewhere)', () => {
    const ids = ['gbhinilbogjliojifmjnbanknnfhkhij', 'cmfimojjbpbcbhliojdjbfhojhlelcfn'];
    expect(hostManifest('chrome', '/x/a.sh', ids)).toMatchObject({
      allowed_origins: [
        'chrome-extension://gbhinilbogjliojifmjnbanknnfhkhij/',
        'chrome-extension://cmfimojjbpbcbhliojdjbfhojhlelcfn/',
      ],
    });
    expect(hostManifest('firefox', '/x/a.sh', ids)).toMatchObject({
      allowed_extensions: ['tally@tally-extension.org'],
    });
    expect(CHROMIUM_EXTENSION_ID.test(ids[0] ?? '')).toBe(true);
    expect(CHROMIUM_EXTENSION_ID.test('cmfimojjbpbcbhliojdjbfhojhlelcfz')).toBe(false);
    expect(CHROMIUM_EXTENSION_ID.test('tally@tally-extension.org')).toBe(false);
  });

  it('writes a launcher that passes the browser’s arguments on, quoting paths', () => {
    expect(launcherScript('linux', '/usr/bin/node', "/o'p/agent.mjs", ['--log', '/l']).text).toBe(
      `#!/bin/sh\nexec '/usr/bin/node' '/o'\\''p/agent.mjs' '--log' '/l' "$@"\n`,
    );
    expect(launcherScript('win32', 'C:\\node.exe', 'C:\\a\\agent.mjs', []).text).toBe(
      '@echo off\r\n"C:\\node.exe" "C:\\a\\agent.mjs" %*\r\n',
    );
  });

  it('logs to the platform’s usual place', () => {
    expect(defaultLogPath('linux', { HOME: '/home/a' })).toBe(
      '/home/a/.local/state/tally-agent/agent.jsonl',
    );
    expect(defaultLogPath('darwin', { HOME: '/Users/a' })).toBe(
      '/Users/a/Library/Logs/tally-agent/agent.jsonl',
    );
  });
});
