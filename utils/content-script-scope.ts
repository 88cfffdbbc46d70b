/**
 * Where and when Tally's content scripts run: every page and every frame
 * (about:blank, srcdoc and blob frames too), at document_start, before any
 * page script. Recorders serialise a field when they first see it, so flags
 * must be in place first (DEVELOPERS.md: document_start costs nothing
 * measurable, document_idle delayed a 5,000-field page's load by ~20%).
 */
export const EVERY_FRAME_AT_START: {
  matches: string[];
  runAt: 'document_start';
  allFrames: true;
  matchAboutBlank: true;
  matchOriginAsFallback: true;
} = {
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
};
