import type { Translate } from '@/utils/i18n/translate';
import type { PolicyProblem } from '@/utils/policy/policy-parser';

/** What is wrong with the organisation's policy, in plain words; shown, never hidden. */
export function PolicyProblems({
  problems,
  t,
}: {
  problems: readonly PolicyProblem[];
  t: Translate;
}) {
  if (problems.length === 0) return null;
  return (
    <section class="problems" role="alert" data-testid="policy-problems">
      <h2>{t('policyProblemsHeading')}</h2>
      <p>{t('policyProblemsIntro')}</p>
      <ul>
        {problems.slice(0, 8).map((problem) => (
          <li key={problem.path}>
            <code>{problem.path}</code> {problem.message}
          </li>
        ))}
      </ul>
      {problems.length > 8 && <p>{t('policyProblemsMore', [String(problems.length - 8)])}</p>}
    </section>
  );
}
