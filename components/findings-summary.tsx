import { CATEGORIES, type Category } from '@/utils/detection/categories';
import { totalFlagged, type FrameFindings } from '@/utils/findings/frame-findings';

const CATEGORY_TITLE: Record<Category, string> = {
  'national-id': 'National ID',
  health: 'Health data',
  financial: 'Financial',
  credential: 'Password or key',
  confidential: 'Confidential',
};

/** What Tally found on the current tab: counts by category, each with the reasons behind it. */
export function FindingsSummary({ findings }: { findings: FrameFindings }) {
  const total = totalFlagged(findings.counts);
  const typedOnly = findings.fields.filter((f) => f.byValue).length;
  return (
    <section aria-labelledby="findings-heading" class="findings">
      <h2 id="findings-heading">On this page</h2>
      {findings.page.confidential && (
        <p class="page-flag" data-testid="page-confidential">
          <strong>Confidential document.</strong> {findings.page.reasons[0] ?? ''}
        </p>
      )}
      {total === 0 ? (
        <p data-testid="no-findings">No sensitive fields found on this page.</p>
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
                    {CATEGORY_TITLE[category]}:{' '}
                    <span class="count">
                      {count} {count === 1 ? 'field' : 'fields'}
                    </span>
                  </summary>
                  <ul class="reasons">
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
          {typedOnly === 1 ? 'One field was' : `${typedOnly} fields were`} recognised only from what
          was typed into {typedOnly === 1 ? 'it' : 'them'}.
        </p>
      )}
    </section>
  );
}
