import type { BrowserContext } from '@playwright/test';

export const EXTENSION_DIR: string;
export function launchWithExtension(options?: {
  extension?: boolean;
  /** A built extension other than .output/chrome-mv3 (a variant of it, for instance). */
  extensionDir?: string;
  headless?: boolean;
  userDataDir?: string;
  /** A UI language such as "es": the extension then uses that locale. */
  language?: string;
  /** More Chromium switches, such as --host-resolver-rules. */
  extraArgs?: string[];
}): Promise<{ context: BrowserContext; extensionId: string | null; close(): Promise<void> }>;
