export const PINNED_EXTENSION_ID: string;
export function installPolicy(policy: Record<string, unknown>): Promise<void>;
export function removePolicy(): Promise<void>;
