import type { Page } from '@playwright/test';
import { inIsolatedWorld } from '../../support/isolated-world.mjs';
import { addLabelledField, expect, openPopup, tabIdOf, test, toolbarOf } from './capture-fixtures';

/** The banner as Tally's world sees it: shown or not, and its box's size and background. */
function bannerBox(page: Page): Promise<{ width: number; background: string } | null> {
  return inIsolatedWorld<{ width: number; background: string } | null>(
    page,
    `(() => { const section = __tallyBanner()?.querySelector('section');
      if (!section) return null;
      return { width: section.getBoundingClientRect().width,
        background: getComputedStyle(section).backgroundColor }; })()`,
  ).catch(() => null);
}

test.describe('hostile pages, with capture on by policy', () => {
  test.use({ policy: { programName: 'Agent Training Capture', captureActive: true } });

  test('a page with default-src \u2019none\u2019: banner styled, fields shielded and marked', async ({
    browserUnderTest: { context, worker },
    server,
  }) => {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/hostile/csp-strict.html`);
    const tabId = await tabIdOf(worker, page);
    await expect
      .poll(async () => (await toolbarOf(worker, tabId)).title, { timeout: 15_000 })
      .toContain('ACTIVE');
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
    await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-shield', 'mask');
    // The shield's stylesheet comes with the extension, not from the page: the CSP cannot stop it.
    expect(
      await page
        .locator('#ssn')
        .evaluate(
          (el) =>
            (getComputedStyle(el) as CSSStyleDeclaration & { webkitTextSecurity?: string })
              .webkitTextSecurity,
        ),
    ).toBe('disc');
    // The banner's styles live in its shadow root and apply despite the policy.
    await expect.poll(() => bannerBox(page)).not.toBeNull();
    const box = await bannerBox(page);
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.background).toMatch(/^rgb\((255, 255, 255|31, 31, 35)\)$/);
    expect(violations).toEqual([]);
  });

  test('a page that keeps removing the banner wins after a bounded fight; the toolbar still says so', async ({
    browserUnderTest: { context, worker },
    server,
  }) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/hostile/banner-remover.html`);
    const tabId = await tabIdOf(worker, page);
    await expect
      .poll(async () => (await toolbarOf(worker, tabId)).title, { timeout: 15_000 })
      .toContain('ACTIVE');
    // Put back 20 times, then left alone: no endless loop between the page and Tally.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { removed: number }).removed))
      .toBe(21);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { removed: number }).removed)).toBe(21);
    // The field is still flagged, marked and shielded; the toolbar still tells the user.
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-shield', 'mask');
    await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
    expect((await toolbarOf(worker, tabId)).title).toContain('ACTIVE');
    expect(errors).toEqual([]);
  });

  test('a page writing Tally’s attributes and dispatching its events changes nothing Tally shows', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/hostile/spoofer.html`);
    const tabId = await tabIdOf(worker, page);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoofed: boolean }).spoofed))
      .toBe(true);

    // "A new guard started" from the page does not make the live guard step down.
    await expect.poll(() => bannerBox(page)).not.toBeNull();
    // The page took the contract attribute off the SSN field more often than Tally puts it back,
    // but the recorders' markers stay, and Tally's own verdict is what the indicator explains.
    await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
    const indicator = (): Promise<string | null> =>
      inIsolatedWorld<string | null>(page, `__tallyIndicator()?.textContent ?? null`);
    await page.locator('#ssn').focus();
    await expect.poll(indicator).toContain('Hidden on screen and marked for recorders');
    // The city field wears data-tally-sensitive and data-tally-shield written by the page: no note.
    await page.locator('#city').focus();
    await expect.poll(indicator).toBeNull();
    await page.locator('#city').hover();
    await page.waitForTimeout(300);
    expect(await indicator()).toBeNull();

    // The popup reports Tally's findings, not the page's: one national ID, no confidential
    // document, and no recorder (the page "reported" Hotjar and FullStory on Tally's events).
    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.locator('.categories > li')).toHaveCount(1);
    await expect(popup.locator('[data-category="national-id"] .count')).toHaveText('1 field');
    await expect(popup.getByTestId('page-confidential')).toHaveCount(0);
    await expect(popup.getByTestId('recorders')).toHaveCount(0);
    await popup.close();

    // And the guard still guards.
    await addLabelledField(page, 'later', 'SSN');
    await expect(page.locator('#later')).toHaveAttribute('data-tally-sensitive', 'national-id');
    expect(errors).toEqual([]);
  });
});
