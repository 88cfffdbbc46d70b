import { EMPTY_FINDINGS, type FrameFindings } from '@/utils/findings/frame-findings';
import type { ContentToBackground } from '@/utils/messages/content-to-background';

const REPORT_DELAY_MS = 250;

/**
 * Sends this frame's findings to the background, batched: a page that adds a
 * thousand fields a second produces a few reports, not a thousand. Nothing is
 * sent while nothing changed, so an idle page costs no timers at all.
 */
export function startReporter(
  collect: () => FrameFindings,
  signal: AbortSignal,
  send: (message: ContentToBackground) => Promise<unknown>,
): { schedule: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A frame with nothing to report stays silent.
  let lastSent = JSON.stringify(EMPTY_FINDINGS);
  const flush = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    const findings = collect();
    const serialized = JSON.stringify(findings);
    if (serialized === lastSent) return;
    lastSent = serialized;
    send({ type: 'content/frame-findings', findings }).catch(() => {
      // The background is restarting or the extension was reloaded: the next change reports again.
      lastSent = '';
    });
  };
  return {
    schedule: () => {
      if (timer === undefined && !signal.aborted) timer = setTimeout(flush, REPORT_DELAY_MS);
    },
  };
}
