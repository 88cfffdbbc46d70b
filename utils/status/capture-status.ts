import type { ExemptionCategory } from '../policy/policy-schema';
import { isCaptureOffSite, type EffectivePolicy } from '../policy/effective-policy';
import type { RunningPause } from '../pause/pause-state';
import {
  pauseConfirmed,
  type AgentConnection,
  type AgentLinkState,
  type AgentProblem,
} from '../agent/agent-link-state';

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
  | { readonly code: 'no-policy' }
  | { readonly code: 'agent-capturing' }
  | { readonly code: 'agent-off' }
  | { readonly code: 'agent-not-responding' }
  | { readonly code: 'agent-incompatible' };

/** What the popup says about the capture program's agent, when the policy names one. */
export interface AgentSummary {
  readonly connection: AgentConnection;
  readonly problem: AgentProblem | null;
  /** From the agent's last status on this connection. */
  readonly program: string | undefined;
  readonly modes: readonly string[];
  readonly capturing: boolean | undefined;
}

export interface CaptureStatus {
  readonly state: CaptureState;
  readonly reason: StatusReason;
  /** End of the pause or exemption (epoch ms), when it has one. */
  readonly until: number | undefined;
  /** Recorders seen running on this tab, by name. */
  readonly recorders: readonly string[];
  /** The capture program's agent; undefined when the policy names none. */
  readonly agent: AgentSummary | undefined;
  /** While paused with an agent: whether it acknowledged this pause. */
  readonly pauseConfirmed: boolean | undefined;
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
  /** The agent link's state when the policy names an agent; null or absent otherwise. */
  readonly agent?: AgentLinkState | null;
}

function summarise(agent: AgentLinkState): AgentSummary {
  return {
    connection: agent.connection,
    problem: agent.problem,
    program: agent.status?.program,
    modes: agent.status?.modes ?? [],
    capturing: agent.status?.capturing,
  };
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
export function captureStatus({ policy, pause, tab, now, agent }: StatusInputs): CaptureStatus {
  const base = {
    recorders: tab.recorders,
    until: undefined,
    agent: agent ? summarise(agent) : undefined,
    pauseConfirmed: undefined,
  };
  if (exemptionInForce(policy, now)) {
    return {
      ...base,
      state: 'exempt',
      until: policy.exemption.expiresAt,
      reason: { code: 'exempt', category: policy.exemption.category },
    };
  }
  if (pause !== null && pause.endsAt > now) {
    return {
      ...base,
      state: 'paused',
      until: pause.endsAt,
      reason: { code: 'paused' },
      pauseConfirmed: agent ? pauseConfirmed(agent, pause) : undefined,
    };
  }

  const recorded = tab.recorders.length > 0;
  // A connected agent's own word outranks the policy's static flag; one that does not answer
  // leaves capture unknown (never a silent "off"). While it connects, the policy's flag stands.
  const agentSays = agent?.connection === 'connected' ? agent.status?.capturing : undefined;
  if (agent && agentSays === undefined && agent.connection !== 'connecting' && !recorded) {
    const code =
      agent.connection === 'incompatible' ? 'agent-incompatible' : 'agent-not-responding';
    return { ...base, state: 'unknown', reason: { code } };
  }
  const captureActive = agentSays ?? policy.captureActive;
  const declaredOff = captureActive === false || isCaptureOffSite(policy, tab.url);
  if (declaredOff && recorded) {
    return { ...base, state: 'active', reason: { code: 'recorders-despite-off' } };
  }
  if (captureActive === false) {
    return {
      ...base,
      state: 'off',
      reason: { code: agentSays === false ? 'agent-off' : 'program-off' },
    };
  }
  if (declaredOff) return { ...base, state: 'off', reason: { code: 'site-off' } };
  if (captureActive === true) {
    return {
      ...base,
      state: 'active',
      reason: { code: agentSays === true ? 'agent-capturing' : 'program-active' },
    };
  }
  if (recorded) return { ...base, state: 'active', reason: { code: 'recorders-seen' } };
  return {
    ...base,
    state: 'unknown',
    reason: { code: policy.source === 'none' ? 'no-policy' : 'policy-silent' },
  };
}
