import type { Page } from '@playwright/test';

/** Evaluates an expression in Tally's content-script world of the top frame (pages cannot). */
export function inIsolatedWorld<T = unknown>(page: Page, expression: string): Promise<T>;
