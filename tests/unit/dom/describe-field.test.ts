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
