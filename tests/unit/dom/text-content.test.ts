// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { headOf, tailOf, textAfter, textBefore, visibleText } from '@/utils/dom/text-content';

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

describe('textBefore across the parts of one entry', () => {
  it('reads the text before the first box for a box after only a separator', () => {
    document.body.innerHTML = `<form>Expiration date: <input id="m">/<input id="y"><br>
      Date of birth: <select id="bm"></select> - <select id="bd"></select> - <input id="by"><br>
      City: <input id="c"> <input id="s"></form>`;
    const before = (id: string) => textBefore(document.getElementById(id) as Element);
    expect(before('m')).toBe('Expiration date:');
    expect(before('y')).toBe('Expiration date:');
    expect(before('bd')).toBe('Date of birth:');
    expect(before('by')).toBe('Date of birth:');
    // Nothing but a space between them: two fields, not one entry.
    expect(before('s')).toBe('');
  });

  it('does not pass over a choice, a word, or more than three parts', () => {
    document.body.innerHTML = `<form>Card number: <input type="checkbox" id="k"> / <input id="a"><br>
      Phone: <input id="p"> ext. <input id="x"><br>
      Key: <input id="k1">-<input id="k2">-<input id="k3">-<input id="k4">-<input id="k5"></form>`;
    const before = (id: string) => textBefore(document.getElementById(id) as Element);
    expect(before('a')).toBe('/');
    expect(before('x')).toBe('ext.');
    expect(before('k4')).toBe('Key:');
    expect(before('k5')).toBe('-');
  });
});

describe('textAfter, for choices that pages name by the text after them', () => {
  it('reads up to the next control, line break or block', () => {
    document.body.innerHTML = `<table><tr>
        <td><input type="checkbox" id="a"> Cancer </td><td><input type="checkbox" id="b"> Diabetes</td>
      </tr></table>
      <div><input type="radio" id="y"> Yes <input type="radio" id="n"> No<br>Other text</div>
      <div><span><input type="checkbox" id="w"></span><span>Heart disease</span></div>
      <div><input type="checkbox" id="l"><label for="x">Someone else's label</label><input id="x"></div>
      <div><input type="checkbox" id="e"></div><p>A paragraph below</p>`;
    const after = (id: string) => textAfter(document.getElementById(id) as Element);
    expect(after('a')).toBe('Cancer');
    expect(after('b')).toBe('Diabetes');
    expect(after('y')).toBe('Yes');
    expect(after('n')).toBe('No');
    expect(after('w')).toBe('Heart disease');
    expect(after('l')).toBe('');
    expect(after('e')).toBe('');
  });
});

describe('textBefore and headings', () => {
  it('reads a heading as the nearest text before a field, and nothing above it', () => {
    document.body.innerHTML = `<div><input type="checkbox"> Numbness</div>
      <h3>Contact preferences</h3><div><input type="checkbox" id="c"> Email</div>`;
    expect(textBefore(document.getElementById('c') as Element)).toBe('Contact preferences');
  });
});
