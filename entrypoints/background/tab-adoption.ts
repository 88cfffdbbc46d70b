import type { WxtBrowser } from 'wxt/browser';
import { ADOPTED_FLAG, GUARD_RUNNING_FLAG, isAdoptableUrl } from '@/utils/lifecycle/adoption';
import {
  presentPaths,
  recorderGlobalPaths,
  recordersWithGlobals,
  type RecorderId,
} from '@/utils/recorders/recorder-signatures';

type EveryFrame = { tabId: number; allFrames: true };
type SomeFrames = { tabId: number; frameIds: number[] };

/** The parts of chrome.scripting adoption uses (typed narrowly, so a test can stand in for it). */
export interface AdoptionScripting {
  /**
   * In Tally's isolated world of every frame: marks the frames no live guard of this version
   * runs in as adopted, and answers `true` for those (markUnguarded, serialised).
   */
  markUnguarded(target: EveryFrame): Promise<Array<{ frameId: number; result?: unknown }>>;
  insertCSS(injection: { target: SomeFrames; files: string[] }): Promise<unknown>;
  injectGuard(target: SomeFrames): Promise<unknown>;
  /** Runs presentPaths in the page's own world of those frames; answers each frame's result. */
  readGlobals(target: SomeFrames, paths: string[]): Promise<Array<{ result?: unknown }>>;
}

export interface AdoptionDeps {
  readonly tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  readonly scripting: AdoptionScripting;
  /** The guard's stylesheets (the screen shield), from the manifest. */
  readonly guardCss: string[];
  readonly onRecorders: (tabId: number, ids: RecorderId[]) => void;
}

/**
 * Puts the field guard into every open page that lacks one after an install or update (see
 * utils/lifecycle/adoption.ts for why and how the old one steps down). Frames where this
 * version's guard already runs (pages loaded since, which the manifest's scripts reached) are left
 * alone: injecting there again would cost a style recalculation (the shield's stylesheet) and a
 * script evaluation on pages that may still be loading. A tab that refuses (the browser's own pages, a tab closed meanwhile) is skipped. Tabs
 * are taken one at a time, so an update does not spike the CPU of a browser with a hundred tabs
 * open. Answers how many tabs were adopted.
 */
export async function adoptOpenTabs(deps: AdoptionDeps): Promise<number> {
  const { scripting } = deps;
  let adopted = 0;
  for (const tab of await deps.tabs.query({})) {
    if (tab.id === undefined || !isAdoptableUrl(tab.url)) continue;
    let target: SomeFrames;
    try {
      const frames = await scripting.markUnguarded({ tabId: tab.id, allFrames: true });
      const frameIds = frames.filter((f) => f.result === true).map((f) => f.frameId);
      if (frameIds.length === 0) continue;
      target = { tabId: tab.id, frameIds };
      if (deps.guardCss.length > 0) await scripting.insertCSS({ target, files: deps.guardCss });
      await scripting.injectGuard(target);
      adopted++;
    } catch {
      continue;
    }
    try {
      const frames = await scripting.readGlobals(target, recorderGlobalPaths());
      const ids = recordersWithGlobals(
        frames.flatMap((frame) => (Array.isArray(frame.result) ? frame.result : [])),
      );
      if (ids.length > 0) deps.onRecorders(tab.id, ids);
    } catch {
      // The guard is in; only the globals look failed (a frame navigated meanwhile).
    }
  }
  return adopted;
}

/**
 * Marks a frame with no live guard as adopted; answers whether it did. Serialised by
 * executeScript into Tally's isolated world, so self-contained (the flag names are arguments).
 */
function markUnguarded(runningFlag: string, adoptedFlag: string): boolean {
  const world = globalThis as Record<string, unknown>;
  if (world[runningFlag] === true) return false;
  world[adoptedFlag] = true;
  return true;
}

const GUARD_SCRIPT = '/field-guard.js';

/** The browser's scripting API behind the narrow interface adoption uses. */
export function adoptionScripting(api: WxtBrowser['scripting']): AdoptionScripting {
  return {
    insertCSS: (injection) => api.insertCSS(injection),
    markUnguarded: (target) =>
      api.executeScript({ target, func: markUnguarded, args: [GUARD_RUNNING_FLAG, ADOPTED_FLAG] }),
    injectGuard: (target) =>
      api.executeScript({ target, files: [GUARD_SCRIPT], injectImmediately: true }),
    readGlobals: (target, paths) =>
      api.executeScript({ target, world: 'MAIN', func: presentPaths, args: [paths] }),
  };
}

/** The guard's stylesheets as the manifest lists them. */
export function guardCssOf(manifest: {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}): string[] {
  const guard = manifest.content_scripts?.find((entry) =>
    entry.js?.some((file) => `/${file}` === GUARD_SCRIPT),
  );
  return guard?.css ?? [];
}
