import { useCallback, useEffect, useState } from 'preact/hooks';
import { CaptureStatusCard } from '@/components/capture-status-card';
import { ExemptionCard, type SendingState } from '@/components/exemption-card';
import { EXEMPTION_CATEGORY_KEY } from '@/components/exemption-words';
import { FindingsSummary } from '@/components/findings-summary';
import { PauseControl } from '@/components/pause-control';
import { PolicyProblems } from '@/components/policy-problems';
import { ProgramNotice } from '@/components/program-notice';
import { mailDraftUrl, type ExemptionDraft } from '@/utils/exemption/exemption-request';
import type { Translate } from '@/utils/i18n/translate';
import { pauseOptions, settle, type PauseRefusal } from '@/utils/pause/pause-window';
import { recorderName } from '@/utils/recorders/recorder-signatures';
import { captureStatus } from '@/utils/status/capture-status';
import { formatWhen } from '@/utils/status/time-left';
import type { PopupActions, PopupData } from './popup-data';

interface Props {
  readonly load: () => Promise<PopupData>;
  readonly subscribe: (onChange: () => void) => () => void;
  readonly actions: PopupActions;
  readonly t: Translate;
  readonly locale: string;
}

/** The clock, ticking once a second while something counts down. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

export function PopupApp({ load, subscribe, actions, t, locale }: Props) {
  const [data, setData] = useState<PopupData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<ExemptionDraft | null>(null);
  const [sending, setSending] = useState<SendingState | null>(null);
  const [refusal, setRefusal] = useState<PauseRefusal | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const refresh = (): void => {
      load().then(
        (next) => {
          setData(next);
          setLoadError(null);
        },
        (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
      );
    };
    refresh();
    return subscribe(refresh);
  }, [load, subscribe]);

  const paused = (data?.snapshot.pause.current ?? null) !== null;
  const now = useNow(paused);
  const formatDate = useCallback(
    (epoch: number) => formatWhen(epoch, Date.now(), locale),
    [locale],
  );

  if (data === null) {
    return (
      <main>
        <h1>{t('extName')}</h1>
        <p role="status">{loadError ? t('loadFailed', [loadError]) : t('loading')}</p>
      </main>
    );
  }

  const { snapshot } = data;
  const { policy } = snapshot;
  const settled = settle(snapshot.pause, policy.pause, now).state;
  const status = captureStatus({
    policy,
    pause: settled.current,
    tab: {
      url: data.tab.url,
      recorders: data.findings.ok ? data.findings.data.findings.recorders.map(recorderName) : [],
    },
    now,
    agent: snapshot.agent,
  });
  const program = policy.programName ?? t('programUnnamed');
  const currentDraft = draft ?? data.draft;
  const currentSending = sending ?? data.sending;
  const email = policy.exemptionRequests.email;

  const run = async (
    action: () => Promise<{ ok: boolean } & Partial<{ refusal: PauseRefusal }>>,
  ) => {
    setBusy(true);
    try {
      const answer = await action();
      setRefusal(answer.ok ? undefined : answer.refusal);
    } finally {
      setBusy(false);
    }
  };
  const changeDraft = (next: ExemptionDraft) => {
    setDraft(next);
    void actions.saveDraft(next);
  };
  const sendRequest = async () => {
    setSending({ state: 'sending' });
    const answer = await actions.requestExemption(currentDraft, 'endpoint');
    if (answer.ok && 'outcome' in answer) {
      setSending({ state: 'done', outcome: answer.outcome });
      if (answer.outcome.kind === 'sent') setDraft({ ...currentDraft, note: '' });
    } else setSending({ state: 'error', message: 'error' in answer ? answer.error : 'no answer' });
  };

  return (
    <main>
      <header class="top">
        <h1>{t('extName')}</h1>
        <p class="program" data-testid="program" data-source={policy.source}>
          {policy.source === 'none' ? t('programNone') : program}
          {policy.source === 'demo' && <span class="tag">{t('demoTag')}</span>}
        </p>
      </header>
      <CaptureStatusCard
        status={status}
        program={program}
        now={now}
        t={t}
        formatDate={formatDate}
      />
      <PolicyProblems problems={policy.problems} t={t} />
      <PauseControl
        paused={settled.current !== null}
        options={pauseOptions(settled, policy.pause, now)}
        refusal={refusal}
        busy={busy}
        toldToAgent={snapshot.agent !== null}
        t={t}
        formatDate={formatDate}
        onPause={(minutes) => void run(() => actions.pause(minutes))}
        onResume={() => void run(() => actions.resume())}
      />
      <ExemptionCard
        policy={policy}
        lastRequest={snapshot.lastRequest}
        draft={currentDraft}
        sending={currentSending}
        now={now}
        t={t}
        formatDate={formatDate}
        mailHref={
          email
            ? mailDraftUrl(email, currentDraft, {
                subject: t('mailSubject', [program]),
                categoryLabel: t('mailCategory', [
                  t(EXEMPTION_CATEGORY_KEY[currentDraft.category]),
                ]),
                intro: t('mailIntro', [program]),
              })
            : undefined
        }
        onDraftChange={changeDraft}
        onSend={() => void sendRequest()}
        onMailOpened={() => void actions.requestExemption(currentDraft, 'email')}
      />
      {data.findings.ok ? (
        <FindingsSummary findings={data.findings.data.findings} t={t} />
      ) : (
        <p class="error" data-testid="popup-error">
          {t('findingsUnavailable', [data.findings.error])}
        </p>
      )}
      <ProgramNotice policy={policy} t={t} />
      <footer>
        <button
          type="button"
          class="link"
          data-testid="open-options"
          onClick={() => void actions.openOptions()}
        >
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
