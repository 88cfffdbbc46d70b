/**
 * The DOM tokens session recorders honour, as data: which token each
 * recorder reads, what it does, and where that was established. Everything
 * Tally writes onto a page to keep a value out of a recording comes from
 * this one table (docs/recorder-markers.md explains each row; a unit test
 * keeps the two in step). Plain data, no zod: the content script imports it.
 *
 * Attributes are preferred over classes because frameworks rewrite
 * `className` wholesale; a class is used only where a recorder reads nothing
 * else. Sources: ../shared/reference/recorder-markers.md §2 and §6 (vendor
 * source, shipped bundles and headless-Chromium experiments).
 */

export type MarkerToken =
  { readonly attribute: string; readonly value: string } | { readonly className: string };

export interface RecorderMarkers {
  readonly recorder: string;
  /** On a flagged field: its value (and text) masked or the element left out. */
  readonly field: readonly MarkerToken[];
  /** On a region such as a confidential document: left out of the recording. */
  readonly region: readonly MarkerToken[];
  /** Tokens a page may put on an element to unmask it; stripped from protected elements. */
  readonly unmask: readonly MarkerToken[];
  /** 'live': re-read on every event; 'on-add': decided once, when the recorder first sees a node. */
  readonly reads: 'live' | 'on-add' | 'unknown';
}

const attr = (attribute: string, value = ''): MarkerToken => ({ attribute, value });
const cls = (className: string): MarkerToken => ({ className });

export const RECORDER_MARKERS: readonly RecorderMarkers[] = [
  {
    // Vanilla rrweb masks a value only for "password" inputs; data-rr-is-password makes any
    // field one. rr-block also drops a pre-filled value from the full snapshot.
    recorder: 'rrweb',
    field: [attr('data-rr-is-password', 'true'), cls('rr-block')],
    region: [cls('rr-block')],
    unmask: [],
    reads: 'live',
  },
  {
    recorder: 'PostHog',
    field: [attr('data-rr-is-password', 'true'), cls('ph-no-capture')],
    region: [cls('ph-no-capture')],
    unmask: [],
    reads: 'live',
  },
  {
    recorder: 'Sentry Replay',
    field: [attr('data-rr-is-password', 'true'), attr('data-sentry-mask')],
    region: [attr('data-sentry-block')],
    unmask: [],
    reads: 'live',
  },
  {
    recorder: 'FullStory',
    field: [cls('fs-mask')],
    region: [cls('fs-exclude')],
    unmask: [cls('fs-unmask')],
    reads: 'unknown',
  },
  {
    recorder: 'Hotjar',
    field: [attr('data-hj-suppress')],
    region: [attr('data-hj-suppress')],
    unmask: [attr('data-hj-allow'), cls('data-hj-allow')],
    reads: 'unknown',
  },
  {
    // Clarity always masks input values; the attribute covers editable text, read on add only.
    recorder: 'Microsoft Clarity',
    field: [attr('data-clarity-mask', 'true')],
    region: [attr('data-clarity-mask', 'true')],
    unmask: [attr('data-clarity-unmask')],
    reads: 'on-add',
  },
  {
    recorder: 'LogRocket',
    field: [attr('data-private')],
    region: [attr('data-private')],
    unmask: [attr('data-public')],
    reads: 'unknown',
  },
  {
    // "mask" is stronger than "mask-user-input" on a single field; "allow" is overwritten.
    recorder: 'Datadog RUM',
    field: [attr('data-dd-privacy', 'mask')],
    region: [attr('data-dd-privacy', 'hidden')],
    unmask: [],
    reads: 'live',
  },
  {
    recorder: 'Heap',
    field: [attr('data-heap-redact-text', 'true'), attr('heap-ignore', 'true')],
    region: [attr('data-heap-redact-text', 'true')],
    unmask: [],
    reads: 'unknown',
  },
  {
    recorder: 'Smartlook',
    field: [attr('data-recording-sensitive')],
    region: [attr('data-recording-disable')],
    unmask: [attr('data-recording-gdpr-safe')],
    reads: 'on-add',
  },
  {
    recorder: 'Mouseflow',
    field: [cls('no-mouseflow')],
    region: [],
    unmask: [],
    reads: 'unknown',
  },
  {
    recorder: 'Contentsquare',
    field: [attr('data-cs-mask')],
    region: [attr('data-cs-mask')],
    unmask: [attr('data-cs-capture')],
    reads: 'unknown',
  },
  {
    recorder: 'Amplitude',
    field: [cls('amp-mask')],
    region: [cls('amp-block')],
    unmask: [cls('amp-unmask')],
    reads: 'live',
  },
  {
    // Mixpanel also masks anything carrying data-rr-is-password.
    recorder: 'Mixpanel',
    field: [attr('data-rr-is-password', 'true'), cls('mp-mask')],
    region: [cls('mp-block')],
    unmask: [],
    reads: 'live',
  },
  {
    recorder: 'OpenReplay',
    field: [attr('data-openreplay-obscured')],
    region: [attr('data-openreplay-hidden')],
    unmask: [attr('data-openreplay-unmask')],
    reads: 'on-add',
  },
  {
    recorder: 'Highlight',
    field: [attr('data-rr-is-password', 'true'), cls('highlight-block')],
    region: [cls('highlight-block')],
    unmask: [attr('data-hl-record')],
    reads: 'live',
  },
  {
    recorder: 'Yandex Metrica Webvisor',
    field: [cls('ym-disable-keys')],
    region: [cls('ym-hide-content')],
    unmask: [cls('ym-record-keys'), cls('ym-show-content')],
    reads: 'unknown',
  },
  {
    recorder: 'Matomo',
    field: [attr('data-matomo-mask')],
    region: [attr('data-matomo-mask')],
    unmask: [attr('data-matomo-unmask'), attr('data-piwik-unmask')],
    reads: 'live',
  },
  {
    recorder: 'Lucky Orange',
    field: [cls('lo-sensitive')],
    region: [cls('lo-sensitive')],
    unmask: [cls('lo-not-sensitive')],
    reads: 'unknown',
  },
  {
    recorder: 'Inspectlet',
    field: [cls('inspectlet-sensitive')],
    region: [cls('inspectlet-sensitive')],
    unmask: [],
    reads: 'unknown',
  },
];

/** One tier of markers, flattened: attributes to set and classes to add, each once. */
export interface MarkerSet {
  readonly attributes: ReadonlyArray<readonly [name: string, value: string]>;
  readonly classes: readonly string[];
}

function collect(tokens: Iterable<MarkerToken>): MarkerSet {
  const attributes = new Map<string, string>();
  const classes = new Set<string>();
  for (const token of tokens) {
    if ('attribute' in token) attributes.set(token.attribute, token.value);
    else classes.add(token.className);
  }
  return { attributes: [...attributes], classes: [...classes] };
}

/** What goes on every flagged field. */
export const FIELD_MARKERS: MarkerSet = collect(RECORDER_MARKERS.flatMap((r) => r.field));
/** What goes on a region to keep out of recordings entirely. */
export const REGION_MARKERS: MarkerSet = collect(RECORDER_MARKERS.flatMap((r) => r.region));
/** Unmasking tokens Tally removes from the elements it protects (and puts back when it stops). */
export const UNMASK_MARKERS: MarkerSet = collect(RECORDER_MARKERS.flatMap((r) => r.unmask));

/** Every attribute a marker or unmask token uses: what to watch on a protected element. */
export const WATCHED_MARKER_ATTRIBUTES: readonly string[] = [
  ...new Set([
    'class',
    ...FIELD_MARKERS.attributes.map(([name]) => name),
    ...UNMASK_MARKERS.attributes.map(([name]) => name),
  ]),
];
