import { describe, expect, it } from 'vitest';
import { recorderOfRequest } from '@/entrypoints/background/recorder-requests';
import {
  hasPath,
  presentPaths,
  recorderGlobalPaths,
  recordersWithGlobals,
  normalizeRecorderIds,
  recorderHostPatterns,
  recordersForUrl,
  recordersInGlobals,
  recordersInStorage,
  RECORDER_IDS,
  RECORDER_SIGNATURES,
} from '@/utils/recorders/recorder-signatures';

// Real loader, recorder and ingest URLs as vendors document or ship them.
const URLS: Array<[string, string]> = [
  ['https://cdn.example.com/vendor/rrweb.min.js', 'rrweb'],
  ['https://cdn.jsdelivr.net/npm/@rrweb/record@latest/dist/record.umd.min.cjs', 'rrweb'],
  ['https://us-assets.i.posthog.com/static/array.js', 'posthog'],
  ['https://eu.i.posthog.com/s/?compression=gzip-js&ip=0', 'posthog'],
  ['https://browser.sentry-cdn.com/8.0.0/bundle.tracing.replay.min.js', 'sentry-replay'],
  ['https://edge.fullstory.com/s/fs.js', 'fullstory'],
  ['https://rs.fullstory.com/rec/bundle/v2?OrgId=o-1', 'fullstory'],
  ['https://static.hotjar.com/c/hotjar-123456.js?sv=6', 'hotjar'],
  ['https://www.clarity.ms/tag/abc123', 'clarity'],
  ['https://k.clarity.ms/collect', 'clarity'],
  ['https://cdn.logrocket.io/LogRocket.min.js', 'logrocket'],
  ['https://r.lr-ingest.io/i?a=app', 'logrocket'],
  ['https://www.datadoghq-browser-agent.com/us1/v5/datadog-rum.js', 'datadog-rum'],
  ['https://browser-intake-datadoghq.com/api/v2/replay?ddsource=browser', 'datadog-rum'],
  [
    'https://example.com/dd-proxy?ddforward=%2Fapi%2Fv2%2Freplay%3Fddsource%3Dbrowser',
    'datadog-rum',
  ],
  ['https://cdn.heapanalytics.com/js/heap-1234.js', 'heap'],
  ['https://web-sdk.smartlook.com/recorder.js', 'smartlook'],
  ['https://cdn.mouseflow.com/projects/abc.js', 'mouseflow'],
  ['https://t.contentsquare.net/uxa/abcdef.js', 'contentsquare'],
  ['https://cdn.amplitude.com/libs/plugin-session-replay-browser-1.0.0-min.js.gz', 'amplitude'],
  ['https://api-sr.amplitude.com/sessions/v2/track', 'amplitude'],
  ['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js', 'mixpanel'],
  ['https://api-js.mixpanel.com/record/?ip=1', 'mixpanel'],
  ['https://static.openreplay.com/latest/openreplay.js', 'openreplay'],
  ['https://replay.example.com/ingest/v1/web/i', 'openreplay'],
  ['https://pub.highlight.io/', 'highlight'],
  ['https://mc.yandex.ru/metrika/tag.js', 'yandex-webvisor'],
  ['https://mc.yandex.ru/webvisor/123?wv-part=1', 'yandex-webvisor'],
  ['https://cdn.quantummetric.com/qscripts/quantum-acme.js', 'quantum-metric'],
  ['https://tools.luckyorange.com/core/lo.js?site-id=1', 'lucky-orange'],
  ['https://cdn.inspectlet.com/inspectlet.js', 'inspectlet'],
  ['https://cdn.pendo.io/agent/static/key/pendo.js', 'pendo'],
  ['https://stats.example.com/plugins/HeatmapSessionRecording/tracker.min.js', 'matomo-hsr'],
];

// Lookalikes an ordinary site loads: none of them is a recorder.
const ORDINARY = [
  'https://example.com/app.js',
  'https://cdn.example.com/recorder.js',
  'https://example.com/js/heap.js',
  'https://example.com/static/array.js',
  'https://example.com/api/v2/rum',
  'https://example.com/sentry.js',
  'https://example.com/records/123',
  'https://fonts.googleapis.com/css2?family=Inter',
  'https://example.com/blog/posthog-review',
];

describe('recorder signatures', () => {
  it('cover every recorder issue 4 names, each findable', () => {
    for (const id of [
      'rrweb',
      'posthog',
      'sentry-replay',
      'fullstory',
      'hotjar',
      'clarity',
      'logrocket',
      'datadog-rum',
      'heap',
      'smartlook',
      'mouseflow',
      'contentsquare',
      'amplitude',
      'mixpanel',
      'openreplay',
      'highlight',
      'yandex-webvisor',
    ]) {
      const signature = RECORDER_SIGNATURES.find((s) => s.id === id);
      expect(signature, id).toBeDefined();
      expect((signature?.urls.length ?? 0) + (signature?.globals.length ?? 0), id).toBeGreaterThan(
        0,
      );
    }
    expect(RECORDER_SIGNATURES.map((s) => s.id)).toEqual([...RECORDER_IDS]);
  });

  it.each(URLS)('knows %s as %s', (url, id) => {
    expect(recordersForUrl(url)).toEqual([id]);
  });

  it.each(ORDINARY)('leaves %s alone', (url) => {
    expect(recordersForUrl(url)).toEqual([]);
  });

  it('names a request by its host when no URL rule knows its path', () => {
    expect(recorderOfRequest('https://browser-intake-datadoghq.eu/api/v2/logs')).toBe(
      'datadog-rum',
    );
    expect(recorderOfRequest('https://in.hotjar.com/api/v2/client')).toBe('hotjar');
    expect(recorderOfRequest('https://notdatadoghq.example/x')).toBeUndefined();
    expect(recorderOfRequest('not a url')).toBeUndefined();
  });

  it('gives webRequest valid match patterns for every ingest host', () => {
    const patterns = recorderHostPatterns();
    expect(patterns.length).toBeGreaterThan(20);
    for (const p of patterns) expect(p).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });
});

describe('globals and storage', () => {
  it('follows dotted paths with `in`, and a hostile getter is no evidence', () => {
    const root = {
      rrweb: { record: () => undefined },
      H: {},
      get Sentry(): unknown {
        throw new Error('no');
      },
    };
    expect(hasPath(root, 'rrweb.record')).toBe(true);
    expect(hasPath(root, 'H.getSessionURL')).toBe(false);
    expect(hasPath(root, 'Sentry.getReplay')).toBe(false);
    expect(hasPath({ a: null }, 'a.b')).toBe(false);
    expect(recordersInGlobals(root)).toEqual(['rrweb']);
    // A bare `H` or `ym` (common short names) is not enough.
    expect(recordersInGlobals({ H: 1, ym: () => 0, FS: {} })).toEqual([]);
    expect(recordersInGlobals({ _hjSettings: {}, __OPENREPLAY__: {}, DD_RUM: {} })).toEqual([
      'hotjar',
      'datadog-rum',
      'openreplay',
    ]);
  });

  it('checks paths from its own source text alone, as scripting.executeScript runs it', () => {
    // executeScript sends the function's text to the page: rebuilt here with nothing in scope.
    const rebuilt = new Function(`return (${presentPaths.toString()})`)() as typeof presentPaths;
    const page = { _hjSettings: { hjid: 1 }, Sentry: { getReplay: 1 }, H: 2 };
    const present = rebuilt(recorderGlobalPaths(), page);
    expect(present).toEqual(['Sentry.getReplay', '_hjSettings']);
    expect(recordersWithGlobals(present)).toEqual(['sentry-replay', 'hotjar']);
    // What comes back from a page is untrusted: anything that is not a known path is ignored.
    expect(recordersWithGlobals([42, null, 'clarity', 'toString', { clarity: 1 }])).toEqual([
      'clarity',
    ]);
  });

  it('reads storage keys by presence only, and survives a storage that throws', () => {
    expect(recordersInStorage((key) => key === 'sentryReplaySession')).toEqual(['sentry-replay']);
    expect(
      recordersInStorage(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).toEqual([]);
  });

  it('keeps only known ids, once each, in a stable order', () => {
    expect(normalizeRecorderIds(['hotjar', 'evil<script>', 'rrweb', 'hotjar', 7, null])).toEqual([
      'rrweb',
      'hotjar',
    ]);
  });
});
