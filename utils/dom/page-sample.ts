import {
  MARKING_HINT,
  type PageSample,
  type Placement,
  type TextBlock,
} from '../detection/classify-page';
import {
  attributeOf,
  closestOf,
  elementsByTagNameOf,
  idOf,
  localNameOf,
  nextElementSiblingOf,
  parentElementOf,
  querySelectorOf,
} from './dom-access';
import { visibleText } from './text-content';

/**
 * Collects the page text that could be a confidentiality marking, as plain
 * blocks for classifyPage. One cheap test over the whole text lets pages
 * without any marking word (most of the web) stop at once.
 */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'section',
  'article',
  'aside',
  'blockquote',
  'dd',
  'dt',
  'caption',
  'figcaption',
  'body',
  'main',
  'nav',
]);
const CHIP_HINT =
  /classif|sensitiv|label|badge|chip|banner|marking|watermark|stamp|pill|tag|confiden|privileg/i;
const MAX_TEXT_SCAN = 2_000_000;
const MAX_BLOCKS = 40;

// Element reads go through dom-access.ts: a block may be a <form>, whose own properties a page
// can redirect to its controls (DOM clobbering).
function placementOf(el: Element): Placement {
  if (closestOf(el, 'header, [role="banner"]')) return 'header';
  if (closestOf(el, 'footer, [role="contentinfo"]')) return 'footer';
  // A form's own words ("Secret name" in a label styled "form__label-text") name a field; they
  // do not mark the page.
  if (closestOf(el, 'label, legend')) return 'body';
  for (let n: Element | null = el, i = 0; n && i < 3; n = parentElementOf(n), i++) {
    const hint = `${attributeOf(n, 'class') ?? ''} ${idOf(n)} ${attributeOf(n, 'role') ?? ''}`;
    if (CHIP_HINT.test(hint)) return namesAField(n, hint) ? 'body' : 'chip';
    // A document editor draws its page's header and footer as classed blocks ("kix-page-header",
    // "HeaderFooter"), not as <header> and <footer>.
    if (/header/i.test(hint)) return 'header';
    if (/footer/i.test(hint)) return 'footer';
  }
  return 'body';
}

// Where a field's control sits in the block after its label: one or two levels in.
const CONTROL_AFTER_LABEL =
  ':scope > input, :scope > select, :scope > textarea, ' +
  ':scope > * > input, :scope > * > select, :scope > * > textarea';
const MARKING_CLASS = /classif|sensitiv|marking|banner|confiden|privileg|watermark|stamp/i;

/**
 * A form builder's label drawn as a classed block ("jenkins-form-label": "Secret", "Private Key")
 * names the field right after it, like a <label>; a classification or sensitivity label does not.
 */
function namesAField(el: Element, hint: string): boolean {
  if (!/label/i.test(hint) || MARKING_CLASS.test(hint)) return false;
  const next = nextElementSiblingOf(el);
  if (!next) return false;
  const tag = localNameOf(next);
  return (
    tag === 'input' ||
    tag === 'select' ||
    tag === 'textarea' ||
    querySelectorOf(next, CONTROL_AFTER_LABEL) !== null
  );
}

function blockOf(el: Element): Element {
  for (let n: Element | null = el; n; n = parentElementOf(n)) {
    if (BLOCK_TAGS.has(localNameOf(n))) return n;
  }
  return el;
}

export function samplePage(doc: Document): PageSample {
  const blocks: TextBlock[] = [];
  if (doc.title) blocks.push({ text: doc.title, placement: 'title' });
  for (const meta of doc.querySelectorAll('meta[name]')) {
    const name = meta.getAttribute('name') ?? '';
    if (/classification|sensitivity|msip_label|security/i.test(name)) {
      const content = meta.getAttribute('content') ?? '';
      if (content) blocks.push({ text: content, placement: 'meta' });
    }
  }
  const body = doc.body;
  if (!body) return { blocks };
  const all = body.textContent ?? '';
  if (!MARKING_HINT.test(all.length > MAX_TEXT_SCAN ? all.slice(0, MAX_TEXT_SCAN) : all)) {
    return { blocks };
  }
  const seen = new Set<Element>();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && blocks.length < MAX_BLOCKS; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (data.length < 4 || !MARKING_HINT.test(data)) continue;
    const parent = parentElementOf(n);
    if (
      !parent ||
      closestOf(parent, 'script, style, noscript, template, textarea, [contenteditable]')
    ) {
      continue;
    }
    // The smallest element holding the words, when it is short (a chip, a <strong> in a
    // banner); otherwise the block it sits in, so a sentence is judged as a sentence.
    const own = visibleText(parent, 200);
    const candidate = own.length <= 80 && localNameOf(parent) !== 'a' ? parent : blockOf(parent);
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const text = candidate === parent ? own : visibleText(candidate, 400);
    blocks.push({ text, placement: placementOf(candidate) });
  }
  return { blocks };
}

/**
 * The page's title and top heading: context for fields that say little. A published story's
 * headline is about the story, not about the fields around it ("Insurer shared patients'
 * diagnoses" above a comment box), so a page whose <h1> heads an article of prose gives none.
 */
export function pageHeading(doc: Document): string {
  const h1 = doc.querySelector('h1');
  if (h1 && headsAStory(h1)) return '';
  const parts = [doc.title];
  if (h1) parts.push(visibleText(h1, 120));
  return parts.filter(Boolean).join(' · ').slice(0, 240);
}

// Paragraphs that make an <article> a story rather than a CMS wrapper around a form page.
const STORY_PARAGRAPHS = 3;

function headsAStory(h1: Element): boolean {
  const article = closestOf(h1, 'article');
  return article !== null && elementsByTagNameOf(article, 'p')[STORY_PARAGRAPHS - 1] !== undefined;
}
