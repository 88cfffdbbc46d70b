import {
  isUpperCase,
  MARKING_HINT,
  type PageSample,
  type Placement,
  type TextBlock,
} from '../detection/classify-page';
import {
  attributeOf,
  closestOf,
  elementsByTagNameOf,
  firstElementChildOf,
  idOf,
  localNameOf,
  nextElementSiblingOf,
  parentElementOf,
  querySelectorAllOf,
  querySelectorOf,
} from './dom-access';
import { wordsOf } from '../detection/text';
import { headOf, visibleText } from './text-content';

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
  /classif|clasif|sensitiv|label|badge|chip|banner|marking|watermark|stamp|pill|tag|confiden|privileg/i;
// Where a page lists things in rows: chips there label each row, or offer a choice of labels.
const LIST_SELECTOR =
  'table, ul, ol, select, [role="list"], [role="listbox"], [role="menu"], [role="grid"], [role="table"], [role="radiogroup"]';
// Where a page offers choices: a menu, a listbox, a native menu.
const MENU_SELECTOR = '[role="menu"], [role="menubar"], [role="listbox"], select';
// "Security level: Legal only", "Classification: Internal": a key that makes its value a label.
const LABEL_KEY =
  /^(?:(?:data |document |page |file )?(?:classification|sensitivity(?: label)?|security level|marking|label)|clasificaci[oó]n|nivel de seguridad|sensibilidad|etiqueta(?: de sensibilidad)?)\s*:?$/i;
const MAX_TEXT_SCAN = 2_000_000;
const MAX_BLOCKS = 40;

// Element reads go through dom-access.ts: a block may be a <form>, whose own properties a page
// can redirect to its controls (DOM clobbering).
function placementOf(el: Element): Placement {
  if (closestOf(el, 'header, [role="banner"]')) return 'header';
  if (closestOf(el, 'footer, [role="contentinfo"]')) return 'footer';
  // A form's own words ("Secret name" in a label styled "form__label-text") name a field; a
  // checkbox's "Confidential" on a job form is a choice. Neither marks the page.
  if (closestOf(el, 'label, legend')) return 'list';
  // A menu's items are choices ("Highly Confidential" among the labels a picker offers).
  if (closestOf(el, MENU_SELECTOR)) return 'list';
  // A mock-up of a product's output ("Sample Report Output" beside a "Confidential" pill) shows
  // what a marking looks like; it does not mark this page.
  if (illustrates(el)) return 'list';
  // A story reproducing a marked email or memo ("PRIVILEGED & CONFIDENTIAL" atop a quoted
  // excerpt) reports on a document; it is not one.
  if (closestOf(el, 'blockquote, q, figure') && isAStory(closestOf(el, 'article'))) return 'quoted';
  for (let n: Element | null = el, i = 0; n && i < 3; n = parentElementOf(n), i++) {
    const hint = `${attributeOf(n, 'class') ?? ''} ${idOf(n)} ${attributeOf(n, 'role') ?? ''}`;
    if (CHIP_HINT.test(hint)) {
      if (namesAField(n, hint)) return 'body';
      return oneOfAList(n) ? 'list' : 'chip';
    }
    // A document editor draws its page's header and footer as classed blocks ("kix-page-header",
    // "HeaderFooter"), not as <header> and <footer>.
    if (/header/i.test(hint)) return 'header';
    if (/footer/i.test(hint)) return 'footer';
  }
  // A landing page's selling points ("Rapid Assessment", "Patient Safe", "Confidential").
  if (oneOfItsKind(el)) return 'list';
  return 'body';
}

/**
 * Whether `el`, or its parent, is one of three or more alike siblings (same tag and class), the
 * others saying something else: an item of a feature list. A stamp on every page of a rendered
 * document repeats itself in each sibling, and still marks the page.
 */
function oneOfItsKind(el: Element): boolean {
  const own = visibleText(el, 80);
  for (let n: Element | null = el, i = 0; n && i < 2; n = parentElementOf(n), i++) {
    const parent = parentElementOf(n);
    const className = attributeOf(n, 'class');
    if (!parent || !className) continue;
    let alike = 0;
    let repeats = 0;
    const tag = localNameOf(n);
    for (let c = firstElementChildOf(parent); c && alike < 12; c = nextElementSiblingOf(c)) {
      if (localNameOf(c) !== tag || attributeOf(c, 'class') !== className) continue;
      alike++;
      if (c !== n && visibleText(c, 400).includes(own)) repeats++;
    }
    if (alike >= 3) return repeats === 0;
  }
  return false;
}

const ILLUSTRATION = /(?:^|[^\p{L}])(?:sample|example|demo|mock-?up)(?![\p{L}])/iu;

/**
 * Whether `el` sits in a short line or card title that calls it a sample or an example ("Sample
 * Report Output", "Example"; "for example" in a sentence is read with the sentence), or in a
 * captioned figure ("Labels your team can apply in one click"): a picture of a marking, outside a
 * story quoting a document (placementOf).
 */
function illustrates(el: Element): boolean {
  const figure = closestOf(el, 'figure');
  if (figure && querySelectorOf(figure, 'figcaption') !== null) return true;
  for (let n = parentElementOf(el), i = 0; n && i < 2; n = parentElementOf(n), i++) {
    if (localNameOf(n) === 'body') return false;
    const text = visibleText(n, 120);
    if (wordCount(text) <= 8 && ILLUSTRATION.test(text)) return true;
  }
  return false;
}

// Where a field's control sits in the block after its label: one or two levels in.
const CONTROL_AFTER_LABEL =
  ':scope > input, :scope > select, :scope > textarea, ' +
  ':scope > * > input, :scope > * > select, :scope > * > textarea';
const MARKING_CLASS =
  /classif|sensitiv|marking|banner|confiden|privileg|watermark|stamp|chip|badge|pill/i;

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

/**
 * A chip repeated down a table or list labels each row (a library's "Sensitivity" column), or
 * is one choice in a menu of labels, or a legend explaining them: none marks this page.
 */
function oneOfAList(el: Element): boolean {
  const list = closestOf(el, LIST_SELECTOR);
  if (!list) return false;
  const className = attributeOf(el, 'class');
  if (!className) return false;
  let alike = 0;
  const others = querySelectorAllOf(list, localNameOf(el));
  for (let i = 0; i < others.length && alike < 3; i++) {
    const other = others[i];
    if (other && attributeOf(other, 'class') === className) alike++;
  }
  return alike >= 3;
}

/**
 * An editor's sensitivity button names the label in its accessible name ("Sensitivity: Highly
 * Confidential") and shows only the level: the name's key makes the level the page's label.
 * Returns that level, or null.
 */
function markingNamedBy(el: Element): string | null {
  // Each of a menu's or a list's items offers a label, or labels its own row: none marks the page.
  if (closestOf(el, LIST_SELECTOR)) return null;
  for (let n: Element | null = el, i = 0; n && i < 2; n = parentElementOf(n), i++) {
    const name = attributeOf(n, 'aria-label') ?? attributeOf(n, 'title');
    const key = name ? /^([^:]{3,40}):(.{1,80})$/.exec(name) : null;
    if (key?.[1] && key[2] && LABEL_KEY.test(key[1].trim())) return key[2].trim();
  }
  return null;
}

function blockOf(el: Element): Element {
  for (let n: Element | null = el; n; n = parentElementOf(n)) {
    if (BLOCK_TAGS.has(localNameOf(n))) return n;
  }
  return el;
}

/** Words as the lexicon counts them: in Japanese or Chinese, a character is a word. */
function wordCount(text: string): number {
  return wordsOf(text).length;
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
    // Two characters at least: "机密" and "社外秘" are whole markings.
    if (data.length < 2 || !MARKING_HINT.test(data)) continue;
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
    const short = own.length <= 80 && localNameOf(parent) !== 'a';
    const block = blockOf(parent);
    let candidate = short ? parent : block;
    if (seen.has(candidate)) continue;
    const labelled = markingNamedBy(parent);
    if (labelled !== null) {
      if (!seen.has(parent)) blocks.push({ text: labelled, placement: 'chip' });
      seen.add(parent);
      continue;
    }
    let placement = placementOf(candidate);
    // A level named in a table's cell, in ordinary letters, is data about something (a policy's
    // table of levels, a file list's column); a stamp is in capitals.
    if (placement === 'body' && closestOf(candidate, 'td, th') && !isUpperCase(own)) {
      placement = 'list';
    }
    if (candidate !== block && placement === 'body') {
      // A few words set inside a block: quoted in a sentence ("for example <i>Internal Use
      // Only</i>") they are read with the sentence, unless stamped in capitals; after a key
      // ("Security level: <b>Legal only</b>") they are the page's label.
      const rest = visibleText(block, 400)
        .replace(own, ' ')
        .replace(/^[^\p{L}]+/u, '')
        .trimEnd();
      if (LABEL_KEY.test(rest)) placement = 'chip';
      else if (wordCount(rest) > 6 && !isUpperCase(own)) {
        seen.add(candidate);
        candidate = block;
        if (seen.has(candidate)) continue;
        placement = placementOf(block);
      }
    }
    seen.add(candidate);
    const text = candidate === parent ? own : visibleText(candidate, 400);
    blocks.push({ text, placement });
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
  return headOf(parts.filter(Boolean).join(' · '), 240);
}

// Paragraphs that make an <article> a story rather than a CMS wrapper around a form page.
const STORY_PARAGRAPHS = 3;

function headsAStory(h1: Element): boolean {
  return isAStory(closestOf(h1, 'article'));
}

function isAStory(article: Element | null): boolean {
  return article !== null && elementsByTagNameOf(article, 'p')[STORY_PARAGRAPHS - 1] !== undefined;
}
