// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/detection/classify-page';
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

  it("reads an editor's sensitivity button by its name's key, and a table of levels as a list", () => {
    document.body.innerHTML = `
      <div role="toolbar"><button aria-label="Sensitivity: Highly Confidential">Highly Confidential</button></div>
      <table><tr><th>Level</th></tr><tr><td>Confidential</td></tr><tr><td>Restricted</td></tr></table>
      <table><tr><td>CONFIDENTIAL</td></tr></table>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['chip', 'Highly Confidential']);
    expect(placements).toContainEqual(['list', 'Confidential']);
    expect(placements).toContainEqual(['list', 'Restricted']);
    // A stamp in capitals in a layout table still marks the page.
    expect(placements).toContainEqual(['body', 'CONFIDENTIAL']);
    // A button that names something else is read as before; a menu of labels to pick from marks
    // nothing.
    document.body.innerHTML = `<button aria-label="Share: Confidential folder">Share</button>
      <ul role="menu"><li role="menuitem" aria-label="Sensitivity: Highly Confidential">Highly Confidential</li>
        <li role="menuitem" aria-label="Sensitivity: Public">Public</li></ul>`;
    expect(classifyPage(samplePage(document)).confidential).toBe(false);
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
      <span class="tag">Secret</span><p>Launch plan</p>
      <div class="docs-labels-chip" role="button">Classification: Restricted</div>
      <div class="docs-menubar"><input aria-label="Search the menus"></div>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['body', 'Secret']);
    expect(placements).toContainEqual(['body', 'Private Key']);
    expect(placements).toContainEqual(['chip', 'Highly Confidential']);
    expect(placements).toContainEqual(['chip', 'Secret']);
    // A labels chip before a toolbar's search box labels the document, not the box.
    expect(placements).toContainEqual(['chip', 'Classification: Restricted']);
  });

  it('reads chips repeated down a table or a menu as a list, and a lone chip as a chip', () => {
    document.body.innerHTML = `
      <table>
        <tr><td><span class="label-chip">Public</span></td><td>Published material</td></tr>
        <tr><td><span class="label-chip">Confidential</span></td><td>Contracts</td></tr>
        <tr><td><span class="label-chip">Highly Confidential</span></td><td>Merger plans</td></tr>
      </table>
      <div class="doc-header"><span class="label-chip">Internal only</span></div>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['list', 'Confidential']);
    expect(placements).toContainEqual(['list', 'Highly Confidential']);
    expect(placements).toContainEqual(['chip', 'Internal only']);
  });

  it('reads words set in a sentence with the sentence, and a value after a classification key as a chip', () => {
    document.body.innerHTML = `
      <ol><li>Choose the label that applies to your file, for example <i>Internal Use Only</i>.</li></ol>
      <div class="issue-field"><span>🔒</span> Security level: <strong>Privileged &amp; Confidential</strong></div>
      <div><strong>CONFIDENTIAL</strong> This memo is meant for the members of the board only.</div>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual([
      'body',
      'Choose the label that applies to your file, for example Internal Use Only.',
    ]);
    expect(placements).toContainEqual(['chip', 'Privileged & Confidential']);
    expect(placements).toContainEqual(['body', 'CONFIDENTIAL']);
  });

  it("does not take a landing page's selling point, a form's choice or a mock-up for a marking", () => {
    // Real-world pages (2026-12-04): each was flagged a confidential document.
    document.body.innerHTML = `
      <div class="features">
        <div class="feature-item"><span class="icon">⚡</span><span>Rapid Assessment</span></div>
        <div class="feature-item"><span class="icon">🛡️</span><span>Patient Safe</span></div>
        <div class="feature-item"><span class="icon">🔐</span><span>Confidential</span></div>
      </div>
      <label class="flex"><input type="checkbox" name="isPayConfidential"><span>Confidential</span></label>
      <div class="card"><div class="flex"><p>Sample Report Output</p><span class="pill rounded-full">Confidential</span></div></div>`;
    expect(classifyPage(samplePage(document)).confidential).toBe(false);
    // A slide's footer, and a stamp repeated on every page of a rendered document, still mark it.
    document.body.innerHTML = `<div class="slide"><h2>Market size</h2>
      <div class="bottom"><span>Acme Robotics</span><span>Confidential</span></div></div>`;
    expect(classifyPage(samplePage(document)).confidential).toBe(true);
    document.body.innerHTML = [1, 2, 3]
      .map((n) => `<div class="page"><p>Page ${n} text.</p><span>CONFIDENTIAL</span></div>`)
      .join('');
    expect(classifyPage(samplePage(document)).confidential).toBe(true);
  });

  it("reads a captioned figure's markings as a picture of them, not the page's (held-out batch 120)", () => {
    const chips = `<div class="chip chip-red">Highly Confidential</div>
      <div class="chip chip-amber">Internal</div><div class="chip chip-green">Public</div>`;
    document.body.innerHTML = `<main><h1>Sensitivity labels that follow your files</h1>
      <figure>${chips}<figcaption>Labels your team can apply in one click.</figcaption></figure></main>`;
    expect(classifyPage(samplePage(document)).confidential).toBe(false);
    // A document's own chip, with no caption calling it a picture.
    document.body.innerHTML = `<main><h1>Q3 plan</h1><div class="chip chip-red">Highly Confidential</div></main>`;
    expect(classifyPage(samplePage(document)).confidential).toBe(true);
  });

  it('samples a page whose only marking is one the prefilter must also know', () => {
    for (const marking of ['ATTORNEY WORK PRODUCT', 'Prohibida su distribución', 'TLP RED']) {
      document.body.innerHTML = `<header><p>${marking}</p></header><main><p>Q3 notes.</p></main>`;
      expect(classifyPage(samplePage(document)).confidential, marking).toBe(true);
    }
  });

  it('reads a marking of two or three characters, and one set in a Japanese sentence with the sentence', () => {
    document.body.innerHTML = `
      <div class="doc-label">대외비</div>
      <p>流出したのは<b>社外秘</b>と記された設計資料の一部で、同社は社内調査を進めている。</p>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['chip', '대외비']);
    expect(placements).toContainEqual([
      'body',
      '流出したのは社外秘と記された設計資料の一部で、同社は社内調査を進めている。',
    ]);
    expect(placements).not.toContainEqual(['body', '社外秘']);
  });

  it("reads a story's excerpt of a marked document as quoted, and a quote in an email thread as body", () => {
    document.body.innerHTML = `
      <article>
        <h1>Emails show insurer knew of billing error</h1>
        <p>Internal emails obtained by The Ledger show the error was known in March.</p>
        <figure><blockquote><p><strong>PRIVILEGED &amp; CONFIDENTIAL</strong></p><p>Do not forward.</p></blockquote></figure>
        <p>A spokesperson said refunds were issued in October.</p>
        <p>Regulators are reviewing the timeline.</p>
      </article>
      <div class="thread"><blockquote><p><strong>STRICTLY CONFIDENTIAL</strong></p></blockquote></div>`;
    const placements = samplePage(document).blocks.map((b) => [b.placement, b.text]);
    expect(placements).toContainEqual(['quoted', 'PRIVILEGED & CONFIDENTIAL']);
    expect(placements).toContainEqual(['body', 'STRICTLY CONFIDENTIAL']);
  });
});
