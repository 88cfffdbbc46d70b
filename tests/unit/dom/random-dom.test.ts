// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/utils/detection/categories';
import { FIELD_ATTRIBUTE, FieldScanner } from '@/utils/dom/field-scanner';

// No <select> or <form>: happy-dom hands out a proxy, not the element, as a MutationRecord's
// target for those two (checked: `record.target === form` is false), which breaks
// identity-keyed maps in a way Chrome never does. Both are covered in Chromium by the corpus.
const TAGS = [
  'div',
  'span',
  'p',
  'label',
  'input',
  'textarea',
  'option',
  'fieldset',
  'legend',
  'h2',
  'table',
  'tr',
  'td',
  'section',
  'x-widget',
  'svg',
  'template',
  'article',
];
const ATTRS = [
  'id',
  'for',
  'name',
  'type',
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'placeholder',
  'autocomplete',
  'maxlength',
  'pattern',
  'contenteditable',
  'title',
  'role',
  'hidden',
  'aria-hidden',
  'value',
  FIELD_ATTRIBUTE,
];
const WORDS = [
  'SSN',
  'Social Security',
  'card number',
  'Diagnosis',
  'password',
  'f1',
  'f2',
  'x',
  '3',
  '-1',
  '',
  '<',
  '"',
  'CONFIDENTIAL',
  'ZIP',
  'notes',
  'token',
  '∅',
  '\u0000',
];

interface RandomNode {
  tag: string;
  attrs: Array<[string, string]>;
  text: string;
  children: RandomNode[];
}

const { node: randomNode } = fc.letrec<{ node: RandomNode }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(
      fc.tuple(fc.constantFrom(...ATTRS), fc.oneof(fc.constantFrom(...WORDS), fc.string())),
      { maxLength: 4 },
    ),
    text: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 20 })),
    children: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'dom' },
      fc.constant<RandomNode[]>([]),
      fc.array(tie('node') as fc.Arbitrary<RandomNode>, { maxLength: 3 }),
    ),
  }),
}));

function build(doc: Document, spec: RandomNode): Element {
  const el = doc.createElement(spec.tag);
  for (const [name, value] of spec.attrs) el.setAttribute(name, value);
  if (spec.text) el.append(doc.createTextNode(spec.text));
  for (const child of spec.children) el.append(build(doc, child));
  return el;
}

// Not in WORDS, and fc.string() draws printable ASCII.
const TYPED_MARK = '\u24e5';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('random DOMs', () => {
  it('never throw, and flags always match what the scanner reports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomNode, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        // Marked with a letter no random label holds, so that finding the value in the findings
        // means it leaked, not that a label or a reason ("field name …") happens to spell it.
        fc.string().map((s) => `${TYPED_MARK}${s}`),
        async (trees, edits, typed) => {
          document.body.replaceChildren();
          document.documentElement.removeAttribute('data-tally-page');
          const idle: Array<() => void> = [];
          const scanner = new FieldScanner(document, {
            onChange: () => {},
            scheduleIdle: (t) => idle.push(t),
          });
          document.body.append(build(document, trees[0] as RandomNode));
          scanner.start();
          for (const tree of trees.slice(1)) document.body.append(build(document, tree));
          await flush();
          // Random edits: remove a node, re-label a field, type into a field.
          const all = [...document.body.querySelectorAll('*')];
          for (const n of edits) {
            const target = all[n % Math.max(1, all.length)];
            if (!target) continue;
            if (n % 3 === 0) target.remove();
            else if (n % 3 === 1) target.setAttribute('aria-label', WORDS[n % WORDS.length] ?? '');
            else if ('value' in target) {
              (target as HTMLInputElement).value = typed;
              scanner.onValueChange(target);
            }
          }
          await flush();
          scanner.finishParsing();
          for (const task of idle.splice(0)) task();
          await flush();

          const flagged = [...document.querySelectorAll(`[${FIELD_ATTRIBUTE}]`)];
          for (const el of flagged) expect(CATEGORIES).toContain(el.getAttribute(FIELD_ATTRIBUTE));
          const findings = scanner.findings();
          const reported = CATEGORIES.reduce((n, c) => n + findings.counts[c], 0);
          expect(reported).toBe(flagged.length);
          if (typed.length >= 4) expect(JSON.stringify(findings)).not.toContain(typed);
          scanner.stop();
        },
      ),
      { numRuns: 150 },
    );
  });
});
