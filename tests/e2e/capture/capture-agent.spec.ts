import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startControlEndpoint } from '../../support/control-endpoint.mjs';
import { AGENT_HOST, type AgentLogEntry } from '../../support/reference-agent.mjs';
import {
  expect,
  openDemoTab,
  openPopup,
  runningPause,
  screenshot,
  test,
  toolbarOf,
} from './capture-fixtures';

const POLICY = {
  programName: 'Agent Training Capture',
  captureActive: true,
  agent: { nativeHost: AGENT_HOST },
};

/** What the agent was told, in order (its log's "received" lines). */
function received(entries: AgentLogEntry[], type?: string): Array<Record<string, unknown>> {
  return entries
    .filter((e) => e.event === 'received' && (type === undefined || e.message?.type === type))
    .map((e) => e.message ?? {});
}

function agentRuns(entries: AgentLogEntry[]): number[] {
  return entries.filter((e) => e.event === 'started').map((e) => e.pid ?? 0);
}

async function agentLine(popup: Page): Promise<string | null> {
  return popup.getByTestId('agent').getAttribute('data-connection');
}

/** The agent the test registered (the fixture is null only when none is). */
function registered<T>(agent: T | null): T {
  if (!agent) throw new Error('no agent registered');
  return agent;
}

/** The demo page in a tab, and its popup once Tally is connected to the agent. */
async function demoWithAgentConnected(
  browser: { context: BrowserContext; worker: Worker; extensionId: string },
  server: { url: string },
): Promise<{ page: Page; tabId: number; popup: Page }> {
  const { page, tabId } = await openDemoTab(browser, server);
  const popup = await openPopup(browser.context, browser.extensionId, tabId);
  await expect.poll(() => agentLine(popup)).toBe('connected');
  return { page, tabId, popup };
}

test.describe('the reference capture agent, registered for real', () => {
  test.use({ policy: POLICY, agentControl: {} });

  test('hears the pause with its end and the resume; the popup names the program and confirms', async ({
    browserUnderTest: { context, worker, extensionId },
    referenceAgent,
    server,
  }) => {
    const agentLog = registered(referenceAgent);
    const { tabId, popup } = await demoWithAgentConnected({ context, worker, extensionId }, server);
    await expect(popup.getByTestId('agent')).toContainText(
      'Capture program: Reference capture agent',
    );
    await expect(popup.getByTestId('agent-modes')).toHaveText(
      'It records: keystrokes, clicks, screenshots',
    );
    await expect(popup.getByTestId('status-reason')).toHaveText(
      'Reference capture agent says it is recording now.',
    );
    await expect(popup.getByText('Tally tells only the capture program itself')).toBeVisible();
    const hello = received(await agentLog.entries(), 'hello');
    expect(hello).toEqual([
      { type: 'hello', protocol: 1, client: 'tally', version: expect.any(String) as unknown },
    ]);

    await popup.getByTestId('pause-15').click();
    const { endsAt } = await runningPause(worker);
    await expect
      .poll(async () => received(await agentLog.entries(), 'pause'))
      .toEqual([{ type: 'pause', id: expect.any(String) as unknown, until: endsAt }]);
    await expect(popup.getByTestId('pause-confirmation')).toHaveAttribute('data-confirmed', 'true');
    await expect(popup.getByTestId('pause-confirmation')).toHaveText(
      'Reference capture agent confirmed the pause.',
    );
    expect((await toolbarOf(worker, tabId)).title).not.toContain('not yet confirmed');
    await screenshot(popup, 'agent-pause-confirmed');
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);

    await popup.getByTestId('resume').click();
    await expect
      .poll(async () => received(await agentLog.entries(), 'resume'))
      .toEqual([{ type: 'resume', id: expect.any(String) as unknown }]);
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'active');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('policy-agent')).toHaveText(
      'org.tally.reference_agent on this computer (told of pauses and of the focused sensitive field)',
    );
    // What the agent was told, all of it: no URL, page text or field value among it.
    const told = JSON.stringify(received(await agentLog.entries()));
    expect(told).not.toContain(server.url);
    expect(told).not.toContain('demo');
  });

  test('killed mid-pause: Tally starts it again and tells it the pause, and what is on screen', async ({
    browserUnderTest: { context, worker, extensionId },
    referenceAgent,
    server,
  }) => {
    const agentLog = registered(referenceAgent);
    const { page, tabId, popup } = await demoWithAgentConnected(
      { context, worker, extensionId },
      server,
    );
    await popup.getByTestId('pause-30').click();
    const { endsAt } = await runningPause(worker);
    await expect(popup.getByTestId('pause-confirmation')).toHaveAttribute('data-confirmed', 'true');
    await popup.close();
    // The demo form in front: the agent hears its flagged fields.
    await page.bringToFront();
    const sensitiveIn = async (run: number) => {
      const entries = await agentLog.entries();
      const starts = entries.flatMap((e, i) => (e.event === 'started' ? [i] : []));
      const slice = entries.slice(starts[run] ?? entries.length, starts[run + 1]);
      return received(slice, 'sensitive').filter((m) => m.active === true).length;
    };
    await expect.poll(() => sensitiveIn(0)).toBeGreaterThan(0);
    const [firstPid] = agentRuns(await agentLog.entries());
    if (!firstPid) throw new Error('the agent did not log its start');

    process.kill(firstPid, 'SIGKILL');
    // Tally notices at once and tries again after a second: the agent may already be back.
    await expect
      .poll(async () => agentRuns(await agentLog.entries()).length, { timeout: 15_000 })
      .toBe(2);
    await expect
      .poll(async () => received(await agentLog.entries(), 'pause'))
      .toEqual([
        { type: 'pause', id: expect.any(String) as unknown, until: endsAt },
        { type: 'pause', id: expect.any(String) as unknown, until: endsAt },
      ]);
    // Nothing moved on screen, yet the new agent is told what is there.
    await expect.poll(() => sensitiveIn(1)).toBeGreaterThan(0);
    expect((await toolbarOf(worker, tabId)).text).toBe('30m');
    const reopened = await openPopup(context, extensionId, tabId);
    await expect(reopened.getByTestId('pause-confirmation')).toHaveAttribute(
      'data-confirmed',
      'true',
    );
  });

  test('reports capturing:false, and the badge and popup follow; then true again', async ({
    browserUnderTest: { context, worker, extensionId },
    referenceAgent,
    server,
  }) => {
    const agentLog = registered(referenceAgent);
    const { tabId } = await openDemoTab({ context, worker }, server);
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('REC');
    const popup = await openPopup(context, extensionId, tabId);
    await expect.poll(() => agentLine(popup)).toBe('connected');

    // The policy says capture is active; the agent, which knows, says it is not.
    await agentLog.setControl({ capturing: false, program: 'Desk Recorder', modes: [] });
    await expect.poll(async () => (await toolbarOf(worker, tabId)).title).toContain('OFF');
    expect((await toolbarOf(worker, tabId)).text).toBe('');
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'off');
    await expect(popup.getByTestId('status-reason')).toHaveText(
      'Desk Recorder says it is not recording now.',
    );
    await agentLog.setControl({ capturing: true, program: 'Desk Recorder', modes: [] });
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('REC');
  });

  test('flagged fields on screen or in focus: "sensitive" with categories and boxes, never values', async ({
    browserUnderTest: { context },
    referenceAgent,
    server,
  }) => {
    const agentLog = registered(referenceAgent);
    const page = await context.newPage();
    await page.goto(`${server.url}/agent-scroll.html`);
    const ssn = page.locator('#ssn');
    await expect(ssn).toHaveAttribute('data-tally-sensitive', 'national-id');
    const sensitive = async () => received(await agentLog.entries(), 'sensitive');
    const last = async () => (await sensitive()).at(-1);

    // On screen at load: one box, the SSN field's size (the city field is not flagged).
    const box = await ssn.boundingBox();
    await expect.poll(last).toEqual({
      type: 'sensitive',
      active: true,
      categories: ['national-id'],
      rects: [
        {
          x: expect.any(Number) as unknown,
          y: expect.any(Number) as unknown,
          width: Math.round(box?.width ?? 0),
          height: Math.round(box?.height ?? 0),
        },
      ],
    });
    await ssn.click();
    await page.keyboard.type('401-62-9937');
    await page.locator('#city').click();

    // Scrolled out of sight: nothing sensitive on screen.
    await page.locator('#bottom').scrollIntoViewIfNeeded();
    await expect
      .poll(last)
      .toEqual({ type: 'sensitive', active: false, categories: [], rects: [] });
    const count = (await sensitive()).length;
    // A script's synthetic focus changes nothing; the user's own focus (which scrolls it into view)
    // brings it back.
    await ssn.dispatchEvent('focusin');
    await page.waitForTimeout(500);
    expect(await sensitive()).toHaveLength(count);
    await ssn.focus();
    await expect.poll(async () => (await last())?.active).toBe(true);
    // Another tab in front: this tab's fields are off the screen.
    const other = await context.newPage();
    await other.bringToFront();
    await expect.poll(async () => (await last())?.active).toBe(false);
    await page.bringToFront();
    await expect.poll(async () => (await last())?.active).toBe(true);

    // Each line's time and the agent's process id are the log's own numbers, not what Tally sent:
    // a timestamp such as 1796449937527 holds "9937".
    const everything = JSON.stringify(await agentLog.entries(), (key, value: unknown) =>
      key === 'at' || key === 'pid' ? undefined : value,
    );
    expect(everything).not.toContain('401-62');
    expect(everything).not.toContain('9937');
  });
});

test.describe('an agent that never acknowledges', () => {
  test.use({ policy: POLICY, agentControl: { acknowledge: false } });

  test('the pause is shown as not confirmed, and sent again with the same id', async ({
    browserUnderTest: { context, worker, extensionId },
    referenceAgent,
    server,
  }) => {
    const agentLog = registered(referenceAgent);
    const { tabId, popup } = await demoWithAgentConnected({ context, worker, extensionId }, server);
    await popup.getByTestId('pause-15').click();
    await expect(popup.getByTestId('pause-confirmation')).toHaveAttribute(
      'data-confirmed',
      'false',
    );
    await expect(popup.getByTestId('pause-confirmation')).toContainText(
      'has not confirmed the pause',
    );
    await expect
      .poll(async () => (await toolbarOf(worker, tabId)).title)
      .toContain('not yet confirmed');
    await expect
      .poll(async () => received(await agentLog.entries(), 'pause').length, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    const ids = new Set(received(await agentLog.entries(), 'pause').map((m) => m.id));
    expect(ids.size).toBe(1);
    await screenshot(popup, 'agent-pause-unconfirmed');
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  });
});

test.describe('an agent speaking another protocol version', () => {
  test.use({ policy: POLICY, agentControl: { protocol: 2 } });

  test('is a clear "unknown protocol" state, not "off"', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await expect.poll(() => agentLine(popup)).toBe('incompatible');
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'unknown');
    await expect(popup.getByTestId('status-reason')).toContainText('protocol');
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('?');
  });
});

test.describe('a policy naming an agent that is not installed', () => {
  test.use({ policy: POLICY });

  test('says the capture program is not responding, on the badge and in the popup', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('?');
    expect((await toolbarOf(worker, tabId)).title).toContain('NOT RESPONDING');
    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.getByTestId('agent')).toHaveText('Capture program not responding');
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'unknown');
    await screenshot(popup, 'agent-not-responding');
  });
});

test.describe('a capture service reached over HTTPS (agent.controlUrl)', () => {
  // Fails the first two pause requests, so Tally has to retry.
  let endpoint: Awaited<ReturnType<typeof startControlEndpoint>> | undefined;
  test.beforeAll(async () => {
    endpoint = await startControlEndpoint({ failPauses: 2 });
  });
  test.afterAll(async () => {
    await endpoint?.close();
  });
  test.use({
    // The endpoint's address is known only once it listens: read it when the fixture runs.
    // eslint-disable-next-line no-empty-pattern
    policy: async ({}, use) =>
      use({
        programName: 'Agent Training Capture',
        captureActive: true,
        agent: { controlUrl: endpoint?.url ?? '' },
      }),
  });

  test('learns the status, and retries a refused pause under one idempotency key until acknowledged', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    if (!endpoint) throw new Error('no endpoint');
    const { requests } = endpoint;
    const { popup } = await demoWithAgentConnected({ context, worker, extensionId }, server);
    await expect(popup.getByTestId('agent')).toContainText('Capture program: Capture Service');

    await popup.getByTestId('pause-15').click();
    const { endsAt } = await runningPause(worker);
    // Refused twice (503): the popup says so plainly while Tally retries.
    await expect(popup.getByTestId('pause-confirmation')).toHaveAttribute(
      'data-confirmed',
      'false',
    );
    await expect(popup.getByTestId('pause-confirmation')).toHaveAttribute(
      'data-confirmed',
      'true',
      { timeout: 20_000 },
    );
    const pauses = requests.filter((r) => r.body?.type === 'pause');
    expect(pauses).toHaveLength(3);
    expect(new Set(pauses.map((r) => r.key)).size).toBe(1);
    expect(pauses.map((r) => r.body)).toEqual(
      Array(3).fill({ type: 'pause', id: pauses[0]?.key, until: endsAt }),
    );
    // Backoff between attempts: one second, then two (less up to a quarter of jitter).
    const gaps = pauses.slice(1).map((r, i) => r.at - (pauses[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(700);
    expect(gaps[1]).toBeGreaterThanOrEqual(1400);
    expect(gaps[1]).toBeGreaterThan(gaps[0] ?? 0);

    await popup.getByTestId('resume').click();
    await expect.poll(() => requests.filter((r) => r.body?.type === 'resume').length).toBe(1);
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'active');
    // Every request was a JSON POST without cookies, and none carried a page address.
    expect(requests.every((r) => r.method === 'POST' && r.cookie === null)).toBe(true);
    expect(JSON.stringify(requests)).not.toContain(server.url);
  });
});
