import { CATEGORIES, everyCategory, type Category } from '../detection/categories';
import {
  analyzeField,
  asksAboutHealthItself,
  isHealthPage,
  isProseBox,
  verdictWithValue,
  NO_VERDICT,
  type FieldAnalysis,
  type Verdict,
} from '../detection/classify-field';
import { classifyPage } from '../detection/classify-page';
import { EMPTY_PAGE, type FieldDescriptor, type PageContext } from '../detection/field-descriptor';
import { classifySplitSsn, SPLIT_WIDTHS } from '../detection/split-ssn';
import {
  emptyCounts,
  MAX_REPORTED_FIELDS,
  type FlaggedField,
  type FrameFindings,
} from '../findings/frame-findings';
import { describeField, readItsOptions, withContext } from './describe-field';
import { ContextReader, valueBoxOf } from './field-context';
import {
  ARIA_MENU_SELECTOR,
  FIELD_SELECTOR,
  isAriaMenu,
  isEditingHost,
  isFieldElement,
  readFieldValue,
  readValueAroundCaret,
} from './field-elements';
import {
  attributeOf,
  closestOf,
  firstElementChildOf,
  hasAttributeOf,
  idOf,
  localNameOf,
  nodeTypeOf,
  parentElementOf,
  querySelectorAllOf,
  removeAttributeOf,
  rootNodeOf,
  setAttributeOf,
  shadowRootOf,
} from './dom-access';
import { AnswerGroup } from './answer-group';
import { runAround } from './fields-around';
import { LabelIndex } from './label-index';
import { MarkerWriter } from './marker-writer';
import {
  FIELD_MARKERS,
  REGION_MARKERS,
  UNMASK_MARKERS,
  WATCHED_MARKER_ATTRIBUTES,
} from '../recorders/privacy-markers';
import { pageHeading, samplePage } from './page-sample';
import { sameItems } from '../same-items';

/** The DOM contract other parts and tests rely on (README, "Content-script contract"). */
export const FIELD_ATTRIBUTE = 'data-tally-sensitive';
export const PAGE_ATTRIBUTE = 'data-tally-page';

// A flagged field's watch has no attribute filter: Blink converts and atomises a filter on every
// observe() call (≈ 3 µs for the ≈ 20 names, against ≈ 0.8 µs without, measured in Chromium 156),
// and a flagged field rarely changes other attributes, so the names are checked here instead.
const MARKER_WATCH: MutationObserverInit = { attributes: true };
const WATCHED_MARKERS: ReadonlySet<string> = new Set(WATCHED_MARKER_ATTRIBUTES);
// Attributes that change what a field says about itself.
const RELABEL_ATTRIBUTES = [
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'placeholder',
  'name',
  'id',
  'title',
  'autocomplete',
  'type',
  'maxlength',
  'pattern',
  'contenteditable',
  'for',
  FIELD_ATTRIBUTE,
];
// Tags that carry text and layout on ordinary pages; anything else may be a shadow host. Of
// these, only div, span and p can host one (attachShadow's list); their declarative roots are
// found when something inside them gets focus (FieldScanner.onFocus), which costs nothing until
// then: checking the ≈ 25,000 paragraphs of the benchmark article here would cost ≈ 20 ms a load.
const POSSIBLE_SHADOW_HOSTS = `*:not(${[
  // Most common first: the selector tests them in order, and most elements stop at the first
  // few (5.9 ms → 2.0 ms on the 50,000-node benchmark page).
  'span',
  'div',
  'a',
  'p',
  'li',
  'td',
  'tr',
  'label',
  'input',
  'option',
  'img',
  'br',
  'b',
  'i',
  'svg',
  'path',
  'ul',
  'th',
  'button',
  'strong',
  'em',
  'table',
  'tbody',
  'thead',
  'ol',
  'hr',
  'g',
  'small',
  'code',
  'pre',
  'script',
  'style',
  'link',
  'meta',
  'textarea',
  'select',
  'form',
  'fieldset',
  'legend',
  'dl',
  'dt',
  'dd',
  'head',
  'title',
  'noscript',
  'template',
  'iframe',
  'picture',
  'source',
  'use',
  'circle',
  'rect',
  'polygon',
  'line',
  'font',
  'center',
  'u',
].join(',')})`;
// Detached hosts waiting to be inserted; a page that makes elements it never inserts cannot grow it.
const MAX_PENDING_HOSTS = 1000;
// Questions about health a page needs before its note box is read as health too.
const MOSTLY_HEALTH_MIN = 3;
// A page that keeps stripping our flag is not fought forever.
const MAX_REASSERTIONS = 20;
const NO_ELEMENTS: ReadonlySet<Element> = new Set();
// Page-level work (the confidential-document check, re-reading fields after a heading changed)
// runs at most this often: a single-page app that re-words a heading 250 times a second cost
// Tally ≈ 55 ms of main thread a second re-reading every field before this limit.
const PAGE_WORK_INTERVAL_MS = 1000;
// A text that names or describes more fields than this by id is the form's, not one field's: a
// status line ("Saving…", described-by on every field) or a column header. Its changes re-read
// those fields in idle time, at most once per PAGE_WORK_INTERVAL_MS, like a heading's: an
// autosave status on a 300-field form re-read all 300 on every keystroke (4.6 ms a keystroke).
const OWN_REFERENCE_FIELDS = 8;

interface LiveList {
  readonly list: HTMLCollectionOf<Element>;
  seen: number;
  last: Element | null;
  /** Divs: only the rare editing host among them is a field. */
  readonly editableOnly?: boolean;
}

interface FieldRecord {
  descriptor: FieldDescriptor;
  analysis: FieldAnalysis;
  verdict: Verdict;
  byValue: boolean;
  /** Health only because another answer to the same question is (see answersTo). */
  byAnswerGroup?: boolean;
  reassertions: number;
  /** The 3-2-4 group this box belongs to, if any. */
  group?: readonly [Element, Element, Element];
}

const SAME_QUESTION_VERDICT: Verdict = {
  category: 'health',
  confidence: 0.6,
  reasons: ['another answer to the same question is about health'],
};

/** Health by its own words, not only because another answer to its question is. */
function ownHealth(record: FieldRecord | undefined): boolean {
  return record?.verdict.category === 'health' && !record.byAnswerGroup;
}

export interface ScannerHooks {
  /** Called after any flag changed; the caller batches reporting. */
  onChange(): void;
  /** A field was flagged (with its category), changed category, or was unflagged (null). */
  onFlag?(el: Element, category: Category | null): void;
  /** The page became, or stopped being, a confidential document. */
  onDocumentChange?(): void;
  /** Runs page-level work later, when the page is idle. */
  scheduleIdle(task: () => void): void;
  /** The same, but not before `ms` have passed (defaults to scheduleIdle). */
  scheduleIdleAfter?(ms: number, task: () => void): void;
  /**
   * The shadow root an element hosts, closed ones included where the browser lets an extension
   * see them (chrome.dom.openOrClosedShadowRoot, Firefox's element.openOrClosedShadowRoot).
   * Defaults to element.shadowRoot, which only shows open roots.
   */
  shadowRootOf?(host: Element): ShadowRoot | null;
}

export interface ScanStats {
  fieldsClassified: number;
  classifyMs: number;
  /** Time spent in the last full rescan (the one at DOMContentLoaded, or after re-labelling). */
  lastRescanMs: number;
  valueChecks: number;
  valueMs: number;
}

/**
 * Finds and classifies every form control in a document (its open shadow
 * roots included) as the document is parsed and as it changes, and keeps the
 * `data-tally-sensitive` flags in step. A new field is classified
 * synchronously in the observer callback, so its flag is in place before a
 * page's recorder serialises it; page-level work waits for idle time.
 */
export class FieldScanner {
  private readonly labels = new LabelIndex();
  private context = new ContextReader();
  private readonly records = new WeakMap<Element, FieldRecord>();
  // Per form (or document or shadow root): the choices sharing each name, i.e. one question's answers.
  private readonly answerGroups = new WeakMap<Node, Map<string, AnswerGroup>>();
  private readonly isOwnHealth = (el: Element): boolean => ownHealth(this.records.get(el));
  private readonly widthOf = (el: Element): number | undefined =>
    this.records.get(el)?.descriptor.maxLength;
  private readonly flagged = new Set<Element>();
  // Every field classified so far (pruned of detached ones on each rescan).
  private readonly known = new Set<Element>();
  // Hosts that got a shadow root while detached (see onDetachedShadowHost).
  private readonly pendingHosts = new Set<Element>();
  // Per tree (document or shadow root, where ids resolve), for each id a field's
  // aria-labelledby or aria-describedby names: those fields. Components repeat their ids.
  private readonly referenced = new WeakMap<Node, Map<string, Set<Element>>>();
  private anyReferenced = false;
  // Fields already classified in the mutation batch being handled.
  private batch: Set<Element> | null = null;
  private readonly observedRoots = new WeakSet<Node>();
  // Each observer with the node it watches; `root` is null for the attribute observer,
  // whose options never change.
  private readonly observers: Array<{ observer: MutationObserver; root: Node | null }> = [];
  // While the parser runs: live lists of the document's labels and controls (see scanParsedTail).
  private live: LiveList[] | null = null;
  private attributeObserver: MutationObserver | null = null;
  /** Recorder privacy markers on flagged fields (docs/recorder-markers.md). */
  private readonly markers = new MarkerWriter(FIELD_MARKERS, UNMASK_MARKERS);
  // Watches only flagged fields, so a page's class churn elsewhere costs nothing.
  private markerObserver: MutationObserver | null = null;
  private readonly markerWatched = new WeakSet<Element>();
  /** Blocking markers on a confidential document's region (docs/recorder-markers.md). */
  private readonly regionMarkers = new MarkerWriter(REGION_MARKERS, UNMASK_MARKERS);
  private regionMarked: Element | null = null;
  private redaction: Record<Category, boolean> = everyCategory(true);
  private page: PageContext = EMPTY_PAGE;
  // The page's title is read when the first field is, so fields parsed after it know a health
  // page ("Visit Note — Chart"); the <h1> may come later and is read again at DOMContentLoaded.
  private headingRead = false;
  private pageReasons: readonly string[] = [];
  private pageCheckQueued = false;
  private lastPageCheckAt = -Infinity;
  private lastRescanAt = -Infinity;
  // Set by finishParsing(): the parser's last mutation batch arrives after readyState
  // turns 'interactive', and must not be taken for the page re-labelling itself.
  private parsed = false;
  private relabelQueued = false;
  // Fields named or described by a shared text that changed, waiting to be re-read.
  private readonly staleFields = new Set<Element>();
  private lastStaleReadAt = -Infinity;
  private staleQueued = false;
  readonly stats: ScanStats = {
    fieldsClassified: 0,
    classifyMs: 0,
    lastRescanMs: 0,
    valueChecks: 0,
    valueMs: 0,
  };
  private readonly now: () => number;
  private readonly shadowRootOf: (host: Element) => ShadowRoot | null;

  constructor(
    private readonly doc: Document,
    private readonly hooks: ScannerHooks,
  ) {
    const perf = doc.defaultView?.performance;
    this.now = perf ? () => perf.now() : () => Date.now();
    this.shadowRootOf = hooks.shadowRootOf?.bind(hooks) ?? ((host) => host.shadowRoot);
  }

  /** Starts watching; safe to call at document_start, before <html> exists. */
  start(): void {
    if (this.doc.readyState === 'loading') {
      // Labels first, so a field finds the label parsed before it.
      this.live = ['label', 'input', 'textarea', 'select', 'div'].map((tag) => ({
        list: this.doc.getElementsByTagName(tag),
        seen: 0,
        last: null,
        // Rich-text editors (ProseMirror, Quill, Lexical, Slate, CKEditor, Draft.js) edit in a
        // contenteditable div; a recorder watching mutations while the page parses (Clarity)
        // would otherwise see it unmarked. Other editable tags are found at readyState
        // 'interactive' (classifyEditableHosts).
        editableOnly: tag === 'div',
      }));
    } else {
      this.parsed = true;
    }
    this.observe(this.doc);
    if (this.doc.documentElement) this.scanTree(this.doc.documentElement, true);
    if (this.live) this.scanParsedTail();
  }

  stop(): void {
    for (const o of this.observers) o.observer.disconnect();
    this.observers.length = 0;
    // Markers stay: they only ever keep a value out of a recording.
    this.markerObserver?.disconnect();
    this.markerObserver = null;
  }

  /**
   * The parser is done (DOMContentLoaded). Fields were classified as they
   * arrived; only those whose label had not arrived yet (a label after its
   * field, aria-labelledby pointing further down) are read again, and custom
   * elements upgraded since then are searched for shadow roots.
   */
  finishParsing(): void {
    const started = this.now();
    if (this.live) {
      this.scanParsedTail();
      // Safety net for insertions the tail check could not see (one out-of-order insert
      // cancelled by a removal): any control not classified yet is classified now.
      this.batch = new Set();
      for (const { list, editableOnly } of this.live.slice(1)) {
        if (editableOnly) continue;
        for (let i = 0; i < list.length; i++) {
          const el = list[i] as Element;
          if (!this.records.has(el)) this.classifyOnce(el);
        }
      }
      this.batch = null;
      this.classifyEditableHosts();
      this.live = null;
    }
    this.parsed = true;
    // Calling observe() again on the same node replaces its options: now watch text edits too.
    for (const { observer, root } of this.observers) {
      if (root) observer.observe(root, this.observerOptions(root));
    }
    if (this.attributeObserver) this.attributeObserver.observe(this.doc, this.attributeOptions());
    // Flags a page stripped while it was parsing are put back.
    for (const el of this.flagged) this.reassert(el);
    const healthChanged = this.readHeading();
    // Fields whose label may have arrived after them, and menus judged by options that may have
    // arrived after them, are read again; when the heading changed what the page is, the others
    // are judged again from what was read, and these not twice.
    const unlabelled = new Set<Element>();
    for (const el of this.known) {
      if (!el.isConnected) {
        this.known.delete(el);
        continue;
      }
      const descriptor = this.records.get(el)?.descriptor;
      if (descriptor && (descriptor.label === '' || readItsOptions(descriptor))) unlabelled.add(el);
    }
    if (healthChanged) this.reanalyzeAll(unlabelled);
    for (const el of unlabelled) this.classify(el);
    if (this.doc.documentElement) this.sweep(this.doc.documentElement);
    this.stats.lastRescanMs = this.now() - started;
    this.queuePageCheck();
  }

  /**
   * Rich-text fields (contenteditable) and menu widgets (an ARIA combobox or listbox) have no tag
   * of their own to follow while the document parses, so they are looked up in one query once
   * the parser is done: called when readyState turns 'interactive', before DOMContentLoaded, so
   * before recorders that take their first snapshot then (Clarity, rrweb started in the head)
   * see them.
   */
  classifyEditableHosts(): void {
    for (const el of this.doc.querySelectorAll(`[contenteditable], ${ARIA_MENU_SELECTOR}`)) {
      if (isFieldElement(el) && !this.records.has(el)) this.classify(el);
    }
  }

  /**
   * Classifies an already-loaded document from nothing (what a scanner started late would do):
   * the benchmark's "initial scan". Returns the milliseconds it took.
   */
  scanLoadedDocument(): number {
    const started = this.now();
    this.parsed = true;
    if (this.doc.documentElement) this.scanTree(this.doc.documentElement, true);
    return this.now() - started;
  }

  /** Re-reads every field with fresh context: headings or legends changed. */
  rescanAll(): void {
    const started = this.now();
    this.lastRescanAt = started;
    // The label index validates every hit, so it carries over; section text is read afresh.
    this.context = new ContextReader();
    this.readHeading();
    this.batch = new Set();
    try {
      for (const el of [...this.known]) {
        if (el.isConnected) this.classifyOnce(el);
        else this.known.delete(el);
      }
      if (this.doc.documentElement) this.sweep(this.doc.documentElement);
    } finally {
      this.batch = null;
    }
    this.stats.lastRescanMs = this.now() - started;
  }

  /**
   * A field's value changed: re-check it, locally. `whole` (paste, drop,
   * change on blur) reads the entire value and may lift a flag that no
   * longer applies; an ordinary keystroke reads only the text around the
   * caret and can only raise a flag, never lift one found earlier.
   */
  onValueChange(target: Element, whole = true): void {
    if (!isFieldElement(target)) return;
    // A key/value row's key names what its value box holds: judge that box again.
    const valueBox = valueBoxOf(target);
    const keyed = valueBox ? this.records.get(valueBox) : undefined;
    if (valueBox && keyed) this.judge(valueBox, keyed.descriptor);
    const record = this.records.get(target) ?? this.classify(target);
    if (!record) return;
    if (record.group) {
      this.classifyGroup(record.group, true);
      return;
    }
    // Flagged by what it means, a field stays flagged whatever is typed: a keystroke has nothing
    // to decide. The whole value is still read on change (blur), where it may refine the category.
    if (!whole && record.verdict.category !== null && !record.byValue) return;
    const started = this.now();
    const around = whole ? undefined : readValueAroundCaret(target);
    const partial = around !== undefined;
    const verdict = verdictWithValue(record.analysis, partial ? around : readFieldValue(target));
    const took = this.now() - started;
    this.stats.valueChecks++;
    this.stats.valueMs += took;
    if (partial && verdict.confidence <= record.verdict.confidence) return;
    this.applyVerdict(target, record, this.preferStronger(record, verdict));
  }

  /** This frame's findings, for the popup: no values, only categories and reasons. */
  findings(): Omit<FrameFindings, 'recorders'> {
    const counts = emptyCounts();
    const fields: FlaggedField[] = [];
    for (const el of this.flagged) {
      const record = this.records.get(el);
      if (!el.isConnected || !record?.verdict.category) {
        this.flagged.delete(el);
        continue;
      }
      counts[record.verdict.category]++;
      if (fields.length < MAX_REPORTED_FIELDS) {
        fields.push({
          category: record.verdict.category,
          confidence: record.verdict.confidence,
          reasons: record.verdict.reasons.slice(0, 6),
          byValue: record.byValue,
        });
      }
    }
    fields.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
    return {
      counts,
      fields,
      page: { confidential: this.page.confidential, reasons: this.pageReasons.slice(0, 6) },
    };
  }

  /** Runs the confidential-document check now (normally from idle time). */
  checkPage(): void {
    this.pageCheckQueued = false;
    this.lastPageCheckAt = this.now();
    const verdict = classifyPage(samplePage(this.doc));
    const healthChanged = this.readHeading();
    const healthQuestions = this.asksAboutHealth();
    const mostlyHealth = healthQuestions && this.asksMostlyAboutHealth();
    const changed =
      verdict.confidential !== this.page.confidential ||
      healthChanged ||
      healthQuestions !== this.page.healthQuestions ||
      mostlyHealth !== (this.page.mostlyHealth === true);
    this.page = { ...this.page, confidential: verdict.confidential, healthQuestions, mostlyHealth };
    this.pageReasons = verdict.reasons;
    const root = this.doc.documentElement;
    if (root) {
      if (verdict.confidential) {
        if (root.getAttribute(PAGE_ATTRIBUTE) !== 'confidential') {
          root.setAttribute(PAGE_ATTRIBUTE, 'confidential');
        }
      } else if (root.hasAttribute(PAGE_ATTRIBUTE)) {
        root.removeAttribute(PAGE_ATTRIBUTE);
      }
    }
    if (changed) this.reanalyzeAll();
    this.applyRegionMarkers();
    if (changed) this.hooks.onDocumentChange?.();
    this.hooks.onChange();
  }

  private queuePageCheck(): void {
    if (this.pageCheckQueued) return;
    this.pageCheckQueued = true;
    this.later(this.lastPageCheckAt, () => this.checkPage());
  }

  private queueRelabel(): void {
    if (this.relabelQueued || !this.parsed) return;
    this.relabelQueued = true;
    this.later(this.lastRescanAt, () => {
      this.relabelQueued = false;
      this.rescanAll();
    });
  }

  /** Idle-time work, no sooner than PAGE_WORK_INTERVAL_MS after the same work last ran. */
  private later(lastRunAt: number, task: () => void): void {
    const wait = lastRunAt + PAGE_WORK_INTERVAL_MS - this.now();
    if (wait > 0 && this.hooks.scheduleIdleAfter) this.hooks.scheduleIdleAfter(wait, task);
    else this.hooks.scheduleIdle(task);
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer((records) => this.onMutations(records, root));
    observer.observe(root, this.observerOptions(root));
    this.observers.push({ observer, root });
    if (root === this.doc) {
      // Attribute changes are rare and must be seen even while the document parses, when
      // the main observer does not read its records.
      const attributes = new Observer((records) => this.onMutations(records, null));
      this.attributeObserver = attributes;
      attributes.observe(root, this.attributeOptions());
      this.observers.push({ observer: attributes, root: null });
    }
  }

  // While the parser runs, Tally's own flag writes (thousands on a big form) would each come
  // back as a record; flags are verified once in finishParsing() instead.
  private attributeOptions(): MutationObserverInit {
    const filter = this.parsed
      ? RELABEL_ATTRIBUTES
      : RELABEL_ATTRIBUTES.filter((a) => a !== FIELD_ATTRIBUTE);
    return { attributes: true, subtree: true, attributeFilter: filter };
  }

  // Text edits matter only once the page is parsed (a label re-worded by a script); while the
  // parser runs they would add a record for every chunk of text it appends.
  private observerOptions(root: Node): MutationObserverInit {
    if (root === this.doc) return { childList: true, subtree: true, characterData: this.parsed };
    return {
      childList: true,
      subtree: true,
      characterData: this.parsed,
      attributes: true,
      attributeFilter: RELABEL_ATTRIBUTES,
    };
  }

  /**
   * While the parser runs, the document's new controls are read from live
   * tag lists instead of from mutation records: the parser appends in
   * document order, so only each list's tail is new, and the ~100,000
   * records a large page produces are never touched (each one read from an
   * isolated world costs wrappers and garbage). If anything other than an
   * append happened, the whole list is checked.
   */
  private scanParsedTail(): void {
    if (!this.live) return;
    this.batch = new Set();
    try {
      for (const live of this.live) {
        const { list, editableOnly } = live;
        const length = list.length;
        const appendedOnly =
          live.seen === 0 || (length >= live.seen && list[live.seen - 1] === live.last);
        for (let i = appendedOnly ? live.seen : 0; i < length; i++) {
          const el = list[i] as Element;
          if (editableOnly) {
            if (el.hasAttribute('contenteditable') && !this.records.has(el) && isFieldElement(el)) {
              this.classifyOnce(el);
            }
            continue;
          }
          // (Labels and form controls cannot host shadow roots: no need to look.)
          if (el.localName === 'label') this.labels.add(el);
          else if (appendedOnly || !this.known.has(el)) this.classifyOnce(el);
        }
        live.seen = length;
        live.last = length > 0 ? (list[length - 1] ?? null) : null;
      }
    } finally {
      this.batch = null;
    }
  }

  private onMutations(records: MutationRecord[], root: Node | null): void {
    if (this.pendingHosts.size > 0) this.flushPendingHosts();
    if (root === this.doc && this.live) {
      this.scanParsedTail();
      return;
    }
    const parsing = !this.parsed;
    let pageTextChanged = false;
    this.batch = new Set();
    try {
      for (let r = 0; r < records.length; r++) {
        const record = records[r] as MutationRecord;
        const type = record.type;
        if (type === 'childList') {
          const added = record.addedNodes;
          for (let i = 0; i < added.length; i++) {
            const node = added[i] as Node;
            if (node.nodeType === 1 && node.isConnected) this.scanTree(node as Element, !parsing);
          }
          if (parsing) continue;
          if (record.removedNodes.length > 0) this.hooks.onChange();
          pageTextChanged = true;
          this.noteTextChange(record.target);
        } else if (type === 'characterData') {
          pageTextChanged = true;
          this.noteTextChange(record.target);
        } else {
          this.onAttributeChange(record.target as Element, record.attributeName ?? '');
        }
      }
    } finally {
      this.batch = null;
    }
    if (pageTextChanged) this.queuePageCheck();
  }

  /**
   * Text changed inside a label or a menu (options filled in by a script): its field is re-read
   * now; inside a heading or legend, later.
   */
  private noteTextChange(target: Node): void {
    // The target is often a <form> (a row added to it): read without touching its own
    // properties (dom-access.ts).
    const el = nodeTypeOf(target) === 1 ? (target as Element) : parentElementOf(target);
    if (!el) return;
    if (this.anyReferenced) this.noteReferencedText(el);
    const owner = closestOf(el, 'select, label');
    if (owner && localNameOf(owner) === 'select') {
      this.classifyOnce(owner);
      return;
    }
    if (owner) {
      for (const field of this.fieldsOfLabel(owner)) this.classifyOnce(field);
      return;
    }
    if (closestOf(el, 'legend, h1, h2, h3, h4, h5, h6, [role="heading"], th')) {
      this.queueRelabel();
    }
  }

  /** Text changed inside an element that names or describes fields by id (aria-labelledby). */
  private noteReferencedText(el: Element): void {
    const byId = this.referenced.get(rootNodeOf(el));
    if (!byId) return;
    for (let n: Element | null = el, depth = 0; n && depth < 8; n = parentElementOf(n), depth++) {
      const id = idOf(n);
      if (!id) continue;
      const fields = byId.get(id);
      if (!fields) continue;
      const shared = fields.size > OWN_REFERENCE_FIELDS;
      for (const field of fields) {
        if (!field.isConnected) fields.delete(field);
        else if (shared) this.staleFields.add(field);
        else this.classifyOnce(field);
      }
      if (shared) this.queueStaleFields();
    }
  }

  private queueStaleFields(): void {
    if (this.staleQueued) return;
    this.staleQueued = true;
    this.later(this.lastStaleReadAt, () => {
      this.staleQueued = false;
      this.lastStaleReadAt = this.now();
      this.batch = new Set();
      try {
        for (const field of this.staleFields) if (field.isConnected) this.classifyOnce(field);
      } finally {
        this.batch = null;
        this.staleFields.clear();
      }
    });
  }

  /** Remembers which ids a field's name and description come from, to follow their text. */
  private rememberReferences(el: Element): void {
    const tree = rootNodeOf(el);
    for (const attribute of ['aria-labelledby', 'aria-describedby']) {
      const ids = el.getAttribute(attribute);
      if (!ids) continue;
      let byId = this.referenced.get(tree);
      if (!byId) this.referenced.set(tree, (byId = new Map()));
      this.anyReferenced = true;
      for (const id of ids.split(/\s+/)) {
        if (!id) continue;
        let fields = byId.get(id);
        if (!fields) byId.set(id, (fields = new Set()));
        fields.add(el);
      }
    }
  }

  private fieldsOfLabel(label: Element): Element[] {
    const fields: Element[] = [];
    const target = label.getAttribute('for');
    if (target) {
      const root = label.getRootNode() as Document | ShadowRoot;
      const field = 'getElementById' in root ? root.getElementById(target) : null;
      if (field && isFieldElement(field)) fields.push(field);
    }
    for (const inner of label.querySelectorAll(FIELD_SELECTOR)) fields.push(inner);
    return fields;
  }

  private onAttributeChange(el: Element, attribute: string): void {
    if (attribute === FIELD_ATTRIBUTE) {
      this.reassert(el);
      return;
    }
    if (attribute === 'for' && localNameOf(el) === 'label') {
      this.labels.add(el);
      for (const field of this.fieldsOfLabel(el)) this.classifyOnce(field);
      return;
    }
    if (isFieldElement(el)) this.classifyOnce(el);
    else if (attribute === 'contenteditable') {
      this.unflag(el);
      this.known.delete(el);
    }
  }

  /** Someone else changed our flag: put it back (a bounded number of times). */
  private reassert(el: Element): void {
    const record = this.records.get(el);
    const want = record?.verdict.category ?? null;
    // Any element a page wrote our flag on, a <form> too (dom-access.ts).
    const have = attributeOf(el, FIELD_ATTRIBUTE);
    if (have === want) return;
    if (record) {
      if (record.reassertions >= MAX_REASSERTIONS) return;
      record.reassertions++;
    }
    if (want) setAttributeOf(el, FIELD_ATTRIBUTE, want);
    else removeAttributeOf(el, FIELD_ATTRIBUTE);
  }

  /**
   * Classifies the fields in a subtree. `deep` also searches it for shadow
   * hosts: needed for script-built subtrees, not for the parser, which adds
   * (and reports) every element on its own.
   */
  private scanTree(root: Element, deep: boolean): void {
    // The root may be a <form> a script inserted: its own reads go through dom-access.ts.
    if (localNameOf(root) === 'label') this.labels.add(root);
    else if (isFieldElement(root)) this.classifyOnce(root);
    // Open roots only here: a closed one is announced by the MAIN-world hook when attached, and
    // the sweep below asks for it on uncommon tags; asking the extension API for every inserted
    // node cost a busy single-page app ≈ 10 ms a second.
    const shadow = shadowRootOf(root);
    if (shadow && !this.observedRoots.has(shadow)) this.scanShadowRoot(shadow);
    if (firstElementChildOf(root) !== null) {
      // One native query, indexed loops, labels indexed before the fields after them are read;
      // on a 5,000-field page separate queries (each a full traversal) and an iterator asking
      // every element what it is cost more than the classification itself.
      const found = querySelectorAllOf(root, `label[for], ${FIELD_SELECTOR}`);
      const fields: Element[] = [];
      for (let i = 0; i < found.length; i++) {
        const el = found[i] as Element;
        const tag = el.localName;
        if (tag === 'label') this.labels.add(el);
        else if (
          tag === 'input' ||
          tag === 'textarea' ||
          tag === 'select' ||
          isEditingHost(el) ||
          isAriaMenu(el)
        ) {
          fields.push(el);
        }
      }
      for (const el of fields) this.classifyOnce(el);
    }
    if (deep) this.sweep(root);
  }

  /**
   * One pass over a subtree for what the field query cannot find: flags a page wrote itself,
   * and shadow roots the mutation stream could not reveal (declarative shadow DOM, custom
   * elements upgraded in place). Walking every element from an isolated world costs a wrapper
   * per element (≈170 ms on 50,000 nodes), so common tags that rarely host a root are skipped
   * natively by the selector; roots attached later are announced by the MAIN-world hook.
   */
  private sweep(root: Element): void {
    if (hasAttributeOf(root, FIELD_ATTRIBUTE) && !this.records.get(root)?.verdict.category) {
      removeAttributeOf(root, FIELD_ATTRIBUTE);
    }
    const found = querySelectorAllOf(root, `${POSSIBLE_SHADOW_HOSTS}, [${FIELD_ATTRIBUTE}]`);
    for (let i = 0; i < found.length; i++) {
      const el = found[i] as Element;
      const shadow = this.shadowRootOf(el);
      if (shadow && !this.observedRoots.has(shadow)) this.scanShadowRoot(shadow);
      if (hasAttributeOf(el, FIELD_ATTRIBUTE) && !this.records.get(el)?.verdict.category) {
        removeAttributeOf(el, FIELD_ATTRIBUTE);
      }
    }
  }

  /**
   * A host got a shadow root while detached (a custom element the parser is constructing). Its
   * root is scanned at the start of the next observer callback, which runs before any page
   * observer's: by then the host is inserted and its constructor has filled the root.
   */
  onDetachedShadowHost(host: Element): void {
    if (this.pendingHosts.size >= MAX_PENDING_HOSTS) this.pendingHosts.clear();
    this.pendingHosts.add(host);
  }

  private flushPendingHosts(): void {
    for (const host of this.pendingHosts) {
      if (!host.isConnected) continue; // inserted later: its childList record will bring it
      this.pendingHosts.delete(host);
      this.onShadowAttached(host);
    }
  }

  /** A host announced a new shadow root (MAIN-world hook, or any event that says so). */
  onShadowAttached(host: Element): void {
    const shadow = this.shadowRootOf(host);
    if (shadow && !this.observedRoots.has(shadow)) this.scanShadowRoot(shadow);
  }

  /**
   * Focus moved to `target` (as the document sees it: a shadow host, if the focus is inside a
   * shadow tree), along `path` (the event's composed path). A shadow root that nothing announced
   * is scanned now, before the first keystroke: declarative shadow DOM on a common tag (a `div`
   * or `span` host, which the sweep skips for speed), or one made by `setHTMLUnsafe`.
   */
  onFocus(target: Element, path: readonly EventTarget[]): void {
    if (this.records.has(target)) return; // a field in the document, known already
    this.onShadowAttached(target); // a closed root hides its inside: its host is the target
    for (const node of path) {
      if (node instanceof ShadowRoot && !this.observedRoots.has(node)) this.scanShadowRoot(node);
    }
  }

  private scanShadowRoot(shadow: ShadowRoot): void {
    this.observe(shadow);
    for (const el of shadow.querySelectorAll('label[for]')) this.labels.add(el);
    for (const child of shadow.children) this.scanTree(child, true);
  }

  /** Classifies a field unless this mutation batch already did. */
  private classifyOnce(el: Element): void {
    if (this.batch) {
      if (this.batch.has(el)) return;
      this.batch.add(el);
    }
    this.classify(el);
  }

  /** Classifies one field by what it means, then by its value; returns its record. */
  private classify(el: Element): FieldRecord | undefined {
    const started = this.now();
    if (!this.headingRead) this.readHeading();
    const descriptor = describeField(el, this.labels, this.context);
    if (descriptor.kind === 'ignored') {
      this.unflag(el);
      this.known.delete(el);
      return undefined;
    }
    this.known.add(el);
    if (el.hasAttribute('aria-labelledby') || el.hasAttribute('aria-describedby')) {
      this.rememberReferences(el);
    }
    const record = this.judge(el, descriptor);
    this.stats.fieldsClassified++;
    this.stats.classifyMs += this.now() - started;
    if (descriptor.maxLength >= 2 && descriptor.maxLength <= 4) this.checkSplitSsn(el);
    return record;
  }

  /** Decides a field from its descriptor (by meaning, then by its value) and applies the verdict. */
  private judge(el: Element, descriptor: FieldDescriptor): FieldRecord {
    const analysis = analyzeField(descriptor, this.page);
    const byMeaning = verdictWithValue(analysis, undefined);
    const value = readFieldValue(el);
    const withValue = value && value.trim() !== '' ? verdictWithValue(analysis, value) : byMeaning;
    const verdict = withValue.confidence > byMeaning.confidence ? withValue : byMeaning;
    // One record per field for its lifetime: re-classifying updates it in place.
    let record = this.records.get(el);
    if (record) {
      record.descriptor = descriptor;
      record.analysis = analysis;
    } else {
      record = { descriptor, analysis, verdict: NO_VERDICT, byValue: false, reassertions: 0 };
      this.records.set(el, record);
    }
    record.byValue = byMeaning.category === null && verdict.category !== null;
    // One question's answers share its health, decided before the flag is written so that a
    // re-judged answer is not unflagged and flagged again.
    const answers =
      descriptor.kind === 'choice' && descriptor.name !== ''
        ? this.answersTo(el, descriptor.name)
        : undefined;
    record.byAnswerGroup =
      answers !== undefined &&
      verdict.category === null &&
      answers.anotherIsHealth(el, this.isOwnHealth);
    this.applyVerdict(el, record, record.byAnswerGroup ? SAME_QUESTION_VERDICT : verdict);
    if (answers?.noteJudged(el, ownHealth(record), this.isOwnHealth)) this.spreadHealth(answers);
    // A box of a 3-2-4 SSN is judged with its group, whatever made it be judged again.
    if (record.group) this.classifyGroup(record.group, false);
    if (!this.page.healthQuestions && asksAboutHealthItself(analysis, verdict)) {
      this.noteHealthQuestion();
    }
    return record;
  }

  /**
   * The first field that asks about health by its own words: from now on the page asks health
   * questions, so a "Weight" or "Temperature" box is health data. Set here, in the same callback,
   * rather than at the next page check in idle time, so that a body measurement parsed before
   * the question is marked before a recorder's next look; only fields flagged nothing so far can
   * change. Turned off again only by the page check (once the questions are gone), so this runs
   * at most once per check.
   */
  private noteHealthQuestion(): void {
    this.page = { ...this.page, healthQuestions: true };
    for (const el of this.known) {
      const record = this.records.get(el);
      if (record && record.verdict.category === null && el.isConnected) {
        this.judge(el, withContext(record.descriptor, this.context));
      }
    }
  }

  /** Whether some flagged field asks about health by its own words ("Any of these symptoms?"). */
  private asksAboutHealth(): boolean {
    for (const el of this.flagged) {
      const record = el.isConnected ? this.records.get(el) : undefined;
      if (record && asksAboutHealthItself(record.analysis, record.verdict)) return true;
    }
    return false;
  }

  /**
   * Whether at least three of the page's questions, and half of them, ask about health by their
   * own words (prose boxes and search boxes are not questions). Read in idle time, with the other
   * page checks: a loop over the page's fields, at most once a second.
   */
  private asksMostlyAboutHealth(): boolean {
    let questions = 0;
    let health = 0;
    for (const el of this.known) {
      const record = el.isConnected ? this.records.get(el) : undefined;
      if (!record || isProseBox(record.descriptor) || record.descriptor.type === 'search') continue;
      questions++;
      // An answer is health with its question's other answers ("Light" beside "No flow").
      if (record.byAnswerGroup === true || asksAboutHealthItself(record.analysis, record.verdict)) {
        health++;
      }
    }
    return health >= MOSTLY_HEALTH_MIN && health * 2 >= questions;
  }

  /**
   * Reads the page's title and first heading; returns whether that turned the page into a health
   * page or out of one, which changes what free text and "Weight" boxes mean.
   */
  private readHeading(): boolean {
    this.headingRead = true;
    const before = isHealthPage(this.page);
    this.page = { ...this.page, heading: pageHeading(this.doc) };
    return isHealthPage(this.page) !== before && this.known.size > 0;
  }

  /**
   * The page's confidentiality or health-ness changed: every field is judged again in its
   * new context, from what was already read of it (labels and attributes
   * have their own observers), without reading the DOM again.
   */
  private reanalyzeAll(except: ReadonlySet<Element> = NO_ELEMENTS): void {
    this.context = new ContextReader();
    for (const el of [...this.known]) {
      if (except.has(el)) continue;
      const record = this.records.get(el);
      if (!el.isConnected || !record) this.known.delete(el);
      else this.judge(el, withContext(record.descriptor, this.context));
    }
  }

  /** Keeps the surer of two verdicts; a value check never removes a flag given by meaning. */
  private preferStronger(record: FieldRecord, fromValue: Verdict): Verdict {
    const own = verdictWithValue(record.analysis, undefined);
    // Ticking "None of the above" keeps what its question made it.
    const byMeaning = record.byAnswerGroup && own.category === null ? SAME_QUESTION_VERDICT : own;
    record.byValue = byMeaning.category === null && fromValue.category !== null;
    return fromValue.confidence >= byMeaning.confidence ? fromValue : byMeaning;
  }

  private applyVerdict(el: Element, record: FieldRecord, verdict: Verdict): void {
    const before = record.verdict;
    record.verdict = verdict;
    const have = el.getAttribute(FIELD_ATTRIBUTE);
    if (verdict.category) {
      if (have !== verdict.category) el.setAttribute(FIELD_ATTRIBUTE, verdict.category);
      this.flagged.add(el);
      this.applyRedaction(el, verdict.category);
    } else {
      if (have !== null) el.removeAttribute(FIELD_ATTRIBUTE);
      this.flagged.delete(el);
      this.markers.unmark(el);
    }
    if (before.category !== verdict.category) this.hooks.onFlag?.(el, verdict.category);
    if (before.category !== verdict.category || !sameItems(before.reasons, verdict.reasons)) {
      this.hooks.onChange();
    }
  }

  /** Recorder markers on a flagged field, unless the policy turned its category's redaction off. */
  private applyRedaction(el: Element, category: Category): void {
    if (this.redaction[category]) {
      this.markers.mark(el);
      this.watchMarkers(el);
    } else this.markers.unmark(el);
  }

  /**
   * Which categories get recorder markers (the organisation's policy). Until the
   * background has said, every category does: marking too much is the safe side.
   */
  setRedaction(redaction: Readonly<Record<Category, boolean>>): void {
    if (CATEGORIES.every((c) => this.redaction[c] === redaction[c])) return;
    this.redaction = { ...redaction };
    for (const el of this.flagged) {
      const category = this.records.get(el)?.verdict.category;
      if (category) this.applyRedaction(el, category);
    }
    this.applyRegionMarkers();
  }

  /** The fields flagged now (connected ones; the set is pruned as the page changes). */
  flaggedFields(): Element[] {
    return [...this.flagged].filter((el) => el.isConnected);
  }

  /** Tally's own verdict on `el` (never read back from the page's attributes). */
  categoryOf(el: Element): Category | null {
    return this.records.get(el)?.verdict.category ?? null;
  }

  /** Why a flagged field is flagged (the indicator's tooltip); empty for any other element. */
  reasonsOf(el: Element): readonly string[] {
    const verdict = this.records.get(el)?.verdict;
    return verdict?.category ? verdict.reasons : [];
  }

  /** The region a confidential document's blocking markers go on: its main content, or the body. */
  documentRegion(): Element | null {
    if (!this.page.confidential) return null;
    return this.doc.querySelector('main, [role="main"], article') ?? this.doc.body;
  }

  private applyRegionMarkers(): void {
    const region =
      this.page.confidential && this.redaction.confidential ? this.documentRegion() : null;
    if (this.regionMarked && this.regionMarked !== region) {
      this.regionMarkers.unmark(this.regionMarked);
      this.regionMarked = null;
    }
    if (region) {
      this.regionMarkers.mark(region);
      this.regionMarked = region;
    }
  }

  /** A re-render that rewrites a flagged field's classes, or a script unmasking it, is undone. */
  private watchMarkers(el: Element): void {
    if (this.markerWatched.has(el)) return;
    this.markerWatched.add(el);
    if (!this.markerObserver) {
      const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
      this.markerObserver = new Observer((records) => {
        for (const record of records) {
          const name = record.attributeName;
          if (name !== null && WATCHED_MARKERS.has(name)) {
            this.markers.reassert(record.target as Element);
          }
        }
      });
    }
    this.markerObserver.observe(el, MARKER_WATCH);
  }

  private unflag(el: Element): void {
    const record = this.records.get(el);
    if (record) this.applyVerdict(el, record, NO_VERDICT);
    else if (el.hasAttribute(FIELD_ATTRIBUTE)) el.removeAttribute(FIELD_ATTRIBUTE);
    this.records.delete(el);
  }

  /** The answers to one question (see AnswerGroup), `el` among them. */
  private answersTo(el: Element, name: string): AnswerGroup {
    const scope: Node = closestOf(el, 'form') ?? rootNodeOf(el);
    let groups = this.answerGroups.get(scope);
    if (!groups) this.answerGroups.set(scope, (groups = new Map()));
    let answers = groups.get(name);
    if (!answers) groups.set(name, (answers = new AnswerGroup()));
    answers.join(el);
    return answers;
  }

  /** Flags the answers whose own words say nothing as health, like the answer that does. */
  private spreadHealth(answers: AnswerGroup): void {
    for (const other of answers.connected()) {
      const theirs = this.records.get(other);
      if (!theirs || theirs.verdict.category !== null) continue;
      theirs.byAnswerGroup = true;
      this.applyVerdict(other, theirs, SAME_QUESTION_VERDICT);
    }
  }

  /** Three boxes of 3, 2 and 4 characters next to each other are one SSN. */
  private checkSplitSsn(el: Element): void {
    // Usually a <form>: queried without touching its own properties (dom-access.ts).
    const parent = parentElementOf(el);
    const container =
      el.closest('form, fieldset, [role="group"]') ?? (parent ? parentElementOf(parent) : null);
    if (!container) return;
    // Only fields classified so far count, as they arrive: the third box completes the group.
    const [a, b, c] = runAround(el, container, this.widthOf, SPLIT_WIDTHS) ?? [];
    if (!a || !b || !c) return;
    const group = [a, b, c] as const;
    for (const box of group) {
      const record = this.records.get(box);
      if (record) record.group = group;
    }
    this.classifyGroup(group, false);
  }

  private classifyGroup(group: readonly [Element, Element, Element], withValues: boolean): void {
    const records = group.map((b) => this.records.get(b));
    const [a, b, c] = records;
    if (!a || !b || !c) return;
    const values = withValues
      ? ([
          readFieldValue(group[0]) ?? '',
          readFieldValue(group[1]) ?? '',
          readFieldValue(group[2]) ?? '',
        ] as const)
      : undefined;
    const verdict = classifySplitSsn([a.descriptor, b.descriptor, c.descriptor], this.page, values);
    group.forEach((box, i) => {
      const record = records[i];
      if (record && verdict.confidence >= record.verdict.confidence) {
        this.applyVerdict(box, record, verdict);
      }
    });
  }
}
