// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { LabelIndex } from '@/utils/dom/label-index';

/** A component whose shadow root holds `<label for="input">` and `<input id="input">`. */
function component(text: string): { host: Element; input: Element; label: Element } {
  const host = document.createElement('x-field');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<label for="input">${text}</label><input id="input">`;
  document.body.append(host);
  return {
    host,
    input: root.getElementById('input') as Element,
    label: root.querySelector('label') as Element,
  };
}

describe('LabelIndex', () => {
  it('resolves labels per tree: components repeating one id each get their own label', () => {
    document.body.innerHTML = '<label for="input">Outside</label><input id="input">';
    const index = new LabelIndex();
    index.addAllWithin(document);
    const parts = ['City', 'Diagnosis', 'Notes'].map(component);
    for (const { host } of parts) index.addAllWithin(host.shadowRoot as ShadowRoot);
    for (const { input, label } of parts) expect(index.labelsOf(input)).toEqual([label]);
    const outside = document.querySelector('body > input') as Element;
    expect(index.labelsOf(outside)).toEqual([document.querySelector('body > label')]);
  });

  it('asks a label or two per field, not every label sharing its id in other trees', () => {
    const index = new LabelIndex();
    const parts = Array.from({ length: 200 }, (_, i) => component(`Field ${i}`));
    for (const { host } of parts) index.addAllWithin(host.shadowRoot as ShadowRoot);
    const control = vi.spyOn(HTMLLabelElement.prototype, 'control', 'get');
    for (const { input } of parts) index.labelsOf(input);
    // One index over every tree asked all 200 labels for each field: 40,000 reads.
    expect(control.mock.calls.length).toBeLessThanOrEqual(2 * parts.length);
    control.mockRestore();
  });

  it('gives each control of a repeated id the label just before it, as a person reads them', () => {
    // Copied markup: every row repeats id="qty". The browser gives all 30 labels to the first
    // box and none to the others.
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<label for="qty">Quantity ${i}</label><input id="qty">`,
    );
    document.body.innerHTML = rows.join('');
    const index = new LabelIndex();
    index.addAllWithin(document);
    const inputs = document.querySelectorAll('input');
    const names = (i: number) => index.labelsOf(inputs[i] as Element).map((l) => l.textContent);
    expect(names(0)).toEqual(['Quantity 0']);
    expect(names(7)).toEqual(['Quantity 7']);
    expect(names(29)).toEqual(['Quantity 29']);
  });

  it('gives a repeated checkbox the label right after it, as copied Bootstrap markup draws it', () => {
    document.body.innerHTML = ['Arthritis', 'Bleeding disorder', 'Email me updates']
      .map(
        (text) =>
          `<div><input type="checkbox" id="flexCheck"><label for="flexCheck">${text}</label></div>`,
      )
      .join('');
    const index = new LabelIndex();
    index.addAllWithin(document);
    const boxes = document.querySelectorAll('input');
    const names = (i: number) => index.labelsOf(boxes[i] as Element).map((l) => l.textContent);
    expect(names(0)).toEqual(['Arthritis']);
    expect(names(2)).toEqual(['Email me updates']);
  });

  it('keeps both labels of one control when no other element shares its id', () => {
    document.body.innerHTML =
      '<label for="p">Password</label><label for="p">(required)</label><input id="p">' +
      '<label for="p">Shown once</label>';
    const index = new LabelIndex();
    index.addAllWithin(document);
    const names = index.labelsOf(document.getElementById('p') as Element).map((l) => l.textContent);
    expect(names).toEqual(['Password', '(required)', 'Shown once']);
  });

  it('leaves out a label copied with its `for` that stands before another, unnamed box', () => {
    // Real-world markup: the SSN's label kept the date picker's for="calendar".
    document.body.innerHTML = `<form>
      <div><label for="calendar">Date of birth</label><input id="calendar"></div>
      <div><label for="calendar">Social Security Number</label><input id="ssn" name="ssn"></div>
      <div><label for="calendar">Routing number</label><div class="wrap"><input id="rt"></div></div>
      <div><label for="email">Email</label><input id="email"></div>
      <div><label for="email">Phone</label><input id="phone"><label for="phone">Phone</label></div>
    </form>`;
    const index = new LabelIndex();
    index.addAllWithin(document);
    const names = (id: string) =>
      index.labelsOf(document.getElementById(id) as Element).map((l) => l.textContent);
    expect(names('calendar')).toEqual(['Date of birth']);
    // A box with a label of its own after it: the stray one is only misplaced, and kept.
    expect(names('email')).toEqual(['Email', 'Phone']);
  });

  it('gives a template\'s for="example-text-input", copied onto every row, to no box but its own', () => {
    document.body.innerHTML = `<form>
      <div><label for="example-text-input">SMTP Host</label><div><input id="host"></div></div>
      <div><label for="example-text-input">SMTP Password</label><div><input id="pass"></div></div>
      </form><input id="example-text-input" hidden>`;
    const index = new LabelIndex();
    index.addAllWithin(document);
    const control = document.getElementById('example-text-input') as Element;
    expect(index.labelsOf(control)).toEqual([]);
  });

  it('drops labels the page removed, and follows a label moved to another control', () => {
    document.body.innerHTML = '<input id="f"><input id="g">';
    const index = new LabelIndex();
    const labels = Array.from({ length: 20 }, (_, i) => {
      const label = document.createElement('label');
      label.htmlFor = 'f';
      label.textContent = `Label ${i}`;
      document.body.append(label);
      index.add(label);
      return label;
    });
    for (const label of labels.slice(0, 19)) label.remove();
    const f = document.getElementById('f') as Element;
    expect(index.labelsOf(f)).toEqual([labels[19]]);
    labels[19]?.setAttribute('for', 'g');
    expect(index.labelsOf(f)).toEqual([]);
  });
});
