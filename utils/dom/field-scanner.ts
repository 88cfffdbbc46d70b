import { CATEGORIES } from '../detection/categories';
import {
  analyzeField,
  verdictWithValue,
  NO_VERDICT,
  type FieldAnalysis,
  type Verdict,
} from '../detection/classify-field';
import { classifyPage } from '../detection/classify-page';
import { EMPTY_PAGE, type FieldDescriptor, type PageContext } from '../detection/field-descriptor';
import { classifySplitSsn, findSplitSsnRuns } from '../detection/split-ssn';
import {
  emptyCounts,
  MAX_REPORTED_FIELDS,
  type FlaggedField,
  type FrameFindings,
} from '../findings/frame-findings';
import { describeField } from './describe-field';
import { ContextReader } from './field-context';
import { FIELD_OR_LABEL_SELECTOR, FIELD_SELECTOR, isFieldElement } from './field-elements';
import { readFieldValue } from './field-elements';
import { LabelIndex } from './label-index';
import { pageHeading, samplePage } from './page-sample';

/** The DOM contract other parts and tests rely on (README, "Content-script contract"). */
export const FIELD_ATTRIBUTE = 'data-tally-sensitive';
export const PAGE_ATTRIBUTE = 'data-tally-page';

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
// A page that keeps stripping our flag is not fought forever.
const MAX_REASSERTIONS = 20;

interface FieldRecord {
  descriptor: FieldDescriptor;
  analysis: FieldAnalysis;
  verdict: Verdict;
  byValue: boolean;
  reassertions: number;
  /** The 3-2-4 group this box belongs to, if any. */
  group?: readonly [Element, Element, Element];
}

export interface ScannerHooks {
  /** Called after any flag changed; the caller batches reporting. */
  onChange(): void;
  /** Runs page-level work later, when the page is idle. */
  scheduleIdle(task: () => void): void;
}

export interface ScanStats {
  fieldsClassified: number;
  classifyMs: number;
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
  private labels = new LabelIndex();
  private context = new ContextReader();
  private readonly records = new WeakMap<Element, FieldRecord>();
  private readonly flagged = new Set<Element>();
  private readonly observedRoots = new WeakSet<Node>();
  private readonly observers: MutationObserver[] = [];
  private page: PageContext = EMPTY_PAGE;
  private pageReasons: readonly string[] = [];
  private pageCheckQueued = false;
  private relabelQueued = false;
  readonly stats: ScanStats = { fieldsClassified: 0, classifyMs: 0, valueChecks: 0, valueMs: 0 };
  private readonly now: () => number;

  constructor(
    private readonly doc: Document,
    private readonly hooks: ScannerHooks,
  ) {
    const perf = doc.defaultView?.performance;
    this.now = perf ? () => perf.now() : () => Date.now();
  }

  /** Starts watching; safe to call at document_start, before <html> exists. */
  start(): void {
    this.observe(this.doc);
    if (this.doc.documentElement) this.scanSubtree(this.doc.documentElement);
  }

  stop(): void {
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
  }

  /** Re-reads every field with fresh context: the document finished parsing, or labels changed. */
  rescanAll(): void {
    this.labels = new LabelIndex();
    this.context = new ContextReader();
    this.page = { ...this.page, heading: pageHeading(this.doc) };
    if (this.doc.documentElement) this.scanSubtree(this.doc.documentElement);
    this.queuePageCheck();
  }

  /** A field's value changed (input, change, autofill): re-check it, locally. */
  onValueChange(target: Element): void {
    if (!isFieldElement(target)) return;
    const record = this.records.get(target) ?? this.classify(target);
    if (!record) return;
    if (record.group) {
      this.classifyGroup(record.group, true);
      return;
    }
    const started = this.now();
    const value = readFieldValue(target);
    const verdict = verdictWithValue(record.analysis, value);
    this.stats.valueChecks++;
    this.stats.valueMs += this.now() - started;
    this.applyVerdict(target, record, this.preferStronger(record, verdict));
  }

  /** This frame's findings, for the popup: no values, only categories and reasons. */
  findings(): FrameFindings {
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
    const verdict = classifyPage(samplePage(this.doc));
    const heading = pageHeading(this.doc);
    const changed = verdict.confidential !== this.page.confidential;
    this.page = { heading, confidential: verdict.confidential };
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
    if (changed) this.rescanAll();
    this.hooks.onChange();
  }

  private queuePageCheck(): void {
    if (this.pageCheckQueued) return;
    this.pageCheckQueued = true;
    this.hooks.scheduleIdle(() => this.checkPage());
  }

  private queueRelabel(): void {
    if (this.relabelQueued || this.doc.readyState === 'loading') return;
    this.relabelQueued = true;
    this.hooks.scheduleIdle(() => {
      this.relabelQueued = false;
      this.rescanAll();
    });
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer((records) => this.onMutations(records));
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: RELABEL_ATTRIBUTES,
    });
    this.observers.push(observer);
  }

  private onMutations(records: MutationRecord[]): void {
    let pageTextChanged = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.nodeType === 1) this.scanSubtree(node as Element);
        }
        if (record.removedNodes.length > 0) this.hooks.onChange();
        pageTextChanged = true;
        this.noteTextChange(record.target);
      } else if (record.type === 'characterData') {
        pageTextChanged = true;
        this.noteTextChange(record.target);
      } else if (record.type === 'attributes') {
        this.onAttributeChange(record.target as Element, record.attributeName ?? '');
      }
    }
    if (pageTextChanged && this.doc.readyState !== 'loading') this.queuePageCheck();
  }

  /** Text changed inside a label: its field is re-read now; inside a heading or legend, later. */
  private noteTextChange(target: Node): void {
    const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (!el) return;
    const label = el.closest('label');
    if (label) {
      for (const field of this.fieldsOfLabel(label)) this.classify(field);
      return;
    }
    if (el.closest('legend, h1, h2, h3, h4, h5, h6, [role="heading"], th')) this.queueRelabel();
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
    if (attribute === 'for' && el.localName === 'label') {
      this.labels.add(el);
      for (const field of this.fieldsOfLabel(el)) this.classify(field);
      return;
    }
    if (isFieldElement(el)) this.classify(el);
    else if (attribute === 'contenteditable') this.unflag(el);
  }

  /** Someone else changed our flag: put it back (a bounded number of times). */
  private reassert(el: Element): void {
    const record = this.records.get(el);
    const want = record?.verdict.category ?? null;
    const have = el.getAttribute(FIELD_ATTRIBUTE);
    if (have === want) return;
    if (record) {
      if (record.reassertions >= MAX_REASSERTIONS) return;
      record.reassertions++;
    }
    if (want) el.setAttribute(FIELD_ATTRIBUTE, want);
    else el.removeAttribute(FIELD_ATTRIBUTE);
  }

  private scanSubtree(root: Element): void {
    if (root.localName === 'label') this.labels.add(root);
    else if (isFieldElement(root)) this.classify(root);
    if (root.shadowRoot) this.scanShadowRoot(root.shadowRoot);
    if (root.firstElementChild === null) return;
    for (const el of root.querySelectorAll(FIELD_OR_LABEL_SELECTOR)) {
      if (el.localName === 'label') this.labels.add(el);
    }
    for (const el of root.querySelectorAll(FIELD_SELECTOR)) {
      if (isFieldElement(el)) this.classify(el);
    }
    // Shadow hosts are rare; only elements that can host a root are checked.
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) this.scanShadowRoot(el.shadowRoot);
    }
  }

  private scanShadowRoot(shadow: ShadowRoot): void {
    this.observe(shadow);
    for (const el of shadow.querySelectorAll('label[for]')) this.labels.add(el);
    for (const child of shadow.children) this.scanSubtree(child);
  }

  /** Classifies one field by what it means, then by its value; returns its record. */
  private classify(el: Element): FieldRecord | undefined {
    const started = this.now();
    const descriptor = describeField(el, this.labels, this.context);
    if (descriptor.kind === 'ignored') {
      this.unflag(el);
      return undefined;
    }
    const analysis = analyzeField(descriptor, this.page);
    const byMeaning = verdictWithValue(analysis, undefined);
    const value = readFieldValue(el);
    const withValue = value && value.trim() !== '' ? verdictWithValue(analysis, value) : byMeaning;
    const previous = this.records.get(el);
    const record: FieldRecord = {
      descriptor,
      analysis,
      verdict: NO_VERDICT,
      byValue: false,
      reassertions: previous?.reassertions ?? 0,
      ...(previous?.group ? { group: previous.group } : {}),
    };
    this.records.set(el, record);
    const verdict = withValue.confidence > byMeaning.confidence ? withValue : byMeaning;
    record.byValue = byMeaning.category === null && verdict.category !== null;
    this.applyVerdict(el, record, verdict);
    this.stats.fieldsClassified++;
    this.stats.classifyMs += this.now() - started;
    if (descriptor.maxLength >= 2 && descriptor.maxLength <= 4) this.checkSplitSsn(el);
    return record;
  }

  /** Keeps the surer of two verdicts; a value check never removes a flag given by meaning. */
  private preferStronger(record: FieldRecord, fromValue: Verdict): Verdict {
    const byMeaning = verdictWithValue(record.analysis, undefined);
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
    } else {
      if (have !== null) el.removeAttribute(FIELD_ATTRIBUTE);
      this.flagged.delete(el);
    }
    if (before.category !== verdict.category || before.reasons.join() !== verdict.reasons.join()) {
      this.hooks.onChange();
    }
  }

  private unflag(el: Element): void {
    const record = this.records.get(el);
    if (record) this.applyVerdict(el, record, NO_VERDICT);
    else if (el.hasAttribute(FIELD_ATTRIBUTE)) el.removeAttribute(FIELD_ATTRIBUTE);
    this.records.delete(el);
  }

  /** Three boxes of 3, 2 and 4 characters next to each other are one SSN. */
  private checkSplitSsn(el: Element): void {
    const container =
      el.closest('form, fieldset, [role="group"]') ?? el.parentElement?.parentElement;
    if (!container) return;
    const boxes = [...container.querySelectorAll(FIELD_SELECTOR)].filter(
      (f) => this.records.get(f)?.descriptor.kind !== undefined,
    );
    const widths = boxes.map((b) => this.records.get(b)?.descriptor.maxLength ?? -1);
    for (const start of findSplitSsnRuns(widths)) {
      const group = boxes.slice(start, start + 3) as [Element, Element, Element];
      if (!group.includes(el)) continue;
      for (const box of group) {
        const record = this.records.get(box);
        if (record) record.group = group;
      }
      this.classifyGroup(group, false);
    }
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
