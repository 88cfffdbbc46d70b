import type { Translate, MessageKey } from '@/utils/i18n/translate';
import { EXEMPTION_CATEGORY_KEY } from './exemption-words';
import type {
  AgentSummary,
  CaptureState,
  CaptureStatus,
  StatusReason,
} from '@/utils/status/capture-status';
import { formatCountdown, minutesLeftUntil } from '@/utils/status/time-left';

const STATE_WORD: Record<CaptureState, MessageKey> = {
  active: 'stateActive',
  paused: 'statePaused',
  exempt: 'stateExempt',
  off: 'stateOff',
  unknown: 'stateUnknown',
};

/** A symbol per state, so the state is never told by colour alone. */
const STATE_SYMBOL: Record<CaptureState, string> = {
  active: '●',
  paused: '❚❚',
  exempt: '⛉',
  off: '○',
  unknown: '?',
};

function reasonText(
  reason: StatusReason,
  status: CaptureStatus,
  t: Translate,
  program: string,
  formatDate: (epoch: number) => string,
): string {
  switch (reason.code) {
    case 'exempt': {
      const category = t(
        reason.category ? EXEMPTION_CATEGORY_KEY[reason.category] : 'exemptionCategoryUnstated',
      );
      return status.until === undefined
        ? t('reasonExempt', [category])
        : t('reasonExemptUntil', [category, formatDate(status.until)]);
    }
    case 'paused':
      return t('reasonPaused');
    case 'program-off':
      return t('reasonProgramOff', [program]);
    case 'site-off':
      return t('reasonSiteOff');
    case 'recorders-despite-off':
      return t('reasonRecordersDespiteOff', [status.recorders.join(', ')]);
    case 'program-active':
      return t('reasonProgramActive', [program]);
    case 'recorders-seen':
      return t('reasonRecordersSeen', [status.recorders.join(', ')]);
    case 'policy-silent':
      return t('reasonPolicySilent');
    case 'no-policy':
      return t('reasonNoPolicy');
    case 'agent-capturing':
      return t('reasonAgentCapturing', [status.agent?.program ?? program]);
    case 'agent-off':
      return t('reasonAgentOff', [status.agent?.program ?? program]);
    case 'agent-not-responding':
      return t('reasonAgentNotResponding');
    case 'agent-incompatible':
      return t('reasonAgentIncompatible');
  }
}

const CONNECTION_WORD: Record<Exclude<AgentSummary['connection'], 'connected'>, MessageKey> = {
  connecting: 'agentConnecting',
  'not-responding': 'agentNotResponding',
  incompatible: 'agentIncompatible',
};

/** Which program the agent is and what it records, or that it does not answer. */
function AgentLine({ agent, t }: { agent: AgentSummary; t: Translate }) {
  if (agent.connection !== 'connected' || agent.program === undefined) {
    const word =
      agent.connection === 'connected' ? 'agentConnecting' : CONNECTION_WORD[agent.connection];
    return (
      <p class="agent" data-testid="agent" data-connection={agent.connection}>
        {t(word)}
      </p>
    );
  }
  return (
    <div class="agent" data-testid="agent" data-connection="connected">
      <p>{t('agentConnected', [agent.program])}</p>
      {agent.modes.length > 0 && (
        <p class="muted" data-testid="agent-modes">
          {t('agentModes', [agent.modes.join(', ')])}
        </p>
      )}
    </div>
  );
}

interface Props {
  readonly status: CaptureStatus;
  readonly program: string;
  readonly now: number;
  readonly t: Translate;
  readonly formatDate: (epoch: number) => string;
}

/**
 * The tab's state in large plain words. The live region holds only the state
 * and its reason, so a screen reader hears changes, not every second of the
 * countdown.
 */
export function CaptureStatusCard({ status, program, now, t, formatDate }: Props) {
  const pausedFor =
    status.state === 'paused' && status.until !== undefined ? status.until - now : undefined;
  return (
    <section
      class={`status status-${status.state}`}
      data-testid="status"
      data-state={status.state}
      aria-labelledby="status-word"
    >
      <div role="status" aria-live="polite" aria-atomic="true">
        <p class="state-word" id="status-word">
          <span class="state-symbol" aria-hidden="true">
            {STATE_SYMBOL[status.state]}
          </span>{' '}
          {t(STATE_WORD[status.state])}
        </p>
        <p class="reason" data-testid="status-reason">
          {reasonText(status.reason, status, t, program, formatDate)}
        </p>
      </div>
      {pausedFor !== undefined && (
        <p class="countdown" data-testid="countdown">
          <span aria-hidden="true">{t('countdownLeft', [formatCountdown(pausedFor)])}</span>
          <span class="visually-hidden">
            {t('countdownMinutesLeft', [String(minutesLeftUntil(status.until ?? now, now))])}
          </span>{' '}
          <span class="muted">{t('countdownUntil', [formatDate(status.until ?? now)])}</span>
        </p>
      )}
      {pausedFor !== undefined && status.pauseConfirmed !== undefined && (
        <p
          class={status.pauseConfirmed ? 'confirmation' : 'confirmation notice'}
          data-testid="pause-confirmation"
          data-confirmed={String(status.pauseConfirmed)}
        >
          {status.pauseConfirmed
            ? t('pauseConfirmed', [status.agent?.program ?? program])
            : t('pauseUnconfirmed')}
        </p>
      )}
      {status.agent && <AgentLine agent={status.agent} t={t} />}
      {status.recorders.length > 0 && (
        <p data-testid="recorders">{t('recordersOnPage', [status.recorders.join(', ')])}</p>
      )}
    </section>
  );
}
