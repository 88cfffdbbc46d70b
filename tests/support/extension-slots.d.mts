export function extensionIdOfKey(base64Key: string): string;
export function extensionForSlot(
  slot: number,
  sourceDir?: string,
): Promise<{ dir: string; id: string; dispose(): Promise<void> }>;
