// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePage } from '@/utils/dom/page-sample';

describe('samplePage', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it("reads a document editor's classed page header and footer as a header and a footer", () => {
    document.body.innerHTML = `
      <div class="kix-page">
        <div class="kix-page-header"><span>Contoso Ltd. — Confidential</span></div>
        <div class="kix-page-content"><p>Internal text the page mentions in passing.</p></div>
        <div class="PageFooter"><p>Internal use only</p></div>
      </div>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['header', 'Contoso Ltd. — Confidential']);
    expect(placements).toContainEqual(['footer', 'Internal use only']);
    expect(placements).toContainEqual(['body', 'Internal text the page mentions in passing.']);
  });

  it("reads a form builder's classed label as the field's, and a sensitivity label as a chip", () => {
    document.body.innerHTML = `
      <div class="jenkins-form-item">
        <div class="jenkins-form-label">Secret</div>
        <div class="setting-main"><input name="_.secret" type="password"></div>
      </div>
      <div class="jenkins-form-item">
        <div class="jenkins-form-label">Private Key</div>
        <div class="setting-main"><label><input type="radio"> Enter directly</label><textarea></textarea></div>
      </div>
      <span class="sensitivity-label">Highly Confidential</span><div><input name="title"></div>
      <span class="tag">Secret</span><p>Launch plan</p>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['body', 'Secret']);
    expect(placements).toContainEqual(['body', 'Private Key']);
    expect(placements).toContainEqual(['chip', 'Highly Confidential']);
    expect(placements).toContainEqual(['chip', 'Secret']);
  });
});
