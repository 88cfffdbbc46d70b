// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  attributeOf,
  closestOf,
  localNameOf,
  parentElementOf,
  querySelectorAllOf,
  textContentOf,
} from '@/utils/dom/dom-access';
import { FIELD_ATTRIBUTE, FieldScanner } from '@/utils/dom/field-scanner';

// What a browser does to a <form> whose controls are named like DOM members: the form's own
// property answers with the control (DOM clobbering). Chromium does it through the form's named
// properties; happy-dom does not, so the tests put the controls on the instance the same way.
// happy-dom's own methods read some of these from the element (its closest() walks
// this.parentElement; insertion and removal call this.getAttribute), so those are clobbered in
// Chromium only, whose methods are native (tests/e2e/hostile.spec.ts).
const CLOBBERED = [
  'localName',
  'id',
  'closest',
  'querySelector',
  'querySelectorAll',
  'firstElementChild',
  'childElementCount',
  'previousElementSibling',
  'firstChild',
  'lastChild',
  'nextSibling',
  'previousSibling',
  'textContent',
  'getRootNode',
  'shadowRoot',
];

function clobber(form: Element): void {
  const controls = CLOBBERED.map((name) => {
    const control = document.createElement('input');
    control.type = 'hidden';
    control.name = name;
    return control;
  });
  form.append(...controls);
  controls.forEach((control, i) => {
    Object.defineProperty(form, CLOBBERED[i] as string, { value: control, configurable: true });
  });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reads a page cannot redirect', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('answer from the prototypes, whatever a clobbered form says about itself', () => {
    document.body.innerHTML =
      '<section id="s"><form id="f" role="form"><label>Notes <input id="n"></label></form></section>';
    const form = document.getElementById('f') as Element;
    clobber(form);
    expect(typeof (form as unknown as { localName: unknown }).localName).toBe('object');
    expect(localNameOf(form)).toBe('form');
    expect(attributeOf(form, 'role')).toBe('form');
    expect(parentElementOf(form)?.id).toBe('s');
    expect(closestOf(form, 'section')?.id).toBe('s');
    expect(querySelectorAllOf(form, 'label')).toHaveLength(1);
    expect(textContentOf(form)?.trim()).toBe('Notes');
  });
});

describe('FieldScanner on a clobbered form', () => {
  let scanner: FieldScanner | undefined;
  afterEach(() => {
    scanner?.stop();
    document.body.innerHTML = '';
  });
  const flag = (selector: string) =>
    document.querySelector(selector)?.getAttribute(FIELD_ATTRIBUTE) ?? null;

  it('flags what it would flag on any form, and never throws', async () => {
    document.body.innerHTML = `<h1>Employee record</h1><form id="f">
      <fieldset><legend>Identity</legend><label for="ssn">SSN</label><input id="ssn"></fieldset>
      </form>`;
    const form = document.getElementById('f') as Element;
    clobber(form);
    scanner = new FieldScanner(document, { onChange: () => undefined, scheduleIdle: () => {} });
    scanner.start();
    scanner.finishParsing();
    expect(flag('#ssn')).toBe('national-id');

    // A row rendered into the form later (the mutation's target is the clobbered form), then a
    // free-text box under a health heading (its section is read through the form).
    const row = document.createElement('div');
    row.innerHTML = '<label for="dx">Diagnosis</label><input id="dx">';
    HTMLElement.prototype.append.call(form, row);
    const heading = document.createElement('h2');
    heading.textContent = 'Medical history';
    const history = document.createElement('textarea');
    history.id = 'history';
    HTMLElement.prototype.append.call(form, heading, history);
    await flush();
    expect(flag('#dx')).toBe('health');
    expect(flag('#history')).toBe('health');

    // A whole clobbered form inserted at once, carrying a flag the page forged on it.
    const second = document.createElement('form');
    second.innerHTML = '<label for="card">Card number</label><input id="card">';
    second.setAttribute(FIELD_ATTRIBUTE, 'health');
    clobber(second);
    document.body.append(second);
    await flush();
    expect(flag('#card')).toBe('financial');
    expect(second.getAttribute(FIELD_ATTRIBUTE)).toBeNull();
  });
});
