import type { ExemptionCategory } from '../policy/policy-schema';
import { isCaptureOffSite, type EffectivePolicy } from '../policy/effective-policy';
import type { RunningPause } from '../pause/pause-state';

/** What the toolbar and popup say about one tab. */
export type CaptureState = 'active' | 'paused' | 'exempt' | 'off' | 'unknown';

/** Why, as data: the popup and badge word it (in the user's language). */
export type StatusReason =
  | { readonly code: 'exempt'; readonly category: ExemptionCategory | undefined }
  | { readonly code: 'paused' }
  | { readonly code: 'program-off' }
  | { readonly code: 'site-off' }
  | { readonly code: 'recorders-despite-off' }
  | { readonly code: 'program-active' }
  | { readonly code: 'recorders-seen' }
  | { readonly code: 'policy-silent' }
  | { readonly code: 'no-policy' };

export interface CaptureStatus {
  readonly state: CaptureState;
  readonly reason: StatusReason;
  /** End of the pause or exemption (epoch ms), when it has one. */
  readonly until: number | undefined;
  /** Recorders seen running on this tab, by name. */
  readonly recorders: readonly string[];
}

export interface TabSignals {
  readonly url: string | undefined;
  /** Names of recorders seen on the page (filled in by recorder detection). */
  readonly recorders: readonly string[];
}

export interface StatusInputs {
  readonly policy: EffectivePolicy;
  /** The running pause after settling, or null. */
  readonly pause: RunningPause | null;
  readonly tab: TabSignals;
  readonly now: number;
}

/** Whether the policy grants an exemption in force at `now`. */
export function exemptionInForce(policy: EffectivePolicy, now: number): boolean {
  const { status, expiresAt } = policy.exemption;
  return status === 'approved' && (expiresAt === undefined || expiresAt > now);
}

/**
 * The status of one tab. An exemption outranks a pause (it is the broader
 * right); a pause outranks everything that says capture is on; a recorder
 * seen on the page outranks a policy that says capture is off, because the
 * user should hear about what is actually running.
 */
export function captureStatus({ policy, pause, tab, now }: StatusInputs): CaptureStatus {
  const base = { recorders: tab.recorders, until: undefined };
  if (exemptionInForce(policy, now)) {
    return {
      ...base,
      state: 'exempt',
      until: policy.exemption.expiresAt,
      reason: { code: 'exempt', category: policy.exemption.category },
    };
  }
  if (pause !== null && pause.endsAt > now) {
    return { ...base, state: 'paused', until: pause.endsAt, reason: { code: 'paused' } };
  }

  const recorded = tab.recorders.length > 0;
  const declaredOff = policy.captureActive === false || isCaptureOffSite(policy, tab.url);
  if (declaredOff && recorded) {
    return { ...base, state: 'active', reason: { code: 'recorders-despite-off' } };
  }
  if (policy.captureActive === false) {
    return { ...base, state: 'off', reason: { code: 'program-off' } };
  }
  if (declaredOff) return { ...base, state: 'off', reason: { code: 'site-off' } };
  if (policy.captureActive === true) {
    return { ...base, state: 'active', reason: { code: 'program-active' } };
  }
  if (recorded) return { ...base, state: 'active', reason: { code: 'recorders-seen' } };
  return {
    ...base,
    state: 'unknown',
    reason: { code: policy.source === 'none' ? 'no-policy' : 'policy-silent' },
  };
}
