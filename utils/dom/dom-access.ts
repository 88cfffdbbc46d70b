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

// Each read is its own function with its own `call` site: one shared wrapper made every accessor
// call through it megamorphic, ≈ 28 ms per load of a 1,000-row grid in a sampled profile.
const nodeTypeGet = own(NODE, 'nodeType');
export function nodeTypeOf(node: Node): number {
  return nodeTypeGet ? (nodeTypeGet.call(node) as number) : node.nodeType;
}
const parentElementGet = own(NODE, 'parentElement');
export function parentElementOf(node: Node): Element | null {
  return parentElementGet ? (parentElementGet.call(node) as Element | null) : node.parentElement;
}
const parentNodeGet = own(NODE, 'parentNode');
export function parentNodeOf(node: Node): ParentNode | null {
  return parentNodeGet ? (parentNodeGet.call(node) as ParentNode | null) : node.parentNode;
}
const firstChildGet = own(NODE, 'firstChild');
export function firstChildOf(node: Node): ChildNode | null {
  return firstChildGet ? (firstChildGet.call(node) as ChildNode | null) : node.firstChild;
}
const lastChildGet = own(NODE, 'lastChild');
export function lastChildOf(node: Node): ChildNode | null {
  return lastChildGet ? (lastChildGet.call(node) as ChildNode | null) : node.lastChild;
}
const nextSiblingGet = own(NODE, 'nextSibling');
export function nextSiblingOf(node: Node): ChildNode | null {
  return nextSiblingGet ? (nextSiblingGet.call(node) as ChildNode | null) : node.nextSibling;
}
const previousSiblingGet = own(NODE, 'previousSibling');
export function previousSiblingOf(node: Node): ChildNode | null {
  return previousSiblingGet
    ? (previousSiblingGet.call(node) as ChildNode | null)
    : node.previousSibling;
}
// An element's own getter where a DOM overrides it for elements (test DOMs do), else Node's.
const textContentGet = own(ELEMENT, 'textContent') ?? own(NODE, 'textContent');
export function textContentOf(el: Element): string | null {
  return textContentGet ? (textContentGet.call(el) as string | null) : el.textContent;
}
const localNameGet = own(ELEMENT, 'localName');
export function localNameOf(el: Element): string {
  return localNameGet ? (localNameGet.call(el) as string) : el.localName;
}
const idGet = own(ELEMENT, 'id');
export function idOf(el: Element): string {
  return idGet ? (idGet.call(el) as string) : el.id;
}
const childElementCountGet = own(ELEMENT, 'childElementCount');
export function childElementCountOf(el: Element): number {
  return childElementCountGet ? (childElementCountGet.call(el) as number) : el.childElementCount;
}
const firstElementChildGet = own(ELEMENT, 'firstElementChild');
export function firstElementChildOf(el: Element): Element | null {
  return firstElementChildGet
    ? (firstElementChildGet.call(el) as Element | null)
    : el.firstElementChild;
}
const previousElementSiblingGet = own(ELEMENT, 'previousElementSibling');
export function previousElementSiblingOf(el: Element): Element | null {
  return previousElementSiblingGet
    ? (previousElementSiblingGet.call(el) as Element | null)
    : el.previousElementSibling;
}
const nextElementSiblingGet = own(ELEMENT, 'nextElementSibling');
export function nextElementSiblingOf(el: Element): Element | null {
  return nextElementSiblingGet
    ? (nextElementSiblingGet.call(el) as Element | null)
    : el.nextElementSibling;
}
const lastElementChildGet = own(ELEMENT, 'lastElementChild');
export function lastElementChildOf(el: Element): Element | null {
  return lastElementChildGet
    ? (lastElementChildGet.call(el) as Element | null)
    : el.lastElementChild;
}

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

const containsFn = own(NODE, 'contains');
/** Whether `node` is `ancestor` or below it. */
export function containsOf(ancestor: Node, node: Node): boolean {
  return containsFn ? (containsFn.call(ancestor, node) as boolean) : ancestor.contains(node);
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
