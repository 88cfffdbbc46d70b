import type { Translate } from '@/utils/i18n/translate';
import type { PauseOptions, PauseRefusal } from '@/utils/pause/pause-window';
import { formatMinutes } from '@/utils/status/time-left';

interface Props {
  readonly paused: boolean;
  readonly options: PauseOptions;
  /** The last refusal from the background, shown until the next action. */
  readonly refusal: PauseRefusal | undefined;
  readonly busy: boolean;
  /** The policy names the capture program's agent, which is told of every pause. */
  readonly toldToAgent: boolean;
  readonly t: Translate;
  readonly formatDate: (epoch: number) => string;
  readonly onPause: (minutes: number) => void;
  readonly onResume: () => void;
}

export function refusalText(
  refusal: PauseRefusal,
  t: Translate,
  formatDate: (epoch: number) => string,
): string {
  switch (refusal.reason) {
    case 'cooldown':
      return t('refusalCooldown', [formatDate(refusal.until)]);
    case 'budget-exhausted':
      return t('refusalBudgetExhausted');
    case 'over-budget':
      return t('refusalOverBudget', [formatMinutes(refusal.minutesLeft)]);
    case 'too-long':
      return t('refusalTooLong', [formatMinutes(refusal.maxMinutes)]);
    case 'pause-again-not-allowed':
      return t('refusalPauseAgain');
    case 'invalid-duration':
      return t('refusalInvalid');
  }
}

/** Pause for a chosen length, or resume; says plainly when and why pausing is not possible. */
export function PauseControl({
  paused,
  options,
  refusal,
  busy,
  toldToAgent,
  t,
  formatDate,
  onPause,
  onResume,
}: Props) {
  const shownRefusal = refusal ?? options.refusal;
  return (
    <section class="pause" aria-labelledby="pause-heading">
      <h2 id="pause-heading">{paused ? t('pauseHeadingPaused') : t('pauseHeading')}</h2>
      {paused && (
        <button
          type="button"
          class="primary"
          data-testid="resume"
          disabled={busy}
          onClick={onResume}
        >
          {t('resumeNow')}
        </button>
      )}
      {options.durations.length > 0 && (
        <div
          class="durations"
          role="group"
          aria-label={paused ? t('pauseAgainFor') : t('pauseFor')}
        >
          {paused && <span class="muted">{t('pauseAgainFor')}</span>}
          {options.durations.map((minutes) => (
            <button
              type="button"
              key={minutes}
              data-testid={`pause-${formatMinutes(minutes)}`}
              disabled={busy}
              onClick={() => onPause(minutes)}
            >
              {t('pauseMinutes', [formatMinutes(minutes)])}
            </button>
          ))}
        </div>
      )}
      {shownRefusal && (
        <p class="notice" data-testid="pause-refusal">
          {refusalText(shownRefusal, t, formatDate)}
        </p>
      )}
      {options.budgetLeftMs !== undefined && options.refusal === undefined && (
        <p class="muted" data-testid="budget-left">
          {t('budgetLeft', [formatMinutes(Math.floor(options.budgetLeftMs / 15_000) / 4)])}
        </p>
      )}
      <p class="muted small">{t(toldToAgent ? 'pausePrivacyNoteAgent' : 'pausePrivacyNote')}</p>
    </section>
  );
}
