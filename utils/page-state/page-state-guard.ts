import { CATEGORIES } from '../detection/categories';
import type { PageState } from './page-state';

/**
 * The content script's check of a page state from the background: the same
 * rules as PageStateSchema (a unit test holds the two together), written by
 * hand because zod would double the content script that runs in every frame.
 */
const CAPTURE_STATES = new Set(['active', 'paused', 'exempt', 'off', 'unknown']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown, max: number, maxLength: number): v is string[] =>
  Array.isArray(v) &&
  v.length <= max &&
  v.every((s) => typeof s === 'string' && s.length <= maxLength);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

export function readPageState(
  value: unknown,
  recorderNames: ReadonlySet<string>,
): PageState | null {
  if (!isObject(value)) return null;
  const { capture, until, recorders, redaction, shield, counts, reasons, pauseMinutes } = value;
  if (typeof capture !== 'string' || !CAPTURE_STATES.has(capture)) return null;
  if (until !== null && typeof until !== 'number') return null;
  if (!isStringList(recorders, recorderNames.size, 100)) return null;
  if (!recorders.every((name) => recorderNames.has(name))) return null;
  if (!isObject(redaction) || !CATEGORIES.every((c) => typeof redaction[c] === 'boolean')) {
    return null;
  }
  if (!isObject(shield) || typeof shield.fields !== 'boolean') return null;
  if (typeof shield.documents !== 'boolean') return null;
  if (!isObject(counts) || !CATEGORIES.every((c) => isCount(counts[c]))) return null;
  if (!isStringList(reasons, 8, 200)) return null;
  if (pauseMinutes !== null) {
    if (typeof pauseMinutes !== 'number' || !(pauseMinutes > 0 && pauseMinutes <= 30)) return null;
  }
  for (const flag of ['confidential', 'lateCatch', 'bannerDismissed', 'reportSensitive'] as const) {
    if (typeof value[flag] !== 'boolean') return null;
  }
  return value as unknown as PageState;
}
