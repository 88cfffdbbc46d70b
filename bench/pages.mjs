// Synthetic benchmark pages, generated so their size is exact and reproducible.

const LABELS = [
  'First name',
  'Last name',
  'Email',
  'Street address',
  'City',
  'ZIP code',
  'Phone',
  'Company',
  'Social Security number',
  'Card number',
  'Diagnosis',
  'Password',
  'Routing number',
  'Job title',
  'Order number',
  'Notes',
  'Member ID',
  'Country',
  'Quantity',
  'API token',
];

/** A static form with `fields` controls in about `nodes` nodes (labels, wrappers, headings, filler). */
export function bigFormPage({ fields = 5000, nodes = 50_000 } = {}) {
  const perField = Math.max(1, Math.floor(nodes / fields));
  const rows = [];
  for (let i = 0; i < fields; i++) {
    if (i % 50 === 0) rows.push(`<h3>Section ${i / 50 + 1}</h3>`);
    const label = LABELS[i % LABELS.length];
    // Each row: div > (label > text) + input + filler spans to reach the node budget.
    const filler = '<span>·</span>'.repeat(Math.max(0, Math.floor((perField - 5) / 2)));
    rows.push(
      `<div class="row"><label for="f${i}">${label} ${i}</label><input id="f${i}" name="field_${i}">${filler}</div>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big form</title></head><body><h1>Big form</h1><form>${rows.join('\n')}</form></body></html>`;
}

/**
 * Two fields to type into: one flagged by its label (#t), and an ordinary notes box (#n) whose
 * every keystroke runs the value backstop.
 */
export function typingPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Typing</title></head><body><label for="t">Medical history notes</label><textarea id="t" rows="8" cols="80"></textarea><label for="n">Notes</label><textarea id="n" rows="8" cols="80"></textarea></body></html>`;
}
