/**
 * Node reads (and the two attribute writes the scanner makes on any element) a page cannot
 * redirect. A <form> answers property reads with its controls first
 * (DOM clobbering: <input name="getAttribute"> makes form.getAttribute that input; likewise
 * form.parentElement, form.localName, form.children), and on a large form each such read after a
 * DOM change re-collects its controls (≈6 ms for a form of 5,000 fields). These call the
 * prototypes' own accessors and methods, taken once from this script's world (the content
 * script's isolated world, which pages cannot touch). Where a DOM lacks one, a plain read.
 */
type Fn = (this: unknown, ...args: unknown[]) => unknown;

function own(proto: object | undefined, name: string): Fn | undefined {
  if (!proto) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  return (
    descriptor?.get ?? (typeof descriptor?.value === 'function' ? descriptor.value : undefined)
  );
}

const world = globalThis as { Node?: { prototype: object }; Element?: { prototype: object } };
const NODE = world.Node?.prototype;
const ELEMENT = world.Element?.prototype;

function getter<N, T>(proto: object | undefined, name: string, plain: (n: N) => T): (n: N) => T {
  const fn = own(proto, name);
  return fn ? (n) => fn.call(n) as T : plain;
}

export const nodeTypeOf: (node: Node) => number = getter(NODE, 'nodeType', (n: Node) => n.nodeType);
export const parentElementOf: (node: Node) => Element | null = getter(
  NODE,
  'parentElement',
  (n: Node) => n.parentElement,
);
export const parentNodeOf: (node: Node) => ParentNode | null = getter(
  NODE,
  'parentNode',
  (n: Node) => n.parentNode,
);
export const firstChildOf: (node: Node) => ChildNode | null = getter(
  NODE,
  'firstChild',
  (n: Node) => n.firstChild,
);
export const lastChildOf: (node: Node) => ChildNode | null = getter(
  NODE,
  'lastChild',
  (n: Node) => n.lastChild,
);
export const nextSiblingOf: (node: Node) => ChildNode | null = getter(
  NODE,
  'nextSibling',
  (n: Node) => n.nextSibling,
);
export const previousSiblingOf: (node: Node) => ChildNode | null = getter(
  NODE,
  'previousSibling',
  (n: Node) => n.previousSibling,
);
// An element's own getter where a DOM overrides it for elements (test DOMs do), else Node's.
export const textContentOf: (el: Element) => string | null = getter(
  own(ELEMENT, 'textContent') ? ELEMENT : NODE,
  'textContent',
  (el: Element) => el.textContent,
);
export const localNameOf: (el: Element) => string = getter(
  ELEMENT,
  'localName',
  (el: Element) => el.localName,
);
export const idOf: (el: Element) => string = getter(ELEMENT, 'id', (el: Element) => el.id);
export const childElementCountOf: (el: Element) => number = getter(
  ELEMENT,
  'childElementCount',
  (el: Element) => el.childElementCount,
);
export const firstElementChildOf: (el: Element) => Element | null = getter(
  ELEMENT,
  'firstElementChild',
  (el: Element) => el.firstElementChild,
);
export const previousElementSiblingOf: (el: Element) => Element | null = getter(
  ELEMENT,
  'previousElementSibling',
  (el: Element) => el.previousElementSibling,
);

const getRootNodeFn = own(NODE, 'getRootNode');
const setAttributeFn = own(ELEMENT, 'setAttribute');
const removeAttributeFn = own(ELEMENT, 'removeAttribute');
const shadowRootFn = own(ELEMENT, 'shadowRoot');
const getAttributeFn = own(ELEMENT, 'getAttribute');
const hasAttributeFn = own(ELEMENT, 'hasAttribute');
const closestFn = own(ELEMENT, 'closest');
const querySelectorFn = own(ELEMENT, 'querySelector');
const querySelectorAllFn = own(ELEMENT, 'querySelectorAll');
const getElementsByTagNameFn = own(ELEMENT, 'getElementsByTagName');

export function setAttributeOf(el: Element, name: string, value: string): void {
  if (setAttributeFn) setAttributeFn.call(el, name, value);
  else el.setAttribute(name, value);
}

export function removeAttributeOf(el: Element, name: string): void {
  if (removeAttributeFn) removeAttributeFn.call(el, name);
  else el.removeAttribute(name);
}

export function shadowRootOf(el: Element): ShadowRoot | null {
  return shadowRootFn ? (shadowRootFn.call(el) as ShadowRoot | null) : el.shadowRoot;
}

export function rootNodeOf(node: Node): Node {
  return getRootNodeFn ? (getRootNodeFn.call(node) as Node) : node.getRootNode();
}

export function attributeOf(el: Element, name: string): string | null {
  return getAttributeFn ? (getAttributeFn.call(el, name) as string | null) : el.getAttribute(name);
}

export function hasAttributeOf(el: Element, name: string): boolean {
  return hasAttributeFn ? (hasAttributeFn.call(el, name) as boolean) : el.hasAttribute(name);
}

export function closestOf(el: Element, selectors: string): Element | null {
  return closestFn ? (closestFn.call(el, selectors) as Element | null) : el.closest(selectors);
}

export function querySelectorOf(el: Element, selectors: string): Element | null {
  return querySelectorFn
    ? (querySelectorFn.call(el, selectors) as Element | null)
    : el.querySelector(selectors);
}

export function querySelectorAllOf(el: Element, selectors: string): ArrayLike<Element> {
  return querySelectorAllFn
    ? (querySelectorAllFn.call(el, selectors) as ArrayLike<Element>)
    : el.querySelectorAll(selectors);
}

/**
 * A live list, filled only as far as it is read: `[2]` stops at the third match, where
 * `querySelectorAll` would collect every one (25,000 paragraphs in a long article).
 */
export function elementsByTagNameOf(el: Element, name: string): HTMLCollectionOf<Element> {
  return getElementsByTagNameFn
    ? (getElementsByTagNameFn.call(el, name) as HTMLCollectionOf<Element>)
    : el.getElementsByTagName(name);
}
