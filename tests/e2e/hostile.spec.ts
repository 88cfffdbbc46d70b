import { inIsolatedWorld } from '../support/isolated-world.mjs';
import { expect, tabIdOf, test, waitForTabFindings } from './fixtures';

test('a page that replaces the platform and impersonates Tally’s probe changes nothing Tally does or shows', async ({
  page,
  server,
  worker,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/hostile-prototypes.html`);

  // Fields are flagged and marked through Tally's own (isolated) prototypes, whatever the page did
  // to its own: setAttribute, removeAttribute, MutationObserver, addEventListener, Function.call.
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
  await expect(page.locator('#pw')).toHaveAttribute('data-tally-sensitive', 'credential');
  await expect(page.locator('#city')).not.toHaveAttribute('data-tally-sensitive');
  // Added later by a script, on a page where MutationObserver "throws": Tally's still runs.
  await expect(page.locator('#dx')).toHaveAttribute('data-tally-sensitive', 'health');
  // Inside a root the page forced closed.
  await expect
    .poll(() =>
      inIsolatedWorld<string | null>(
        page,
        `chrome.dom.openOrClosedShadowRoot(document.getElementById('bank'))
           ?.querySelector('#rtn')?.getAttribute('data-tally-sensitive') ?? null`,
      ),
    )
    .toBe('financial');

  // Typing still works, and the value is checked where it is typed.
  await page.locator('#city').pressSequentially('Springfield');
  await expect(page.locator('#city')).toHaveValue('Springfield');

  // The page neither drew out Tally's private channel nor passed for the probe: no recorder is
  // named on this tab (the page named FullStory and Hotjar), so capture is not "active" here.
  const hostile = await page.evaluate(
    () =>
      (window as unknown as { hostile: { stolenChannel: unknown; calls: number } }).hostile
        .stolenChannel,
  );
  expect(hostile).toBeNull();
  const tabId = await tabIdOf(worker, page);
  await waitForTabFindings(worker, tabId);
  const stored = await worker.evaluate(
    async (id) => (await chrome.storage.session.get(`findings:${id}`))[`findings:${id}`],
    tabId,
  );
  expect(stored).toMatchObject({ 0: { recorders: [], counts: { 'national-id': 1 } } });
  expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).not.toBe(
    'REC',
  );

  // Nothing Tally does throws into the page.
  expect(errors).toEqual([]);
});
