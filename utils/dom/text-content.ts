/**
 * Reading what a person sees in a piece of the DOM, cheaply and boundedly.
 * Form controls inside contribute nothing: their values belong to the person
 * typing, and a label must never carry a value into a reason.
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'input',
  'textarea',
  'select',
  'option',
  'button',
]);

function collapse(text: string): string {
  return /\s\s|^\s|\s$|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

function isSkipped(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.localName) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.hasAttribute('contenteditable')
  );
}

/** Text of a node in document order, at most `max` characters, skipping hidden parts and controls. */
export function visibleText(node: Node, max = 200): string {
  // Most labels and headings hold only text: no walk needed.
  if (node.nodeType === 1 && (node as Element).childElementCount === 0) {
    const el = node as Element;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return '';
    if (SKIPPED_TAGS.has(el.localName)) return '';
    return collapse(el.textContent ?? '').slice(0, max);
  }
  const parts: string[] = [];
  let length = 0;
  const visit = (n: Node, depth: number): void => {
    if (length >= max || depth > 32) return;
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      parts.push(data);
      length += data.length;
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return;
    if (n.nodeType === 1 && isSkipped(n as Element)) return;
    for (let c = n.firstChild; c && length < max; c = c.nextSibling) {
      if (c.nodeType === 1) {
        const tag = (c as Element).localName;
        if (tag === 'br' || tag === 'p' || tag === 'div' || tag === 'li') parts.push(' ');
      }
      visit(c, depth + 1);
    }
  };
  visit(node, 0);
  return collapse(parts.join('')).slice(0, max);
}

/**
 * The last `max` characters of text before `start`, walking backwards through
 * preceding siblings (and into them from the end). Stops at another form
 * control, so one field's label is not read as the next field's.
 */
export function textBefore(start: Node, max = 80, boundary?: Node): string {
  const parts: string[] = [];
  let length = 0;
  let stopped = false;
  const visitBackwards = (n: Node, depth: number): void => {
    if (stopped || length >= max || depth > 16) return;
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      parts.push(data);
      length += data.trim().length;
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.localName;
    if (
      tag === 'input' ||
      tag === 'textarea' ||
      tag === 'select' ||
      el.hasAttribute('contenteditable')
    ) {
      const type = el.getAttribute('type');
      if (type !== 'hidden') stopped = true;
      return;
    }
    if (isSkipped(el)) return;
    for (let c = el.lastChild; c && !stopped && length < max; c = c.previousSibling) {
      visitBackwards(c, depth + 1);
    }
    parts.push(' ');
  };
  let node: Node | null = start;
  let climbs = 0;
  while (node && !stopped && length < max && climbs < 3) {
    for (let s = node.previousSibling; s && !stopped && length < max; s = s.previousSibling) {
      visitBackwards(s, 0);
    }
    if (length > 0) break;
    node = node.parentNode;
    if (!node || node === boundary || node.nodeType !== 1) break;
    const tag = (node as Element).localName;
    if (tag === 'form' || tag === 'fieldset' || tag === 'body' || tag === 'table' || tag === 'tr') {
      break;
    }
    climbs++;
  }
  const text = parts.reverse().join('').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(text.length - max) : text;
}
