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

  it('reads a rich-text editor by its text, and a select not at all', () => {
    const div = document.createElement('div');
    div.contentEditable = 'true';
    div.innerHTML = '<p>Type 2 <b>diabetes</b></p>';
    expect(readFieldValue(div)).toBe('Type 2 diabetes');
    expect(readFieldValue(document.createElement('select'))).toBeUndefined();
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
