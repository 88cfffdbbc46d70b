import type { Translate, MessageKey } from '@/utils/i18n/translate';
import type { EffectivePolicy } from '@/utils/policy/effective-policy';

const PARTS: ReadonlyArray<[keyof EffectivePolicy['notice'], MessageKey]> = [
  ['whatIsCaptured', 'noticeWhat'],
  ['why', 'noticeWhy'],
  ['retention', 'noticeRetention'],
  ['whoCanSee', 'noticeWho'],
];

/** The program's own notice: what is captured, why, for how long, who sees it. */
export function ProgramNotice({ policy, t }: { policy: EffectivePolicy; t: Translate }) {
  const { notice } = policy;
  const given = PARTS.filter(([key]) => notice[key] !== undefined);
  return (
    <section class="notice-section" aria-labelledby="notice-heading">
      <details>
        <summary id="notice-heading">{t('noticeHeading')}</summary>
        {given.length === 0 && !notice.moreInfoUrl ? (
          <p class="muted">
            {policy.source === 'none' ? t('noticeNoProgram') : t('noticeMissing')}
          </p>
        ) : (
          <dl data-testid="notice">
            {given.map(([key, label]) => (
              <div key={key}>
                <dt>{t(label)}</dt>
                <dd>{notice[key]}</dd>
              </div>
            ))}
          </dl>
        )}
        {notice.moreInfoUrl && (
          <p>
            <a href={notice.moreInfoUrl} target="_blank" rel="noreferrer">
              {t('noticeMore')}
            </a>
          </p>
        )}
      </details>
    </section>
  );
}
