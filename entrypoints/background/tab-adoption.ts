import type { WxtBrowser } from 'wxt/browser';
import { ADOPTED_FLAG, isAdoptableUrl } from '@/utils/lifecycle/adoption';
import {
  presentPaths,
  recorderGlobalPaths,
  recordersWithGlobals,
  type RecorderId,
} from '@/utils/recorders/recorder-signatures';

type Target = { tabId: number; allFrames: true };

/** The parts of chrome.scripting adoption uses (typed narrowly, so a test can stand in for it). */
export interface AdoptionScripting {
  insertCSS(injection: { target: Target; files: string[] }): Promise<unknown>;
  setAdoptedFlag(target: Target): Promise<unknown>;
  injectGuard(target: Target): Promise<unknown>;
  /** Runs presentPaths in the page's own world of every frame; answers each frame's result. */
  readGlobals(target: Target, paths: string[]): Promise<Array<{ result?: unknown }>>;
}

export interface AdoptionDeps {
  readonly tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  readonly scripting: AdoptionScripting;
  /** The guard's stylesheets (the screen shield), from the manifest. */
  readonly guardCss: string[];
  readonly onRecorders: (tabId: number, ids: RecorderId[]) => void;
}

/**
 * Puts the field guard into every open page after an install or update (see
 * utils/lifecycle/adoption.ts for why and how the old one steps down). A tab
 * that refuses (the browser's own pages, a tab closed meanwhile) is skipped.
 * Tabs are taken one at a time, so an update does not spike the CPU of a
 * browser with a hundred tabs open. Answers how many tabs were adopted.
 */
export async function adoptOpenTabs(deps: AdoptionDeps): Promise<number> {
  const { scripting } = deps;
  let adopted = 0;
  for (const tab of await deps.tabs.query({})) {
    if (tab.id === undefined || !isAdoptableUrl(tab.url)) continue;
    const target: Target = { tabId: tab.id, allFrames: true };
    try {
      if (deps.guardCss.length > 0) await scripting.insertCSS({ target, files: deps.guardCss });
      await scripting.setAdoptedFlag(target);
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

/** Sets the adopted flag in Tally's isolated world; serialised by executeScript, so self-contained. */
function setFlag(flag: string): void {
  (globalThis as Record<string, unknown>)[flag] = true;
}

const GUARD_SCRIPT = '/content-scripts/field-guard.js';

/** The browser's scripting API behind the narrow interface adoption uses. */
export function adoptionScripting(api: WxtBrowser['scripting']): AdoptionScripting {
  return {
    insertCSS: (injection) => api.insertCSS(injection),
    setAdoptedFlag: (target) => api.executeScript({ target, func: setFlag, args: [ADOPTED_FLAG] }),
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
