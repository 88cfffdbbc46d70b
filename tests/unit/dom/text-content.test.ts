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
      <div>City: <input id="c"></div> <div><input id="s"></div></form>`;
    const before = (id: string) => textBefore(document.getElementById(id) as Element);
    expect(before('m')).toBe('Expiration date:');
    expect(before('y')).toBe('Expiration date:');
    expect(before('bd')).toBe('Date of birth:');
    expect(before('by')).toBe('Date of birth:');
    // Boxes in wrappers of their own, nothing between them: two fields, not one entry.
    expect(before('s')).toBe('');
  });

  it('reads the label of the first part for boxes side by side with only spaces between', () => {
    // A Finnish form: the identity code typed as its date of birth and its last four characters.
    document.body.innerHTML = `<form><span>Step 2 - Personal information</span><br>
      <label for="day">Social Security Number</label><br>
      <input id="day" value="DD"> <input id="month" value="MM"> <input id="year" value="YYYY"> -
      <input id="last" value="XXXX"><br>
      <label for="phone">Phone number</label><br><input id="phone"> <input id="ext"></form>`;
    const before = (id: string) => textBefore(document.getElementById(id) as Element);
    expect(before('month')).toMatch(/Social Security Number$/);
    expect(before('year')).toMatch(/Social Security Number$/);
    expect(before('last')).toMatch(/Social Security Number$/);
    // The label of a box that is not a part before this one still ends the walk.
    expect(before('ext')).toBe('Phone number');
    document.body.innerHTML = `<form><label for="a">Card number</label><input id="a">
      <label for="b">Name on card</label><input id="b"> <input id="c"></form>`;
    expect(before('c')).toBe('Name on card');
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

describe('textBefore and labels that point elsewhere', () => {
  it("reads a label copied with another box's `for` as the name of the box right after it", () => {
    document.body.innerHTML = `<form>
      <div><label for="calendar">Date of birth</label><input id="calendar"></div>
      <div><label for="calendar">Social Security Number</label><input id="ssn"></div>
      <div><label for="calendar">Routing number</label><div class="wrap"><input id="rt"></div></div>
      <div><input id="a"><label for="a">Floating label</label><input id="b"></div></form>`;
    const before = (id: string) => textBefore(document.getElementById(id) as Element);
    expect(before('ssn')).toBe('Social Security Number');
    expect(before('rt')).toBe('Routing number');
    // A floating label, after its own box, still names that box only.
    expect(before('b')).toBe('');
  });
});

describe('textBefore past an icon', () => {
  it('reads the label above a box whose wrapper starts with an emoji or a glyph', () => {
    document.body.innerHTML = `<div class="form-group"><label>Security Question</label>
      <div class="input-wrapper"><span class="icon">❓</span><input id="q"></div></div>
      <div><label>Card</label><div><span>💳</span> <i class="fa fa-lock"></i><input id="c"></div></div>`;
    const before = (id: string) => textBefore(document.getElementById(id) as Element);
    expect(before('q')).toMatch(/Security Question/);
    expect(before('c')).toMatch(/Card/);
  });
});

describe("textBefore past a UI kit's wrappers", () => {
  it('reads a label set beside the block that wraps the box three or four times, no further', () => {
    // Element Plus: the form item's label, then content > el-input > el-input__wrapper > input.
    document.body.innerHTML = `<form><div class="el-form-item"><label>主诉</label>
      <div class="el-form-item__content"><div class="el-input"><div class="el-input__wrapper">
      <input id="a"></div></div></div></div>
      <div class="row"><span>Too far</span><div><div><div><div><div><input id="b"></div></div></div></div></div></div></form>`;
    expect(textBefore(document.getElementById('a') as Element)).toBe('主诉');
    // Naive UI wraps it four times.
    document.body.insertAdjacentHTML(
      'beforeend',
      `<form><div class="n-form-item"><label><span>身份证号:</span></label>
      <div class="n-form-item-blank"><div class="n-input"><div class="n-input-wrapper">
      <div class="n-input__input"><input id="n"></div></div></div></div></div></form>`,
    );
    expect(textBefore(document.getElementById('n') as Element)).toBe('身份证号:');
    expect(textBefore(document.getElementById('b') as Element)).toBe('');
  });
});

describe("textBefore and a label whose `for` names a box's wrapper", () => {
  it('reads it as the name of the one box the wrapper holds', () => {
    // Kendo: <label for="ssn"> and <span id="ssn" class="k-textbox"><input>.
    document.body.innerHTML = `<form>
      <div><label for="ssn">Social Security Number</label><span id="ssn"><input id="a"></span></div>
      <div><label for="pair">Dates</label><span id="pair"><input id="b"><input id="c"></span></div></form>`;
    expect(textBefore(document.getElementById('a') as Element)).toBe('Social Security Number');
    // A wrapper of two boxes: the label names neither alone, and the walk reads past it as before.
    expect(textBefore(document.getElementById('b') as Element)).toBe('Dates');
  });
});

describe('textBefore and menu widgets', () => {
  it("stops at a menu widget, whose shown choice is a person's answer, not a name", () => {
    document.body.innerHTML = `<form><div><span>Notes</span>
      <div role="combobox" aria-label="Diagnosis">Type 2 diabetes</div><input id="a"></div></form>`;
    expect(textBefore(document.getElementById('a') as Element)).toBe('');
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
