import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_KEY } from '@/components/category-words';
import { EXEMPTION_CATEGORY_KEY, EXEMPTION_STATUS_KEY } from '@/components/exemption-words';
import { PolicyProblems } from '@/components/policy-problems';
import type { AuditEntry } from '@/utils/audit/audit-entry';
import { CATEGORIES } from '@/utils/detection/categories';
import type { MessageKey, Translate } from '@/utils/i18n/translate';
import type { PolicySource } from '@/utils/policy/effective-policy';
import type { UserSettings } from '@/utils/settings/user-settings';
import type { Snapshot } from '@/utils/state/snapshot';
import { formatMinutes, formatWhen } from '@/utils/status/time-left';

export interface OptionsActions {
  readonly load: () => Promise<{ snapshot: Snapshot; audit: AuditEntry[] }>;
  readonly setSettings: (change: Partial<UserSettings>) => Promise<void>;
  readonly clearAudit: () => Promise<void>;
}

interface Props {
  readonly actions: OptionsActions;
  readonly subscribe: (onChange: () => void) => () => void;
  readonly t: Translate;
  readonly locale: string;
}

type Entry<K extends AuditEntry['kind']> = Extract<AuditEntry, { kind: K }>;
const VIA_KEY: Record<Entry<'pause-started'>['via'], MessageKey> = {
  popup: 'auditViaPopup',
  shortcut: 'auditViaShortcut',
  notification: 'auditViaNotification',
  banner: 'auditViaBanner',
};
const OUTCOME_KEY: Record<Entry<'exemption-requested'>['outcome'], MessageKey> = {
  sent: 'auditExemptionSent',
  'draft-opened': 'auditExemptionDraft',
  failed: 'auditExemptionFailed',
};
const POLICY_CHANGE_KEY: Record<PolicySource, MessageKey> = {
  managed: 'auditPolicyManaged',
  demo: 'auditPolicyDemo',
  none: 'auditPolicyNone',
};
const SOURCE_KEY: Record<PolicySource, MessageKey> = {
  managed: 'policySourceManaged',
  demo: 'policySourceDemo',
  none: 'policySourceNone',
};

function describeEntry(entry: AuditEntry, t: Translate, when: (epoch: number) => string): string {
  switch (entry.kind) {
    case 'pause-started':
      return t('auditPauseStarted', [formatMinutes(entry.minutes), t(VIA_KEY[entry.via])]);
    case 'pause-ended':
      return t('auditPauseEnded', [when(entry.endedAt)]);
    case 'pause-resumed':
      return t('auditPauseResumed');
    case 'exemption-requested':
      return t(OUTCOME_KEY[entry.outcome], [t(EXEMPTION_CATEGORY_KEY[entry.category])]);
    case 'policy-changed':
      return t(POLICY_CHANGE_KEY[entry.source], [String(entry.problems)]);
    case 'demo-switched':
      return t(entry.on ? 'auditDemoOn' : 'auditDemoOff');
  }
}

/** Downloads the audit trail: the user's own data, as JSON, built only when asked for. */
function downloadAudit(audit: readonly AuditEntry[]): void {
  const rows = audit.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() }));
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(rows, null, 2)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `tally-activity-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OptionsApp({ actions, subscribe, t, locale }: Props) {
  const [state, setState] = useState<{ snapshot: Snapshot; audit: AuditEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  useEffect(() => {
    const refresh = () =>
      void actions
        .load()
        .then(setState, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    refresh();
    return subscribe(refresh);
  }, [actions, subscribe]);

  if (state === null) {
    return (
      <main>
        <h1>{t('optionsTitle')}</h1>
        <p role="status">{error ? t('loadFailed', [error]) : t('loading')}</p>
      </main>
    );
  }
  const { snapshot, audit } = state;
  const { policy, settings } = snapshot;
  const when = (epoch: number) => formatWhen(epoch, Date.now(), locale);
  const change = (update: Partial<UserSettings>) =>
    void actions.setSettings(update).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <div role="status" aria-live="polite">
        {error && <p class="error">{t('saveFailed', [error])}</p>}
      </div>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settingsHeading')}</h2>
        <div class="setting">
          <label>
            <input
              type="checkbox"
              data-testid="demo-toggle"
              checked={settings.demoProgram}
              disabled={policy.source === 'managed'}
              onChange={(event) => change({ demoProgram: event.currentTarget.checked })}
            />{' '}
            {t('settingDemo')}
          </label>
          <p class="muted">
            {policy.source === 'managed' ? t('settingDemoManaged') : t('settingDemoHelp')}
          </p>
        </div>
        <div class="setting">
          <label>
            <input
              type="checkbox"
              data-testid="warn-toggle"
              checked={settings.warnBeforePauseEnds}
              onChange={(event) => change({ warnBeforePauseEnds: event.currentTarget.checked })}
            />{' '}
            {t('settingWarn')}
          </label>
        </div>
        <p class="muted">{t('settingShortcut')}</p>
      </section>

      <section aria-labelledby="policy-heading">
        <h2 id="policy-heading">{t('policyHeading')}</h2>
        <dl class="policy" data-testid="policy-view" data-source={policy.source}>
          <dt>{t('policySource')}</dt>
          <dd>{t(SOURCE_KEY[policy.source])}</dd>
          <dt>{t('policyProgram')}</dt>
          <dd>{policy.programName ?? t('programUnnamed')}</dd>
          <dt>{t('policyCapture')}</dt>
          <dd>
            {policy.captureActive === undefined
              ? t('policyCaptureUnsaid')
              : t(policy.captureActive ? 'policyCaptureOn' : 'policyCaptureOff')}
          </dd>
          <dt>{t('policyPause')}</dt>
          <dd data-testid="policy-pause">
            {t('policyPauseMax', [formatMinutes(policy.pause.maxMinutes)])}
            {policy.pause.dailyBudgetMinutes !== undefined &&
              ` · ${t('policyPauseBudget', [formatMinutes(policy.pause.dailyBudgetMinutes)])}`}
            {policy.pause.cooldownMinutes > 0 &&
              ` · ${t('policyPauseCooldown', [formatMinutes(policy.pause.cooldownMinutes)])}`}
          </dd>
          <dt>{t('exemptionHeading')}</dt>
          <dd>
            {t(EXEMPTION_STATUS_KEY[policy.exemption.status])}
            {policy.exemption.category &&
              ` (${t(EXEMPTION_CATEGORY_KEY[policy.exemption.category])})`}
          </dd>
          <dt>{t('policyRequests')}</dt>
          <dd>
            {policy.exemptionRequests.endpoint ?? policy.exemptionRequests.email ?? t('policyNone')}
          </dd>
          <dt>{t('policyAgent')}</dt>
          <dd data-testid="policy-agent">
            {policy.agent.nativeHost !== undefined
              ? t('policyAgentNative', [policy.agent.nativeHost])
              : policy.agent.controlUrl !== undefined
                ? t('policyAgentHttps', [policy.agent.controlUrl])
                : t('policyNone')}
          </dd>
          <dt>{t('policySitesOff')}</dt>
          <dd>
            {policy.captureOffSites.length ? policy.captureOffSites.join(', ') : t('policyNone')}
          </dd>
          <dt>{t('policyRedaction')}</dt>
          <dd>
            {CATEGORIES.map(
              (category) =>
                `${t(CATEGORY_KEY[category])}: ${t(policy.redaction[category] ? 'on' : 'off')}`,
            ).join(' · ')}
          </dd>
        </dl>
        <PolicyProblems problems={policy.problems} t={t} />
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('auditHeading')}</h2>
        <p class="muted">{t('auditHelp')}</p>
        {audit.length === 0 ? (
          <p data-testid="audit-empty">{t('auditEmpty')}</p>
        ) : (
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditWhat')}</th>
              </tr>
            </thead>
            <tbody>
              {[...audit].reverse().map((entry, index) => (
                <tr key={`${entry.at}-${index}`} data-kind={entry.kind}>
                  <td>{when(entry.at)}</td>
                  <td>{describeEntry(entry, t, when)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <button type="button" data-testid="audit-export" onClick={() => downloadAudit(audit)}>
            {t('auditExport')}
          </button>{' '}
          {confirmClear ? (
            <>
              <button
                type="button"
                data-testid="audit-clear-confirm"
                onClick={() => {
                  setConfirmClear(false);
                  void actions.clearAudit();
                }}
              >
                {t('auditClearConfirm')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmClear(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              data-testid="audit-clear"
              disabled={audit.length === 0}
              onClick={() => setConfirmClear(true)}
            >
              {t('auditClear')}
            </button>
          )}
        </p>
      </section>
    </main>
  );
}
