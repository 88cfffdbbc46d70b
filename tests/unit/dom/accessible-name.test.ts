// @vitest-environment happy-dom
import { computeAccessibleName } from 'dom-accessibility-api';
import { describe, expect, it } from 'vitest';
import { accessibleName } from '@/utils/dom/accessible-name';
import { LabelIndex } from '@/utils/dom/label-index';

// Cases where Tally's fast name must equal the reference accname implementation.
const CASES = [
  '<label for="f">Social Security number</label><input id="f">',
  '<label>Routing number <input id="f"></label>',
  '<span id="a">Member</span><span id="b">ID</span><input id="f" aria-labelledby="a b">',
  '<input id="f" aria-label="Diagnosis">',
  '<input id="f" title="Card number">',
  '<label for="f">Name</label><input id="f" aria-label="Passport number">',
  '<label for="f">SSN <span aria-hidden="true">*</span></label><input id="f">',
  '<label for="f">Password</label><label for="f">(required)</label><input id="f" type="password">',
  '<div id="h" aria-label="API token"></div><input id="f" aria-labelledby="h">',
  '<label for="f"><b>Número</b> de <i>Seguro Social</i></label><input id="f">',
  // REDCap: the label is hidden from screen readers and named by aria-labelledby (accname 2A).
  '<label id="l" aria-hidden="true"><div>Adverse event term</div></label><input id="f" aria-labelledby="l">',
  '<span id="l" hidden>Diagnosis</span><input id="f" aria-labelledby="l">',
];

describe('accessibleName', () => {
  it.each(CASES)('matches dom-accessibility-api for %s', (html) => {
    document.body.innerHTML = html;
    const index = new LabelIndex();
    index.addAllWithin(document);
    const field = document.getElementById('f') as Element;
    const expected = computeAccessibleName(field).replace(/\s+/g, ' ').trim();
    expect(accessibleName(field, index).name).toBe(expected);
  });

  it('never reads a value typed into a control embedded in the label', () => {
    document.body.innerHTML =
      '<label>Pay <input id="amount" value="536-22-1234"> to <input id="f"></label>';
    const index = new LabelIndex();
    const field = document.getElementById('f') as Element;
    expect(accessibleName(field, index).name).not.toContain('536');
  });

  it('keeps an answer key and its choice two words when the control sits between them', () => {
    // Typeform-style choices: the key letter, the box, the choice's text, all inline.
    document.body.innerHTML =
      '<label><span class="key">A</span><input id="f" type="checkbox"><span>Anxiety or worry</span></label>';
    const index = new LabelIndex();
    index.addAllWithin(document);
    expect(accessibleName(document.getElementById('f') as Element, index).name).toBe(
      'A Anxiety or worry',
    );
  });

  it('ignores a label whose target is another element with the same id later in the page', () => {
    document.body.innerHTML =
      '<input id="f" aria-label="first"><label for="f">Diagnosis</label><input id="f">';
    const index = new LabelIndex();
    index.addAllWithin(document);
    const second = document.querySelectorAll('input')[1] as Element;
    expect(accessibleName(second, index).name).toBe('');
  });

  it("reads a web component's label slotted from its host's light DOM", () => {
    document.body.innerHTML = '<fluent-text-field id="host">Routing number</fluent-text-field>';
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<label for="control"><slot></slot></label><div><input id="control"></div>' +
      '<label for="other"><slot name="missing">Fallback words</slot></label><input id="other">';
    const index = new LabelIndex();
    index.addAllWithin(root);
    expect(accessibleName(root.getElementById('control') as Element, index).name).toBe(
      'Routing number',
    );
    expect(accessibleName(root.getElementById('other') as Element, index).name).toBe(
      'Fallback words',
    );
  });

  it("names a nameless control inside a component by its host's name, through nested hosts", () => {
    document.body.innerHTML =
      '<span id="ssn-label">Social Security number</span>' +
      '<masked-input id="outer" aria-labelledby="ssn-label"></masked-input>';
    const outer = document.getElementById('outer') as HTMLElement;
    const middle = document.createElement('masked-shell');
    outer.attachShadow({ mode: 'open' }).append(middle);
    const input = document.createElement('input');
    middle.attachShadow({ mode: 'open' }).append(input);
    const index = new LabelIndex();
    expect(accessibleName(input, index)).toEqual({
      name: 'Social Security number',
      source: 'aria-labelledby',
    });
    // A control with a name of its own keeps it.
    input.setAttribute('aria-label', 'Search');
    expect(accessibleName(input, index).name).toBe('Search');
  });
});
