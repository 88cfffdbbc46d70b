/**
 * One question's answers: the radios or checkboxes sharing a name in one form (or in the document
 * or shadow root outside a form). When "Cancer" is health by its own words, so are "Keloids",
 * "Other" and "None of the above" beside it, whose words say nothing.
 *
 * Every operation is amortised O(1) in the group's size, because one name is often shared by a
 * whole data grid: a "select" checkbox on each of 5,000 rows (`name="ids[]"`), or a radio per row.
 * Checking every answer each time one was judged made such a page quadratic: 2,000 rows cost
 * ≈ 300 ms more than the same rows with distinct names (measured in Chromium 156).
 */
export class AnswerGroup {
  private readonly members = new Set<Element>();
  // Answers that were health by their own words when last judged: a hint, checked on every read,
  // so an answer re-judged or removed since then costs one look and is dropped.
  private readonly ownHealth = new Set<Element>();
  // Detached answers are dropped once the group has doubled since the last sweep, so a
  // long-lived form holds no more dead answers than live ones, and sweeping stays amortised.
  private sweptAt = 0;

  join(el: Element): void {
    this.members.add(el);
    if (this.members.size >= 2 * this.sweptAt + 16) {
      for (const other of this.members) if (!other.isConnected) this.members.delete(other);
      this.sweptAt = this.members.size;
    }
  }

  /** Whether an answer other than `el`, still on the page, is health by its own words. */
  anotherIsHealth(el: Element, isOwnHealth: (other: Element) => boolean): boolean {
    for (const other of this.ownHealth) {
      if (other === el) continue;
      if (other.isConnected && isOwnHealth(other)) return true;
      this.ownHealth.delete(other);
    }
    return false;
  }

  /**
   * Records what `el` was judged; returns whether it is the group's first answer that is health
   * by its own words, whose health the other answers should now take.
   */
  noteJudged(el: Element, ownHealth: boolean, isOwnHealth: (other: Element) => boolean): boolean {
    if (!ownHealth) {
      this.ownHealth.delete(el);
      return false;
    }
    const first = !this.anotherIsHealth(el, isOwnHealth);
    this.ownHealth.add(el);
    return first;
  }

  /** The answers still on the page. */
  *connected(): Iterable<Element> {
    for (const el of this.members) if (el.isConnected) yield el;
  }
}
