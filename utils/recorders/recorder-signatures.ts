/**
 * How each session recorder shows itself on a page, as data: the globals its
 * loader defines, the URLs its scripts come from, and the requests that carry
 * its recordings. Tally names a recorder on a tab when any of these is seen
 * (docs/recorder-detection.md). Source: ../shared/reference/recorder-markers.md
 * §3 (vendor source, snippets and shipped bundles). Plain data, no zod: the
 * content scripts import it.
 */

export const RECORDER_IDS = [
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
  'quantum-metric',
  'lucky-orange',
  'inspectlet',
  'glassbox',
  'pendo',
  'matomo-hsr',
] as const;
export type RecorderId = (typeof RECORDER_IDS)[number];

export interface RecorderSignature {
  readonly id: RecorderId;
  /** The product's own name, shown to the user. */
  readonly name: string;
  /**
   * Page globals as dotted paths, each step tested with `in` (no value is read but the
   * objects on the path). Any one present is enough. Chosen to be specific to the vendor:
   * a lone short name such as `H` or `ym` would match unrelated pages.
   */
  readonly globals: readonly string[];
  /** Session- or local-storage keys whose presence (never their value) shows a live recording. */
  readonly storageKeys: readonly string[];
  /** Script and request URLs: the vendor's loader and recorder bundles, and its ingest paths. */
  readonly urls: readonly RegExp[];
  /**
   * Hosts (and their subdomains) that receive recordings: the background watches requests to
   * these only, so other traffic never wakes it; they are also the manifest's host permissions.
   */
  readonly hosts: readonly string[];
}

export const RECORDER_SIGNATURES: readonly RecorderSignature[] = [
  {
    id: 'rrweb',
    name: 'rrweb',
    globals: ['rrweb.record', 'rrwebRecord'],
    storageKeys: [],
    urls: [/\/rrweb(?:[.-][^/?#]*)?\.(?:m?js|cjs)(?:[?#]|$)/i, /\/@rrweb\/record\b/i],
    hosts: [],
  },
  {
    id: 'posthog',
    name: 'PostHog',
    globals: ['posthog.capture', '__PosthogExtensions__'],
    storageKeys: [],
    urls: [/[./]posthog\.com\/static\//i, /[./]i\.posthog\.com\/(?:s|e|decide|flags)\//i],
    hosts: ['posthog.com'],
  },
  {
    id: 'sentry-replay',
    name: 'Sentry Replay',
    // `__SENTRY__` alone means error reporting; these mean a replay is set up or running.
    globals: ['Sentry.getReplay', 'Sentry.replayIntegration'],
    storageKeys: ['sentryReplaySession'],
    urls: [/sentry-cdn\.com\/[^/]+\/bundle[^/]*replay[^/]*\.js/i],
    hosts: [],
  },
  {
    id: 'fullstory',
    name: 'FullStory',
    globals: ['_fs_org', '_fs_namespace'],
    storageKeys: [],
    urls: [/[./]fullstory\.com\/s\/fs\.js/i, /rs\.fullstory\.com\/rec\//i],
    hosts: ['fullstory.com'],
  },
  {
    id: 'hotjar',
    name: 'Hotjar',
    globals: ['_hjSettings', 'hj.q'],
    storageKeys: [],
    urls: [/[./](?:static|script|vars|content)\.hotjar\.com\//i, /[./]hotjar\.io\//i],
    hosts: ['hotjar.com', 'hotjar.io'],
  },
  {
    id: 'clarity',
    name: 'Microsoft Clarity',
    globals: ['clarity'],
    storageKeys: [],
    urls: [/[./]clarity\.ms\/(?:tag\/|collect|s\/)/i, /\/clarity(?:\.min)?\.js(?:[?#]|$)/i],
    hosts: ['clarity.ms'],
  },
  {
    id: 'logrocket',
    name: 'LogRocket',
    globals: ['LogRocket', '_LRLogger', '_lrAsyncScript'],
    storageKeys: [],
    urls: [
      /[./](?:logrocket\.io|lr-ingest\.io|lr-in\.com|lr-in-prod\.com|lr-intake\.com|logr-in\.com|lrkt-in\.com)\//i,
    ],
    hosts: [
      'logrocket.io',
      'lr-ingest.io',
      'lr-in.com',
      'lr-in-prod.com',
      'lr-intake.com',
      'logr-in.com',
      'lrkt-in.com',
    ],
  },
  {
    id: 'datadog-rum',
    name: 'Datadog RUM',
    globals: ['DD_RUM'],
    storageKeys: [],
    urls: [
      /datadoghq-browser-agent\.com\/.*datadog-rum/i,
      /browser-intake-[^/]*\/api\/v2\/replay/i,
      // Through the site's own proxy: the real path travels in a parameter.
      /[?&]ddforward=[^&]*api%2Fv2%2Freplay/i,
    ],
    hosts: [
      'browser-intake-datadoghq.com',
      'browser-intake-datadoghq.eu',
      'browser-intake-us3-datadoghq.com',
      'browser-intake-us5-datadoghq.com',
      'browser-intake-ap1-datadoghq.com',
      'browser-intake-ddog-gov.com',
    ],
  },
  {
    id: 'heap',
    name: 'Heap',
    globals: ['heap.appid'],
    storageKeys: [],
    urls: [/[./]heapanalytics\.com\/(?:js\/heap-|h\b)/i, /[./]heap-api\.com\//i],
    hosts: ['heapanalytics.com', 'heap-api.com'],
  },
  {
    id: 'smartlook',
    name: 'Smartlook',
    globals: ['smartlook.api'],
    storageKeys: [],
    urls: [/[./]smartlook\.(?:com|cloud)\//i],
    hosts: ['smartlook.com', 'smartlook.cloud'],
  },
  {
    id: 'mouseflow',
    name: 'Mouseflow',
    globals: ['mouseflow', '_mfq'],
    storageKeys: [],
    urls: [/[./]mouseflow\.com\//i],
    hosts: ['mouseflow.com'],
  },
  {
    id: 'contentsquare',
    name: 'Contentsquare',
    globals: ['_uxa', 'CS_CONF'],
    storageKeys: [],
    urls: [/[./]contentsquare\.net\//i],
    hosts: ['contentsquare.net'],
  },
  {
    id: 'amplitude',
    name: 'Amplitude',
    globals: ['amplitude.add', 'sessionReplay.init'],
    storageKeys: [],
    urls: [/cdn\.amplitude\.com\/libs\//i, /api-sr\.(?:eu\.)?amplitude\.com\//i],
    hosts: ['amplitude.com'],
  },
  {
    id: 'mixpanel',
    name: 'Mixpanel',
    globals: ['mixpanel.__SV', '__mp_recorder'],
    storageKeys: [],
    urls: [/cdn\.mxpnl\.com\/libs\//i, /api(?:-js|-eu|-in)?\.mixpanel\.com\/record\b/i],
    hosts: ['mixpanel.com', 'mxpnl.com'],
  },
  {
    id: 'openreplay',
    name: 'OpenReplay',
    globals: ['__OPENREPLAY__'],
    storageKeys: ['__openreplay_token', '__openreplay_id'],
    urls: [
      /[./]openreplay\.com\//i,
      /\/openreplay[^/?#]*\.js(?:[?#]|$)/i,
      /\/v1\/web\/(?:start|i)(?:[?#]|$)/i,
    ],
    hosts: ['openreplay.com'],
  },
  {
    id: 'highlight',
    name: 'Highlight',
    globals: ['H.getSessionURL', 'H.getRecordingState'],
    storageKeys: [],
    urls: [/[./]highlight\.(?:io|run)\//i, /observability\.app\.launchdarkly\.com\//i],
    hosts: ['highlight.io', 'highlight.run', 'observability.app.launchdarkly.com'],
  },
  {
    id: 'yandex-webvisor',
    name: 'Yandex Metrica Webvisor',
    globals: ['Ya.Metrika2', 'yandex_metrika_callbacks2'],
    storageKeys: [],
    urls: [/mc\.yandex\.[a-z.]+\/(?:metrika\/(?:tag|watch)|webvisor\/)/i],
    hosts: ['mc.yandex.ru', 'mc.yandex.com'],
  },
  {
    id: 'quantum-metric',
    name: 'Quantum Metric',
    globals: ['QuantumMetricAPI'],
    storageKeys: [],
    urls: [/[./]quantummetric\.com\//i],
    hosts: ['quantummetric.com'],
  },
  {
    id: 'lucky-orange',
    name: 'Lucky Orange',
    globals: ['__lo_site_id', 'LOQ'],
    storageKeys: [],
    urls: [/[./]luckyorange\.(?:com|net)\//i],
    hosts: ['luckyorange.com', 'luckyorange.net'],
  },
  {
    id: 'inspectlet',
    name: 'Inspectlet',
    globals: ['__insp'],
    storageKeys: [],
    urls: [/[./]inspectlet\.com\//i],
    hosts: ['inspectlet.com'],
  },
  {
    id: 'glassbox',
    name: 'Glassbox',
    globals: [],
    storageKeys: [],
    urls: [/[./]gbqofs\.(?:com|io)\//i],
    hosts: ['gbqofs.com', 'gbqofs.io'],
  },
  {
    id: 'pendo',
    name: 'Pendo',
    globals: ['pendo.initialize'],
    storageKeys: [],
    urls: [/cdn\.pendo\.io\/agent\//i, /app\.pendo\.io\/data\//i],
    hosts: ['pendo.io'],
  },
  {
    id: 'matomo-hsr',
    name: 'Matomo Heatmaps & Session Recording',
    globals: ['Matomo.HeatmapSessionRecording'],
    storageKeys: [],
    urls: [/\/HeatmapSessionRecording\/(?:tracker|configs)/i],
    hosts: [],
  },
];

const BY_ID = new Map(RECORDER_SIGNATURES.map((s) => [s.id, s]));

export function isRecorderId(value: unknown): value is RecorderId {
  return typeof value === 'string' && BY_ID.has(value as RecorderId);
}

export function recorderName(id: RecorderId): string {
  return BY_ID.get(id)?.name ?? id;
}

/** The recorders a script or request URL belongs to (usually none, at most one). */
export function recordersForUrl(url: string): RecorderId[] {
  const found: RecorderId[] = [];
  for (const signature of RECORDER_SIGNATURES) {
    if (signature.urls.some((pattern) => pattern.test(url))) found.push(signature.id);
  }
  return found;
}

/** Match patterns for the hosts that receive recordings (webRequest filter, host permissions). */
export function recorderHostPatterns(): string[] {
  return RECORDER_SIGNATURES.flatMap((s) => s.hosts).flatMap((host) => [
    `*://${host}/*`,
    `*://*.${host}/*`,
  ]);
}

/** Sorted, unique, known ids only: what crosses from a page's world into Tally's is filtered here. */
export function normalizeRecorderIds(values: Iterable<unknown>): RecorderId[] {
  const ids = new Set<RecorderId>();
  for (const value of values) if (isRecorderId(value)) ids.add(value);
  return RECORDER_IDS.filter((id) => ids.has(id));
}

/** Whether a dotted path exists under `root`, each step tested with `in`; never throws. */
export function hasPath(root: object, path: string): boolean {
  return presentPaths([path], root).length === 1;
}

/**
 * Which of `paths` exist under `root` (the page's window by default). Self-contained, with no
 * reference outside its own body: the background also hands it to scripting.executeScript, which
 * runs a function's source text in the page's world, so it must not close over anything.
 */
export function presentPaths(paths: readonly string[], root: object = globalThis): string[] {
  const exists = (path: string): boolean => {
    let current: unknown = root;
    for (const step of path.split('.')) {
      try {
        if ((typeof current !== 'object' && typeof current !== 'function') || current === null) {
          return false;
        }
        if (!(step in current)) return false;
        current = (current as Record<string, unknown>)[step];
      } catch {
        // A hostile getter or a revoked proxy: not evidence of anything.
        return false;
      }
    }
    return true;
  };
  return paths.filter(exists);
}

/** Every global path any recorder signature names. */
export function recorderGlobalPaths(): string[] {
  return RECORDER_SIGNATURES.flatMap((s) => s.globals);
}

/** The recorders at least one of whose global paths is in `present`. */
export function recordersWithGlobals(present: Iterable<unknown>): RecorderId[] {
  const found = new Set(present);
  return RECORDER_SIGNATURES.filter((s) => s.globals.some((path) => found.has(path))).map(
    (s) => s.id,
  );
}

/** The recorders whose globals exist on `root` (the page's window, read from its own world). */
export function recordersInGlobals(root: object): RecorderId[] {
  return recordersWithGlobals(presentPaths(recorderGlobalPaths(), root));
}

/** The recorders whose storage keys are present; `has` answers for one key and may throw. */
export function recordersInStorage(has: (key: string) => boolean): RecorderId[] {
  return RECORDER_SIGNATURES.filter((s) =>
    s.storageKeys.some((key) => {
      try {
        return has(key);
      } catch {
        return false;
      }
    }),
  ).map((s) => s.id);
}
