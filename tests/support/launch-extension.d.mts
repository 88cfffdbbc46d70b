import type { BrowserContext } from '@playwright/test';

export const EXTENSION_DIR: string;
export function launchWithExtension(options?: {
  extension?: boolean;
  headless?: boolean;
  userDataDir?: string;
  /** A UI language such as "es": the extension then uses that locale. */
  language?: string;
  /** More Chromium switches, such as --host-resolver-rules. */
  extraArgs?: string[];
}): Promise<{ context: BrowserContext; extensionId: string | null; close(): Promise<void> }>;
