import type { Translate } from '@/utils/i18n/translate';
import type { EffectivePolicy } from '@/utils/policy/effective-policy';
import { EXEMPTION_CATEGORIES } from '@/utils/policy/policy-schema';
import {
  NOTE_MAX_LENGTH,
  isExemptionCategory,
  type ExemptionDraft,
  type SendOutcome,
} from '@/utils/exemption/exemption-request';
import type { LastRequest } from '@/utils/state/snapshot';
import { EXEMPTION_CATEGORY_KEY, EXEMPTION_STATUS_KEY } from './exemption-words';

export type SendingState =
  | { readonly state: 'idle' }
  | { readonly state: 'sending' }
  | { readonly state: 'done'; readonly outcome: SendOutcome }
  /** Tally itself could not send it (no answer from its background, or no address in the policy). */
  | { readonly state: 'error'; readonly message: string };

interface Props {
  readonly policy: EffectivePolicy;
  readonly lastRequest: LastRequest | undefined;
  readonly draft: ExemptionDraft;
  readonly sending: SendingState;
  readonly now: number;
  readonly t: Translate;
  readonly formatDate: (epoch: number) => string;
  readonly mailHref: string | undefined;
  readonly onDraftChange: (draft: ExemptionDraft) => void;
  readonly onSend: () => void;
  readonly onMailOpened: () => void;
}

function outcomeText(outcome: SendOutcome, t: Translate): string {
  switch (outcome.kind) {
    case 'sent':
      return t('requestSent');
    case 'refused':
      return t('requestRefused', [String(outcome.status)]);
    case 'server-error':
      return t('requestServerError', [String(outcome.status)]);
    case 'timeout':
      return t('requestTimeout', [String(outcome.seconds)]);
    case 'offline':
      return t('requestOffline');
  }
}

/** The user's exemption as the policy records it, and a form to ask for one. */
export function ExemptionCard(props: Props) {
  const { policy, lastRequest, draft, sending, now, t, formatDate } = props;
  const { status, category, expiresAt } = policy.exemption;
  const expired = status === 'approved' && expiresAt !== undefined && expiresAt <= now;
  const channel = policy.exemptionRequests.endpoint
    ? 'endpoint'
    : policy.exemptionRequests.email
      ? 'email'
      : undefined;
  const failed =
    sending.state === 'error' || (sending.state === 'done' && sending.outcome.kind !== 'sent');
  return (
    <section class="exemption" aria-labelledby="exemption-heading">
      <h2 id="exemption-heading">{t('exemptionHeading')}</h2>
      <p data-testid="exemption-status" data-status={expired ? 'expired' : status}>
        {expired
          ? t('exemptionStatusExpired', [formatDate(expiresAt)])
          : t(EXEMPTION_STATUS_KEY[status])}
        {category && !expired && ` (${t(EXEMPTION_CATEGORY_KEY[category])})`}
        {status === 'approved' &&
          !expired &&
          expiresAt !== undefined &&
          ` ${t('exemptionUntil', [formatDate(expiresAt)])}`}
      </p>
      {lastRequest && (
        <p class="muted" data-testid="last-request">
          {t(lastRequest.outcome === 'sent' ? 'lastRequestSent' : 'lastRequestDraft', [
            formatDate(lastRequest.at),
            t(EXEMPTION_CATEGORY_KEY[lastRequest.category]),
          ])}
        </p>
      )}
      {channel === undefined ? (
        <p class="muted" data-testid="no-request-channel">
          {t('exemptionNoChannel')}
        </p>
      ) : (
        <details open={failed || sending.state === 'sending' || draft.note !== ''}>
          <summary>{t('exemptionAsk')}</summary>
          <form
            class="request-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (channel === 'endpoint') props.onSend();
            }}
          >
            <label for="exemption-category">{t('exemptionCategoryLabel')}</label>
            <select
              id="exemption-category"
              value={draft.category}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isExemptionCategory(value)) props.onDraftChange({ ...draft, category: value });
              }}
            >
              {EXEMPTION_CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {t(EXEMPTION_CATEGORY_KEY[value])}
                </option>
              ))}
            </select>
            <label for="exemption-note">{t('exemptionNoteLabel')}</label>
            <textarea
              id="exemption-note"
              rows={3}
              maxLength={NOTE_MAX_LENGTH}
              value={draft.note}
              onInput={(event) =>
                props.onDraftChange({ ...draft, note: event.currentTarget.value })
              }
            />
            {channel === 'endpoint' ? (
              <button
                type="submit"
                class="primary"
                data-testid="send-request"
                disabled={sending.state === 'sending'}
              >
                {sending.state === 'sending'
                  ? t('requestSending')
                  : failed
                    ? t('requestRetry')
                    : t('requestSend')}
              </button>
            ) : (
              <a
                class="button primary"
                data-testid="mail-request"
                href={props.mailHref}
                target="_blank"
                rel="noreferrer"
                onClick={props.onMailOpened}
              >
                {t('requestWriteEmail', [policy.exemptionRequests.email ?? ''])}
              </a>
            )}
            <div role="status" aria-live="polite" data-testid="request-progress">
              {sending.state === 'error' && (
                <p class="error" data-outcome="error">
                  {t('requestFailed', [sending.message])} {t('requestKept')}
                </p>
              )}
              {sending.state === 'sending' && <p>{t('requestSending')}</p>}
              {sending.state === 'done' && (
                <p
                  class={sending.outcome.kind === 'sent' ? 'success' : 'error'}
                  data-outcome={sending.outcome.kind}
                >
                  {outcomeText(sending.outcome, t)}
                  {failed && ` ${t('requestKept')}`}
                </p>
              )}
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
