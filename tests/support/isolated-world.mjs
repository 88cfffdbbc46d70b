/** Evaluates an expression in Tally's content-script world of the top frame (pages cannot). */
export async function inIsolatedWorld(page, expression) {
  const session = await page.context().newCDPSession(page);
  const contexts = [];
  session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await session.send('Runtime.enable');
  const { frameTree } = await session.send('Page.getFrameTree');
  const tally = contexts.find(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData?.frameId === frameTree.frame.id &&
      c.name === 'Tally',
  );
  if (!tally) throw new Error('Tally content script context not found');
  const { result } = await session.send('Runtime.evaluate', {
    expression,
    contextId: tally.id,
    returnByValue: true,
    awaitPromise: true,
  });
  await session.detach();
  return result.value;
}
