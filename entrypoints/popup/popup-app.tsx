import { useEffect, useState } from 'preact/hooks';
import { FindingsSummary } from '@/components/findings-summary';
import type { LoadResult } from './tab-findings-client';

interface Props {
  load: () => Promise<LoadResult>;
  subscribe: (onChange: () => void) => () => void;
}

export function PopupApp({ load, subscribe }: Props) {
  const [result, setResult] = useState<LoadResult | null>(null);
  useEffect(() => {
    const refresh = (): void => {
      load().then(setResult, (error: unknown) =>
        setResult({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    };
    refresh();
    return subscribe(refresh);
  }, [load, subscribe]);

  return (
    <main>
      <h1>Tally</h1>
      <div role="status" aria-live="polite">
        {result === null && <p>Checking this page…</p>}
        {result !== null && !result.ok && (
          <p class="error" data-testid="popup-error">
            Tally could not read this page’s findings: {result.error}
          </p>
        )}
      </div>
      {result?.ok && <FindingsSummary findings={result.data.findings} />}
    </main>
  );
}
