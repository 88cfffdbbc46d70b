import { everyCategory, type Category } from '../detection/categories';
import type { Counts, FrameFindings } from '../findings/frame-findings';
import { emptyCounts, totalFlagged } from '../findings/frame-findings';
import type { EffectivePolicy } from '../policy/effective-policy';
import type { CaptureState, CaptureStatus } from '../status/capture-status';

/**
 * What the content scripts of one tab need to know to act on the page: the
 * tab's capture state, what the policy redacts and shields, the tab-wide
 * findings the banner summarises, and whether the user dismissed the banner
 * on this site. Plain data, no zod: the content script reads it (with the
 * guard below); the background builds it with `pageStateFor`.
 */
export interface PageState {
  readonly capture: CaptureState;
  /** End of the pause or exemption (epoch ms), or null. */
  readonly until: number | null;
  /** Recorders seen on the tab, by their product names. */
  readonly recorders: readonly string[];
  /** Categories whose fields get recorder markers (a policy may turn some off). */
  readonly redaction: Readonly<Record<Category, boolean>>;
  /** Screen shield, already folded with the state: on only while capture is active. */
  readonly shield: { readonly fields: boolean; readonly documents: boolean };
  /** Flagged fields on the whole tab, by category (every frame). */
  readonly counts: Counts;
  readonly confidential: boolean;
  /** The "Why?" list: reasons Tally gave, quoting labels and page markings, never values. */
  readonly reasons: readonly string[];
  /** A field was recognised only from what was typed, while a recorder was running. */
  readonly lateCatch: boolean;
  /** The pause the banner offers (the longest allowed up to 30 minutes), or null if none now. */
  readonly pauseMinutes: number | null;
  readonly bannerDismissed: boolean;
  /** A capture agent is configured: tell the background when a flagged field gets the focus. */
  readonly reportSensitive: boolean;
}

export const BANNER_PAUSE_MINUTES = 30;
const MAX_REASONS = 8;

export interface PageStateInputs {
  readonly status: CaptureStatus;
  readonly policy: EffectivePolicy;
  readonly findings: FrameFindings;
  /** Pause lengths the user may start now (pauseOptions().durations). */
  readonly pauseDurations: readonly number[];
  readonly bannerDismissed: boolean;
}

export function pageStateFor({
  status,
  policy,
  findings,
  pauseDurations,
  bannerDismissed,
}: PageStateInputs): PageState {
  const active = status.state === 'active';
  const reasons: string[] = [];
  for (const reason of [...findings.page.reasons, ...findings.fields.flatMap((f) => f.reasons)]) {
    if (reasons.length >= MAX_REASONS) break;
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  const offered = pauseDurations.filter((m) => m <= BANNER_PAUSE_MINUTES);
  return {
    capture: status.state,
    until: status.until ?? null,
    recorders: status.recorders,
    redaction: policy.redaction,
    shield: {
      fields: active && policy.shield.fields,
      documents: active && policy.shield.confidentialDocuments,
    },
    counts: findings.counts,
    confidential: findings.page.confidential,
    reasons,
    lateCatch: status.recorders.length > 0 && findings.fields.some((f) => f.byValue),
    pauseMinutes: offered.length > 0 ? Math.max(...offered) : null,
    bannerDismissed,
    reportSensitive: status.agent !== undefined,
  };
}

/** Whether the page's banner has something to say: capture is active on sensitive content. */
export function bannerWanted(state: PageState): boolean {
  return (
    state.capture === 'active' &&
    !state.bannerDismissed &&
    (totalFlagged(state.counts) > 0 || state.confidential)
  );
}

/** The state a content script assumes before the background has spoken: protect, show nothing. */
export const INITIAL_PAGE_STATE: PageState = {
  capture: 'unknown',
  until: null,
  recorders: [],
  redaction: everyCategory(true),
  shield: { fields: false, documents: false },
  counts: emptyCounts(),
  confidential: false,
  reasons: [],
  lateCatch: false,
  pauseMinutes: null,
  bannerDismissed: false,
  reportSensitive: false,
};
