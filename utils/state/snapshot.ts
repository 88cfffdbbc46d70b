import * as z from 'zod/mini';
import { resolvePolicy, type EffectivePolicy } from '../policy/effective-policy';
import { NO_PAUSE, type PauseState } from '../pause/pause-state';
import { PauseStateSchema } from '../pause/pause-state.schema';
import { readSettings, type UserSettings } from '../settings/user-settings';
import { EXEMPTION_CATEGORIES } from '../policy/policy-schema';
import { agentTargetOf, readLinkState, type AgentLinkState } from '../agent/agent-link-state';
import { LOCAL_KEYS, SESSION_KEYS, type StorageArea } from './storage-keys';

export const LastRequestSchema = z.object({
  at: z.number(),
  category: z.enum(EXEMPTION_CATEGORIES),
  channel: z.enum(['endpoint', 'email']),
  outcome: z.enum(['sent', 'draft-opened']),
});
export type LastRequest = z.infer<typeof LastRequestSchema>;

/** Everything durable Tally's decisions depend on, read and checked in one go. */
export interface Snapshot {
  readonly policy: EffectivePolicy;
  readonly settings: UserSettings;
  /** As stored; callers settle it against the clock. */
  readonly pause: PauseState;
  readonly lastRequest: LastRequest | undefined;
  /** The capture agent link when the policy names one (from storage.session), else null. */
  readonly agent: AgentLinkState | null;
}

export interface SnapshotSources {
  readonly local: Pick<StorageArea, 'get'>;
  /** storage.managed, or undefined where the browser has none. */
  readonly managed: Pick<StorageArea, 'get'> | undefined;
  /** storage.session, where the agent link lives; without it the snapshot has no agent. */
  readonly session?: Pick<StorageArea, 'get'> | undefined;
}

// The first read after the browser starts waits for policy loading (≈3 s measured here).
const MANAGED_READ_TIMEOUT_MS = 10_000;

/**
 * Reads managed storage without ever failing: Firefox rejects when no policy
 * is installed (that is "no policy", not an error), and a read that hangs
 * must not hold up the toolbar.
 */
export async function readManaged(
  managed: SnapshotSources['managed'],
): Promise<{ managed: unknown; readError: string | undefined }> {
  if (managed === undefined) return { managed: undefined, readError: undefined };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('reading the policy took too long')),
      MANAGED_READ_TIMEOUT_MS,
    );
  });
  try {
    return { managed: await Promise.race([managed.get(null), timeout]), readError: undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Firefox: "Managed storage manifest not found" when the organisation installed none.
    if (/not found/i.test(message)) return { managed: undefined, readError: undefined };
    return { managed: undefined, readError: `Tally could not read the policy (${message}).` };
  } finally {
    clearTimeout(timer);
  }
}

export async function readSnapshot(sources: SnapshotSources): Promise<Snapshot> {
  const [stored, managed, session] = await Promise.all([
    sources.local.get([LOCAL_KEYS.settings, LOCAL_KEYS.pause, LOCAL_KEYS.lastExemptionRequest]),
    readManaged(sources.managed),
    sources.session?.get(SESSION_KEYS.agentLink) ?? Promise.resolve(undefined),
  ]);
  const settings = readSettings(stored[LOCAL_KEYS.settings]);
  const pause = PauseStateSchema.safeParse(stored[LOCAL_KEYS.pause]);
  const lastRequest = LastRequestSchema.safeParse(stored[LOCAL_KEYS.lastExemptionRequest]);
  const policy = resolvePolicy({ ...managed, demoEnabled: settings.demoProgram });
  const agent = agentTargetOf(policy.agent);
  return {
    policy,
    settings,
    pause: pause.success ? pause.data : NO_PAUSE,
    lastRequest: lastRequest.success ? lastRequest.data : undefined,
    agent:
      agent !== undefined && session !== undefined
        ? readLinkState(session[SESSION_KEYS.agentLink], agent.transport, agent.target)
        : null,
  };
}
