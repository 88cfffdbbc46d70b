import { defineConfig } from 'wxt';
import { EVERY_FRAME_AT_START } from './utils/content-script-scope';

// The public half of the key that pins Tally's extension id in unpacked builds
// (cmfimojjbpbcbhliojdjbfhojhlelcfn). Enterprise policy under
// 3rdparty.extensions.<id> and the end-to-end tests address the extension by
// this id; the private half is not needed and is not kept.
const PINNED_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3EwuAZAxbidzvlHsXWcIzmp3V5kkqSa5hHiAJ4Yk1yUf16tSGMYi8cFoGnOXhXaly6wYQFf1TGy2z0kJPQTzZiI5I7jDsApypHJB9xyiqGXTr2fYIwWf6dZLwEBcDWAMFhuFI0i6RKHmv2Hvhz4oWKf+KgU+Ln4aiR5wHBrkzeHG6TMUQkvB5Jrn2nMIXLst8k04nVcGU5HCtlEsiSc+RkoZ/OPYd1WVEq+R8bRjbkhcp5yYPI5MVbKZc9usIabIwkoya/ryzNYVgvEEnRrSOsLaZJiq87AmTYcsQA8qi8a8XiuDaAAvL1XgCuhqPTIKLQ5V0CP7+sIiuHUd+NAwfQIDAQAB';

export default defineConfig({
  // Every dependency is imported explicitly, so what a module uses is visible in it.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // TALLY_PROFILE=1 builds readable bundles for CPU profiles (bench/profile notes in docs/).
  vite: () => (process.env.TALLY_PROFILE ? { build: { minify: false } } : {}),
  hooks: {
    // The field guard is an unlisted script (entrypoints/field-guard/index.ts says why), so its
    // content_scripts entry is written here, first, as WXT would write it, with its stylesheet.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        {
          matches: EVERY_FRAME_AT_START.matches,
          run_at: EVERY_FRAME_AT_START.runAt,
          all_frames: EVERY_FRAME_AT_START.allFrames,
          match_about_blank: EVERY_FRAME_AT_START.matchAboutBlank,
          match_origin_as_fallback: EVERY_FRAME_AT_START.matchOriginAsFallback,
          css: ['field-guard.css'],
          js: ['field-guard.js'],
        },
        ...(manifest.content_scripts ?? []),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the pause ends on time; notifications: the warning before it ends;
    // webRequest (observing only): which recorders send from a tab; scripting: the field guard
    // is put into pages already open when Tally is installed or updated (Chromium does not);
    // nativeMessaging: the capture program's local agent, only when the policy names one.
    permissions: [
      'storage',
      'tabs',
      'alarms',
      'notifications',
      'webRequest',
      'scripting',
      'nativeMessaging',
    ],
    // Chromium shows webRequest a request only with host access to both its URL and the page
    // that made it, so the recorders' hosts alone are not enough (e2e-tested). The content
    // scripts already run on every page, so the install warning is the same; the listener's
    // filter (the recorders' ingest hosts) keeps every other request from waking the worker.
    host_permissions: ['<all_urls>'],
    commands: {
      'toggle-pause': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandTogglePause__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tally@tally-extension.org',
              // 140 (ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Tally keeps what the user typed on the device: nothing is collected.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: PINNED_PUBLIC_KEY,
          minimum_chrome_version: '121',
          // Chromium hands an organisation's policy to storage.managed only with a schema;
          // Firefox reads policies.json without one.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
});
