// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeField } from '@/utils/dom/describe-field';
import { ContextReader } from '@/utils/dom/field-context';
import { LabelIndex } from '@/utils/dom/label-index';

const placeholderOf = (id: string) =>
  describeField(document.getElementById(id) as Element, new LabelIndex(), new ContextReader())
    .placeholder;

describe("a rich-text editor's placeholder", () => {
  it('is read where Quill, Tiptap and Lexical keep it', () => {
    document.body.innerHTML = `
      <div class="ql-editor ql-blank" contenteditable="true" id="quill"
        data-placeholder="Describe your symptoms"><p><br></p></div>
      <div class="ProseMirror" contenteditable="true" id="tiptap"><p class="is-empty"
        data-placeholder="List your current medications"><br></p></div>
      <div class="editor-inner"><div class="editor-input" contenteditable="true" id="lexical"><p><br></p></div>
        <div class="editor-placeholder">Any allergies?</div></div>
      <div contenteditable="true" id="plain"><p>Hello</p></div><div class="note">Saved</div>`;
    expect(placeholderOf('quill')).toBe('Describe your symptoms');
    expect(placeholderOf('tiptap')).toBe('List your current medications');
    expect(placeholderOf('lexical')).toBe('Any allergies?');
    expect(placeholderOf('plain')).toBe('');
  });
});

describe("the hidden box behind MUI's Select", () => {
  const labelOf = (selector: string) => {
    const labels = new LabelIndex();
    labels.addAllWithin(document);
    return describeField(document.querySelector(selector) as Element, labels, new ContextReader())
      .label;
  };

  it('is named as the menu widget right before it', () => {
    document.body.innerHTML = `
      <label id="exp-label">Expiration date</label>
      <div class="MuiInputBase-root"><div role="combobox" aria-labelledby="exp-label">30 days</div>
        <input aria-hidden="true" tabindex="-1" class="MuiSelect-nativeInput" name="expiration"></div>
      <div><div role="button">Open</div><input aria-hidden="true" name="other"></div>
      <div><div role="combobox" aria-label="Region"></div><input name="shown"></div>`;
    expect(labelOf('[name=expiration]')).toBe('Expiration date');
    // Only a hidden box serves a menu; a visible one beside it, or one beside a button, is its own.
    expect(labelOf('[name=other]')).toBe('');
    expect(labelOf('[name=shown]')).toBe('');
  });
});
