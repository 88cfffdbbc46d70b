// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { floatingLabelControl, floatingLabelOf, soleControlIn } from '@/utils/dom/floating-label';
import { ContextReader } from '@/utils/dom/field-context';

const byId = (id: string) => document.getElementById(id) as Element;

describe('floating labels drawn after their box', () => {
  it('name the one control their wrapper holds before them', () => {
    // Syncfusion's e-float-input: the input, a line, then the label, with no `for`.
    document.body.innerHTML = `<form>
      <div class="e-float-input"><input id="a"><span class="line"></span><label id="la">Social Security Number</label></div>
      <div class="e-float-input"><input id="b"><span class="line"></span><label id="lb">City</label></div>
      <div class="wrap"><div><textarea id="c"></textarea></div><label id="lc">Diagnosis</label></div></form>`;
    expect(floatingLabelControl(byId('la'))).toBe(byId('a'));
    expect(floatingLabelOf(byId('a'))).toBe(byId('la'));
    expect(floatingLabelOf(byId('c'))).toBe(byId('lc'));
    const reader = new ContextReader();
    expect(reader.nearbyText(byId('a'))).toBe('Social Security Number');
    // The next box does not take the label before it for its own.
    expect(reader.nearbyText(byId('b'))).toBe('City');
  });

  it('are not a label before a box, a label with `for`, or one among several controls', () => {
    document.body.innerHTML = `<form>
      <div><label id="l1">Name</label><input id="a"></div>
      <div><input id="b"><label id="l2" for="zz">Hint</label></div>
      <div class="row"><input id="c"><label id="l3">Phone</label><input id="d"></div>
      <div><label>Weight</label><input id="e"><label id="l4">kg</label></div></form>`;
    expect(floatingLabelControl(byId('l1'))).toBeNull();
    expect(floatingLabelOf(byId('a'))).toBeNull();
    expect(floatingLabelControl(byId('l2'))).toBeNull();
    expect(floatingLabelControl(byId('l3'))).toBeNull();
    expect(floatingLabelOf(byId('c'))).toBeNull();
    // After a label before the box, a label after it is a unit.
    expect(floatingLabelControl(byId('l4'))).toBeNull();
    expect(new ContextReader().nearbyText(byId('e'))).toBe('Weight');
  });

  it("leave a choice's text before it to its question", () => {
    document.body.innerHTML = `<form><p>Do you have diabetes?</p>
      <div><input type="radio" name="q" id="y"><label>Yes</label></div></form>`;
    expect(new ContextReader().nearbyText(byId('y'))).toBe('Do you have diabetes?');
  });
});

describe('soleControlIn', () => {
  it("finds the one box of a box's wrapper, and asks no large container", () => {
    document.body.innerHTML = `<span id="w"><i></i><input id="a"><i></i></span>
      <span id="two"><input><input></span><span id="hidden"><input type="hidden"></span>
      <div id="big">${'<p>text</p>'.repeat(20)}<input id="b"></div>`;
    expect(soleControlIn(byId('w'))).toBe(byId('a'));
    expect(soleControlIn(byId('two'))).toBeNull();
    expect(soleControlIn(byId('hidden'))).toBeNull();
    expect(soleControlIn(byId('big'))).toBeNull();
  });
});
