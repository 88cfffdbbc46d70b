// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AnswerGroup } from '@/utils/dom/answer-group';

function answers(n: number): HTMLInputElement[] {
  document.body.innerHTML = Array.from(
    { length: n },
    (_, i) => `<input type="checkbox" name="q" id="a${i}">`,
  ).join('');
  return [...document.querySelectorAll('input')];
}

describe('AnswerGroup', () => {
  it('tells whether another answer still on the page is health by its own words', () => {
    const [a, b, c] = answers(3) as [HTMLInputElement, HTMLInputElement, HTMLInputElement];
    const health = new Set<Element>([a]);
    const isOwnHealth = (el: Element) => health.has(el);
    const group = new AnswerGroup();
    for (const el of [a, b, c]) group.join(el);
    expect(group.anotherIsHealth(b, isOwnHealth)).toBe(false);
    // The first answer that is health by its own words is the one to spread.
    expect(group.noteJudged(a, true, isOwnHealth)).toBe(true);
    expect(group.anotherIsHealth(b, isOwnHealth)).toBe(true);
    expect(group.anotherIsHealth(a, isOwnHealth)).toBe(false);
    health.add(c);
    expect(group.noteJudged(c, true, isOwnHealth)).toBe(false);
    // Re-judged since (relabelled), or removed from the page: it no longer counts.
    health.delete(a);
    c.remove();
    expect(group.anotherIsHealth(b, isOwnHealth)).toBe(false);
    health.add(b);
    expect(group.noteJudged(b, true, isOwnHealth)).toBe(true);
    expect(group.noteJudged(b, false, isOwnHealth)).toBe(false);
    expect(group.anotherIsHealth(a, isOwnHealth)).toBe(false);
  });

  it('lists only the answers still on the page, and sheds removed ones as it grows', () => {
    const all = answers(100);
    const group = new AnswerGroup();
    for (const el of all.slice(0, 20)) group.join(el);
    for (const el of all.slice(0, 10)) el.remove();
    expect([...group.connected()]).toEqual(all.slice(10, 20));
    for (const el of all.slice(20)) group.join(el);
    expect([...group.connected()]).toEqual(all.slice(10));
    // The removed answers are gone from the group itself, not only skipped: re-adding them to
    // the page does not bring them back.
    document.body.prepend(...all.slice(0, 10));
    expect([...group.connected()]).toEqual(all.slice(10));
  });
});
