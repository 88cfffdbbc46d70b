export const PINNED_EXTENSION_ID: string;
export function installPolicy(policy: Record<string, unknown>, extensionId?: string): Promise<void>;
export function removePolicy(extensionId?: string): Promise<void>;
