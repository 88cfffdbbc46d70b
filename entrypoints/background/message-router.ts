import { browser, type Browser } from 'wxt/browser';
import {
  ContentToBackgroundSchema,
  type SensitiveFields,
} from '@/utils/messages/content-to-background';
import {
  PopupToBackgroundSchema,
  type ErrorResponse,
  type MutationResponse,
  type TabFindingsResponse,
} from '@/utils/messages/popup-to-background';
import type { Refusal } from '@/utils/messages/refusals';
import type { UserSettings } from '@/utils/settings/user-settings';
import type { ExemptionService } from './exemption-service';
import type { PageStatePublisher } from './page-state-publisher';
import type { PauseController } from './pause-controller';
import type { TabFindingsStore } from './tab-findings-store';

type Response =
  | TabFindingsResponse
  | MutationResponse
  | ErrorResponse
  | { ok: false; error: Refusal }
  | { ok: true };

/** What the router hands work to; each is a thin service over storage and the pure rules. */
export interface BackgroundServices {
  readonly findings: TabFindingsStore;
  readonly pause?: PauseController;
  readonly exemptions?: ExemptionService;
  readonly updateSettings?: (change: Partial<UserSettings>) => Promise<void>;
  readonly clearAudit?: () => Promise<void>;
  readonly pages?: PageStatePublisher;
  /** The recorders seen on a tab changed: its badge follows. */
  readonly onTabRecordersChanged?: (tabId: number) => void;
  /** A frame's flagged fields on screen or in focus changed (for the capture agent). */
  readonly onSensitiveFields?: (tabId: number, frameId: number, fields: SensitiveFields) => void;
}

/** Tally's own pages (popup, options) are served from the extension's origin; content scripts never are. */
function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  // The worker's own origin is chrome-extension://<id> (moz-extension://<uuid> in Firefox).
  const base = `${globalThis.location.origin}/`;
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

const unavailable: ErrorResponse = { ok: false, error: 'not available' };
// Dropped without acting; the caller counts it (utils/messages/refusals.ts).
const refuse = (error: Refusal): { ok: false; error: Refusal } => ({ ok: false, error });

/**
 * The one place messages come in. Content scripts are untrusted (a page's
 * renderer may be compromised): they can only report their own frame's
 * findings, shape-checked. Everything else comes only from Tally's pages.
 */
export async function handleMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  services: BackgroundServices,
): Promise<Response> {
  if (sender.id !== browser.runtime.id) return refuse('foreign sender');

  const fromContent = ContentToBackgroundSchema.safeParse(message);
  if (fromContent.success) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return refuse('not from a tab');
    const request = fromContent.data;
    switch (request.type) {
      case 'content/frame-findings': {
        const recordersChanged = await services.findings.putFrame(
          tabId,
          sender.frameId ?? 0,
          request.findings,
        );
        if (recordersChanged) services.onTabRecordersChanged?.(tabId);
        // The banner (top frame) summarises every frame's findings.
        void services.pages?.publish(tabId);
        return { ok: true };
      }
      case 'content/pause':
        // Only the banner's trusted clicks send this; the length is the banner's offer, which the
        // controller checks against the policy like any other.
        return services.pause ? services.pause.start(request.minutes, 'banner') : unavailable;
      case 'content/sensitive-fields':
        if (!services.onSensitiveFields) return unavailable;
        services.onSensitiveFields(tabId, sender.frameId ?? 0, request);
        return { ok: true };
      case 'content/dismiss-banner':
        if (!services.pages) return unavailable;
        // The site comes from the browser's record of the tab, never from the message.
        await services.pages.dismissBanner(sender.tab?.url);
        void services.pages.publish(tabId);
        return { ok: true };
    }
  }

  const fromPage = PopupToBackgroundSchema.safeParse(message);
  if (!fromPage.success) return refuse('unknown message');
  if (!isExtensionPage(sender)) return refuse('not allowed from this sender');
  const request = fromPage.data;
  switch (request.type) {
    case 'popup/get-tab-findings': {
      const { findings, frames } = await services.findings.tabFindings(request.tabId);
      return { ok: true, findings, frames };
    }
    case 'popup/pause':
      return services.pause ? services.pause.start(request.minutes, 'popup') : unavailable;
    case 'popup/resume':
      if (!services.pause) return unavailable;
      await services.pause.resume();
      return { ok: true };
    case 'popup/request-exemption':
      return services.exemptions
        ? services.exemptions.request(request.draft, request.channel)
        : unavailable;
    case 'options/set-settings':
      if (!services.updateSettings) return unavailable;
      await services.updateSettings(request.settings);
      return { ok: true };
    case 'options/clear-audit':
      if (!services.clearAudit) return unavailable;
      await services.clearAudit();
      return { ok: true };
  }
}
