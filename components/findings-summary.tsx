import { CATEGORIES } from '@/utils/detection/categories';
import { totalFlagged, type FrameFindings } from '@/utils/findings/frame-findings';
import type { Translate } from '@/utils/i18n/translate';
import { CATEGORY_KEY } from './category-words';

/**
 * What Tally found on the current tab: counts by category, each with the
 * reasons behind it (the detector words its reasons in English).
 */
export function FindingsSummary({ findings, t }: { findings: FrameFindings; t: Translate }) {
  const total = totalFlagged(findings.counts);
  const typedOnly = findings.fields.filter((f) => f.byValue).length;
  return (
    <section aria-labelledby="findings-heading" class="findings">
      <h2 id="findings-heading">{t('findingsHeading')}</h2>
      {findings.page.confidential && (
        <p class="page-flag" data-testid="page-confidential">
          <strong>{t('findingsConfidentialPage')}</strong> {findings.page.reasons[0] ?? ''}
        </p>
      )}
      {total === 0 ? (
        <p data-testid="no-findings">{t('findingsNone')}</p>
      ) : (
        <ul class="categories" data-testid="category-list">
          {CATEGORIES.filter((c) => findings.counts[c] > 0).map((category) => {
            const fields = findings.fields.filter((f) => f.category === category);
            const reasons = [...new Set(fields.flatMap((f) => f.reasons))].slice(0, 5);
            const count = findings.counts[category];
            return (
              <li key={category} data-category={category}>
                <details>
                  <summary>
                    {t(CATEGORY_KEY[category])}:{' '}
                    <span class="count">
                      {t(count === 1 ? 'findingsOneField' : 'findingsFields', [String(count)])}
                    </span>
                  </summary>
                  <ul class="reasons" lang="en">
                    {reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      {typedOnly > 0 && (
        <p class="note" data-testid="typed-note">
          {typedOnly === 1 ? t('findingsTypedOne') : t('findingsTypedMany', [String(typedOnly)])}
        </p>
      )}
    </section>
  );
}
