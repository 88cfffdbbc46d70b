// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { controlKind, readFieldValue } from '@/utils/dom/field-elements';

describe('readFieldValue', () => {
  const textarea = (value: string): HTMLTextAreaElement => {
    const el = document.createElement('textarea');
    el.value = value;
    return el;
  };

  it('reads an ordinary value whole', () => {
    expect(readFieldValue(textarea('Call back re: 219-43-8862'))).toBe('Call back re: 219-43-8862');
  });

  it('reads a 1 MB value whole, so an identifier at its very end is seen', () => {
    const value = 'lorem ipsum '.repeat(90_000) + 'employee 401-62-9937';
    expect(value.length).toBeGreaterThan(1_000_000);
    expect(readFieldValue(textarea(value))).toBe(value);
  });

  it('reads both ends of a value too long to scan, never the whole of it', () => {
    const value = `SSN 401-62-9937 ${'x'.repeat(5_000_000)} routing 021000021`;
    const read = readFieldValue(textarea(value)) ?? '';
    expect(read.length).toBeLessThanOrEqual(2_000_001);
    expect(read.startsWith('SSN 401-62-9937')).toBe(true);
    expect(read.endsWith('routing 021000021')).toBe(true);
  });

  it('reads a rich-text editor by its text, and an empty select not at all', () => {
    const div = document.createElement('div');
    div.contentEditable = 'true';
    div.innerHTML = '<p>Type 2 <b>diabetes</b></p>';
    expect(readFieldValue(div)).toBe('Type 2 diabetes');
    expect(readFieldValue(document.createElement('select'))).toBeUndefined();
  });

  it("reads a menu's choice only where the person changed it from the page's", () => {
    const option = (text: string): HTMLOptionElement => {
      const el = document.createElement('option');
      el.text = text;
      return el;
    };
    const select = document.createElement('select');
    for (const text of ['Personal leave', 'My own serious health condition', 'Military leave']) {
      select.append(option(text));
    }
    // The first choice, shown when nothing was picked, is the page's.
    expect(readFieldValue(select)).toBeUndefined();
    select.selectedIndex = 1;
    expect(readFieldValue(select)).toBe('My own serious health condition');
    // A choice the page marked as its default is not the person's either.
    (select.options[2] as HTMLOptionElement).setAttribute('selected', '');
    select.selectedIndex = 2;
    expect(readFieldValue(select)).toBeUndefined();
    // In a menu of many picks, each picked choice that is not a default.
    const many = document.createElement('select');
    many.multiple = true;
    for (const text of ['Asthma', 'Diabetes', 'None']) many.append(option(text));
    (many.options[0] as HTMLOptionElement).selected = true;
    (many.options[1] as HTMLOptionElement).selected = true;
    expect(readFieldValue(many)).toBe('Asthma · Diabetes');
    // A hostile menu of many picked choices is read only as far as a choice's check reads: its
    // options' text is asked for a few dozen times, not 1,500.
    const huge = document.createElement('select');
    huge.multiple = true;
    let reads = 0;
    for (let i = 0; i < 1_500; i++) {
      const el = option(`Choice ${i}`);
      el.selected = true;
      Object.defineProperty(el, 'text', {
        get: () => {
          reads++;
          return `Choice ${i}`;
        },
      });
      huge.append(el);
    }
    expect((readFieldValue(huge) ?? '').length).toBeLessThanOrEqual(400);
    expect(reads).toBeLessThan(60);
  });
});

describe('controlKind', () => {
  const input = (type: string): HTMLInputElement => {
    const el = document.createElement('input');
    el.type = type;
    return el;
  };

  it('treats a slider as a choice along a scale, and buttons, files and colours as no field', () => {
    expect(controlKind(input('range'))).toBe('choice');
    expect(controlKind(input('radio'))).toBe('choice');
    for (const type of ['hidden', 'submit', 'file', 'color']) {
      expect(controlKind(input(type))).toBe('ignored');
    }
  });
});
