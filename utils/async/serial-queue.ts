/**
 * Runs tasks one after another. Every read-modify-write of Tally's durable
 * state goes through one queue, so two popups pausing at the same instant, or
 * an alarm firing during a click, cannot interleave and lose a write.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    // A failed task must not stop the ones after it.
    this.tail = next.catch(() => undefined);
    return next;
  }
}
