// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { headOf, tailOf, textBefore, visibleText } from '@/utils/dom/text-content';

describe('headOf and tailOf', () => {
  it('cut a long text between words, never inside one', () => {
    expect(headOf('Enter your spin class code', 10)).toBe('Enter your');
    expect(headOf('Enter your spin class code', 12)).toBe('Enter your');
    expect(headOf('Enter your spin', 15)).toBe('Enter your spin');
    expect(tailOf('have you been adjudicated as a mental defective', 35)).toBe(
      'adjudicated as a mental defective',
    );
    expect(tailOf('have you been adjudicated as a mental defective', 28)).toBe(
      'as a mental defective',
    );
    expect(tailOf('a b', 2)).toBe(' b');
  });

  it('keep a single long word rather than return nothing', () => {
    expect(headOf('Supercalifragilistic', 5)).toBe('Super');
    expect(tailOf('Supercalifragilistic', 5)).toBe('istic');
  });
});

describe('visibleText and textBefore', () => {
  it('leave no piece of a word at the end they cut', () => {
    document.body.innerHTML = `<p id="p">Please tell us about shipping options</p>
      <div><span>Have you ever been adjudicated as a mental defective, or committed?</span><input id="i"></div>`;
    expect(visibleText(document.getElementById('p') as Element, 28)).toBe('Please tell us about');
    const before = textBefore(document.getElementById('i') as Element, 40);
    expect(before).toBe('as a mental defective, or committed?');
  });
});
