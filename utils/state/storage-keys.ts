/** What Tally keeps in storage.local (durable, on this device only). */
export const LOCAL_KEYS = {
  pause: 'pause',
  settings: 'settings',
  audit: 'audit',
  lastExemptionRequest: 'lastExemptionRequest',
  /** The policy last seen, to notice changes across restarts (source and problem count only). */
  policySeen: 'policySeen',
} as const;

/** What Tally keeps in storage.session (memory only, gone when the browser closes). */
export const SESSION_KEYS = {
  /** The exemption request the user is writing: kept so closing the popup loses nothing. */
  exemptionDraft: 'exemptionDraft',
  /** Whether a request is being sent, and how the last one went. */
  exemptionSending: 'exemptionSending',
  /** Sites (origins) where the user dismissed the on-page banner for this browser session. */
  bannerDismissed: 'bannerDismissed',
  /** Messages the background refused (malformed, foreign, from the wrong sender), by reason. */
  refusedMessages: 'refusedMessages',
  /** The capture agent: connection, its last status, the pause message it was sent (no values). */
  agentLink: 'agentLink',
} as const;

/** The subset of a storage area Tally uses (a browser area, or a fake in tests). */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
