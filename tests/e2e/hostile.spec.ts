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

test('a form whose controls are named like DOM members (clobbering) is guarded like any form', async ({
  page,
  server,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/hostile/clobbered-form.html`);
  await page.waitForFunction(() => (window as unknown as { rendered?: boolean }).rendered === true);

  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect(page.locator('#city')).not.toHaveAttribute('data-tally-sensitive');
  // Rendered into the clobbered form later: the mutation's target is that form.
  await expect(page.locator('#ssn2')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect(page.locator('#dx')).toHaveAttribute('data-tally-sensitive', 'health');
  // A notes box whose section ("Medical history") is found by walking past the form.
  await expect(page.locator('#history')).toHaveAttribute('data-tally-sensitive', 'health');
  // A whole clobbered form inserted at once: its field is found, the flag forged on it removed.
  await expect(page.locator('#card')).toHaveAttribute('data-tally-sensitive', 'financial');
  await expect(page.locator('form').nth(1)).not.toHaveAttribute('data-tally-sensitive');
  // Nothing Tally does throws into the page.
  expect(errors).toEqual([]);
});

test('an XHTML document, and a form inside SVG foreignObject, are guarded like any page', async ({
  page,
  server,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/hostile/form.xhtml`);
  expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
  await expect(page.locator('#dx')).toHaveAttribute('data-tally-sensitive', 'health');
  await expect(page.locator('#city')).not.toHaveAttribute('data-tally-sensitive');

  await page.goto(`${server.url}/hostile/svg-form.html`);
  await expect(page.locator('#card')).toHaveAttribute('data-tally-sensitive', 'financial');
  await expect(page.locator('#pw')).toHaveAttribute('data-tally-sensitive', 'credential');
  await expect(page.locator('#nick')).not.toHaveAttribute('data-tally-sensitive');
  expect(errors).toEqual([]);
});

test('about:blank, srcdoc and data: frames, and a frame that navigates, are each guarded', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/hostile/odd-frames.html`);
  const flagIn = (title: string, selector: string) =>
    page.frameLocator(`iframe[title="${title}"]`).locator(selector);
  await expect(flagIn('about:blank filled by script', '#dx')).toHaveAttribute(
    'data-tally-sensitive',
    'health',
  );
  await expect(flagIn('srcdoc', '#s')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect(flagIn('data URL', '#p')).toHaveAttribute('data-tally-sensitive', 'credential');
  // The navigating frame's second document (a data: URL) is guarded afresh.
  await expect(flagIn('navigates', '#r')).toHaveAttribute('data-tally-sensitive', 'financial');
});

test('10,000 levels of nesting, 1 MB textareas and attributes thrashed in a loop', async ({
  page,
  server,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/hostile/deep-and-big.html`);
  // The field at the bottom of 10,000 levels.
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
  // A 1 MB pre-filled value with an SSN at its very end: read whole, once. (Beside it, two more
  // megabytes of one piece a secret's rule begins with, repeated: read whole too, without hanging
  // the tab, or none of these flags would arrive.)
  await expect(page.locator('#big')).toHaveAttribute('data-tally-sensitive', 'national-id');
  for (const id of ['#adversarial', '#adversarial2']) {
    await expect(page.locator(id)).not.toHaveAttribute('data-tally-sensitive', /.*/);
  }
  // Re-labelled and stripped of its flag 5,000 times: it ends flagged for what it says last.
  await expect
    .poll(() => page.evaluate(() => (window as { thrashMs?: number }).thrashMs))
    .not.toBeNull();
  await expect(page.locator('#thrash')).toHaveAttribute('data-tally-sensitive', 'national-id');

  // Typing at the end of the 1 MB value costs Tally next to nothing (a keystroke reads only
  // around the caret; one whole read of this value takes ≈ 40 ms) and loses nothing. Tally's own
  // time is measured, not the wall clock, which the browser's editing of 1 MB dominates.
  await page.locator('#big').focus();
  await page.keyboard.press('ControlOrMeta+End');
  const stats = (): Promise<{ valueChecks: number; valueMs: number }> =>
    inIsolatedWorld(page, `({ ...__tallyStats })`);
  let typed = '';
  const typeAndTime = async (text: string): Promise<number> => {
    const before = await stats();
    await page.keyboard.type(text, { delay: 0 });
    typed += text;
    await expect
      .poll(async () => (await stats()).valueChecks)
      .toBe(before.valueChecks + text.length);
    return (await stats()).valueMs - before.valueMs;
  };
  // ≈ 2–9 ms for the seven keystrokes on a quiet machine; reading the whole value on each would
  // be ≈ 280 ms. The bound sits well between. A busy machine (a GC pause, another process on the
  // two cores) once read 25 ms and once 143 ms in fresh-clone runs, so a reading over the bound is
  // taken again and the better one counts: reading the whole value would be over it both times.
  const first = await typeAndTime(' thanks');
  const cost = first < 100 ? first : Math.min(first, await typeAndTime(' again'));
  expect(cost).toBeLessThan(100);
  const value = await page.locator('#big').evaluate(
    (el: HTMLTextAreaElement, tail: number) => ({
      length: el.value.length,
      end: el.value.slice(-tail),
    }),
    20 + typed.length,
  );
  expect(value).toEqual({
    length: 27 * 40000 + 21 + typed.length,
    end: `employee 401-62-9937${typed}`,
  });
  expect(errors).toEqual([]);
});
