import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SerialQueue } from '@/utils/async/serial-queue';
import { browserTranslate } from '@/utils/i18n/browser-translate';
import { isRefusal } from '@/utils/messages/refusals';
import { recorderName, type RecorderId } from '@/utils/recorders/recorder-signatures';
import { readSettings } from '@/utils/settings/user-settings';
import { readSnapshot } from '@/utils/state/snapshot';
import { LOCAL_KEYS } from '@/utils/state/storage-keys';
import { withAuditEntry } from '@/utils/audit/audit-store';
import { settle } from '@/utils/pause/pause-window';
import type { SensitiveFields } from '@/utils/messages/content-to-background';
import { agentTargetOf } from '@/utils/agent/agent-link-state';
import { AGENT_RETRY_ALARM, AgentLink } from './agent-link';
import { openAgentPort } from './agent-transports';
import { SensitiveScreen, shownTabs, tabGeometry } from './sensitive-screen';
import { BadgeRenderer } from './badge-renderer';
import { ExemptionService } from './exemption-service';
import { ManagedPolicyCache } from './managed-policy-cache';
import { handleMessage } from './message-router';
import { createNotifier, NOTIFICATION_ID } from './notifier';
import { PAUSE_ALARMS, PauseController } from './pause-controller';
import { PageStatePublisher } from './page-state-publisher';
import { RefusalCounter } from './refusal-counter';
import { notePolicy } from './policy-watch';
import { watchRecorderRequests } from './recorder-requests';
import { adoptionScripting, adoptOpenTabs, guardCssOf } from './tab-adoption';
import { TabFindingsStore } from './tab-findings-store';

const TOGGLE_PAUSE_COMMAND = 'toggle-pause';
// How far back a request may be and still count for the page a tab just navigated to.
const NAVIGATION_GRACE_MS = 1000;

export default defineBackground({
  type: 'module',
  // Every listener is registered synchronously: a worker woken by an event
  // only delivers it to listeners that exist before the first await.
  main() {
    const local = browser.storage.local;
    const session = browser.storage.session;
    // Absent where the browser has no managed storage (Firefox on Android).
    const managedArea = browser.storage.managed as typeof browser.storage.managed | undefined;
    const managedCache = managedArea ? new ManagedPolicyCache(managedArea) : undefined;
    const managed = managedCache;
    const now = () => Date.now();
    const t = browserTranslate;
    const queue = new SerialQueue();
    const findings = new TabFindingsStore(session);
    const snapshot = () => readSnapshot({ local, managed, session });
    const badges = new BadgeRenderer({
      snapshot,
      t,
      now,
      recordersOn: async (tabId) =>
        (await findings.tabFindings(tabId)).findings.recorders.map(recorderName),
    });
    const pages = new PageStatePublisher({
      snapshot,
      now,
      findings,
      session,
      tabs: {
        get: (tabId) => browser.tabs.get(tabId),
        query: (filter) => browser.tabs.query(filter),
        sendMessage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
      },
    });
    const repaintEveryTab = (): void => {
      void badges.refresh();
      void pages.publishAll();
    };
    const agent = new AgentLink({
      session,
      open: openAgentPort,
      currentPause: async () => {
        const { pause, policy } = await snapshot();
        return settle(pause, policy.pause, now()).state.current;
      },
      now,
      newId: () => crypto.randomUUID(),
      random: Math.random,
      timers: {
        set: (task, ms) => setTimeout(task, ms),
        clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      alarms: browser.alarms,
      version: browser.runtime.getManifest().version,
      onChange: repaintEveryTab,
      // The agent (re)connected: what is on screen now goes to it at once.
      onAgentArrived: () => screen.resend(),
    });
    // Pause, policy or exemption changed: every tab's badge and page follow, and the agent hears.
    const everyTabChanged = (): void => {
      repaintEveryTab();
      void agent.syncPause();
    };
    const tabRecordersChanged = (tabId: number): void => {
      void browser.tabs
        .get(tabId)
        .then((tab) => badges.refreshTab(tabId, tab.url))
        .catch(() => undefined);
      void pages.publish(tabId);
    };
    const pause = new PauseController({
      local,
      managed,
      alarms: browser.alarms,
      notifier: createNotifier(t),
      queue,
      now,
      onChange: everyTabChanged,
    });
    const exemptions = new ExemptionService({
      local,
      session,
      managed,
      queue,
      fetch: (...args) => fetch(...args),
      now,
    });
    const policyMayHaveChanged = async () => {
      const { policy } = await snapshot();
      await notePolicy(local, queue, policy, now());
      const target = agentTargetOf(policy.agent);
      await agent.configure(target);
      // Another tab came forward: the fields on screen are its fields now. Listened to only while a
      // local agent is configured (its open port keeps the worker alive), so that switching tabs
      // does not wake every other user's worker.
      const tabSwitches = browser.tabs.onActivated;
      if (target?.transport !== 'native') tabSwitches.removeListener(refreshScreen);
      else if (!tabSwitches.hasListener(refreshScreen)) tabSwitches.addListener(refreshScreen);
      // A lowered maximum or budget shortens a running pause at once.
      await pause.reconcile();
      // Redaction, shield or capture settings may have changed.
      everyTabChanged();
    };
    const updateSettings = async (change: {
      demoProgram?: boolean;
      warnBeforePauseEnds?: boolean;
    }) => {
      const demoSwitched = await queue.run(async () => {
        const before = readSettings((await local.get(LOCAL_KEYS.settings))[LOCAL_KEYS.settings]);
        const switched =
          change.demoProgram !== undefined && change.demoProgram !== before.demoProgram;
        // The setting and its entry in one write (see withAuditEntry).
        await local.set({
          [LOCAL_KEYS.settings]: { ...before, ...change },
          ...(switched
            ? await withAuditEntry(local, {
                kind: 'demo-switched',
                at: now(),
                on: Boolean(change.demoProgram),
              })
            : {}),
        });
        return switched;
      });
      if (demoSwitched) await policyMayHaveChanged();
    };
    const screen = new SensitiveScreen({
      geometry: tabGeometry,
      shownTabs,
      send: (message) => agent.reportSensitive(message),
    });
    const refreshScreen = (): void => void screen.refresh().catch(() => undefined);
    const services = {
      findings,
      pause,
      exemptions,
      updateSettings,
      clearAudit: () => queue.run(() => local.remove(LOCAL_KEYS.audit)),
      pages,
      onTabRecordersChanged: tabRecordersChanged,
      onSensitiveFields: (tabId: number, frameId: number, fields: SensitiveFields) =>
        void screen.report(tabId, frameId, fields).catch(() => undefined),
    };

    const refusals = new RefusalCounter(browser.storage.session);
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      handleMessage(message, sender, services).then(
        (response) => {
          sendResponse(response);
          if (isRefusal(response)) void refusals.count(response.error);
        },
        () => sendResponse({ ok: false, error: 'internal error' }),
      );
      return true;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if ((Object.values(PAUSE_ALARMS) as string[]).includes(alarm.name)) {
        void pause.onAlarm(alarm.name);
      } else if (alarm.name === AGENT_RETRY_ALARM) void agent.onAlarm();
    });
    browser.commands.onCommand.addListener((command) => {
      if (command === TOGGLE_PAUSE_COMMAND) void pause.toggle();
    });
    // Firefox has no notification buttons; the listener is simply never called there.
    browser.notifications.onButtonClicked?.addListener((id) => {
      if (id === NOTIFICATION_ID) void pause.pauseAgain();
    });
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') {
        managedCache?.invalidate();
        void policyMayHaveChanged();
      }
    });
    // A recorder the worker saw itself (a request to its ingest host, or globals at adoption).
    const recorderObserved = (tabId: number, id: RecorderId, at: number): void => {
      void findings.putObservedRecorder(tabId, id, at).then((news) => {
        if (news) tabRecordersChanged(tabId);
      });
    };
    watchRecorderRequests(browser.webRequest, recorderObserved);
    browser.runtime.onInstalled.addListener(({ reason }) => {
      // Firefox injects content scripts into open pages itself; Chromium leaves them to us.
      if (import.meta.env.FIREFOX || (reason !== 'install' && reason !== 'update')) return;
      void adoptOpenTabs({
        tabs: browser.tabs,
        scripting: adoptionScripting(browser.scripting),
        guardCss: guardCssOf(browser.runtime.getManifest()),
        onRecorders: (tabId, ids) => {
          for (const id of ids) recorderObserved(tabId, id, now());
        },
      });
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      void findings.forgetTab(tabId);
      void screen.forgetTab(tabId);
    });
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      // A new document reports afresh; the old page's findings no longer apply.
      if (change.status === 'loading' && change.url !== undefined) {
        void findings.newPage(tabId, Date.now() - NAVIGATION_GRACE_MS);
        void screen.forgetTab(tabId);
      }
      // Browsers clear a tab's own badge when it navigates: repaint that tab once the page has
      // loaded (not while it loads and needs the CPU), or when a single-page app changes its URL.
      if (
        change.status === 'complete' ||
        (change.url !== undefined && change.status === undefined)
      ) {
        void badges.refreshTab(tabId, tab.url);
      }
    });

    // Every start (install, browser start, worker restart): settle the pause
    // against the clock, re-arm its alarms, note any policy change, repaint.
    void policyMayHaveChanged();
    void exemptions.forgetInterruptedSend();
  },
});
