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
 * A flat form of `fields` boxes tied to their names by place alone, the shapes whose lookups once
 * went quadratic (docs/detection.md, "How UI kits tie labels to boxes"): labels without `for`
 * side by side with their boxes in one `<form>`, floating labels after their boxes in wrappers of
 * their own, and unlabelled boxes side by side in one container.
 */
export function flatFormPage({ fields = 3000 } = {}) {
  const third = Math.floor(fields / 3);
  const side = [];
  const floating = [];
  const bare = [];
  for (let i = 0; i < third; i++) {
    const label = LABELS[i % LABELS.length];
    side.push(`<label>${label} ${i}</label><input name="a${i}">`);
    floating.push(
      `<div class="float"><input name="b${i}"><span class="line"></span><label>${label} ${i}</label></div>`,
    );
    bare.push(`<input name="c${i}">`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flat form</title></head><body><h1>Flat form</h1><form>${side.join('')}</form><form>${floating.join('\n')}</form><div>${bare.join('')}</div></body></html>`;
}

/**
 * A timesheet grid of `rows` rows, the shape of a big admin table: a select checkbox sharing one
 * name on every row, five hour boxes of four characters, a project menu and a note. Names shared
 * by a whole column and many short boxes side by side are what made Tally quadratic once
 * (docs/detection.md, "Pages with thousands of rows").
 */
export function dataGridPage({ rows = 1000 } = {}) {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
  const body = [];
  for (let i = 0; i < rows; i++) {
    const hours = days
      .map(
        (d) =>
          `<td><input name="hours[${i}][${d}]" maxlength="4" size="4" inputmode="decimal"></td>`,
      )
      .join('');
    body.push(
      `<tr><td><input type="checkbox" name="ids[]" value="${i}" aria-label="Select row ${i + 1}"></td><td>Employee ${i + 1}</td>${hours}<td><select name="project[${i}]"><option>Apollo</option><option>Borealis</option><option>Cygnus</option></select></td><td><input name="note[${i}]"></td></tr>`,
    );
  }
  const head = `<tr><th></th><th>Name</th>${days.map((d) => `<th>${d}</th>`).join('')}<th>Project</th><th>Note</th></tr>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timesheets</title></head><body><h1>Team timesheets</h1><form><table><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table></form></body></html>`;
}

/**
 * Two fields to type into: one flagged by its label (#t), and an ordinary notes box (#n) whose
 * every keystroke runs the value backstop.
 */
export function typingPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Typing</title></head><body><label for="t">Medical history notes</label><textarea id="t" rows="8" cols="80"></textarea><label for="n">Notes</label><textarea id="n" rows="8" cols="80"></textarea></body></html>`;
}

/**
 * A single-page app making `perSecond` DOM mutations a second for `seconds`: every 10 ms it
 * replaces one row of a form (a label and an input, a third of them sensitive), re-words a
 * heading and toggles classes on a few cells. `window.spaDone` turns true at the end.
 */
export function spaPage({ perSecond = 1000, seconds = 10 } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title></head>
<body><h1 id="h">Dashboard</h1><form id="f"></form><div id="cells">${'<span class="c">·</span>'.repeat(200)}</div>
<script>
const labels = ['First name', 'Social Security number', 'Notes', 'Diagnosis', 'City', 'Card number'];
const form = document.getElementById('f');
const cells = document.querySelectorAll('.c');
let n = 0;
const perTick = ${Math.max(1, Math.round(perSecond / 100))};
const ticks = ${seconds * 100};
window.spaDone = false;
window.mutations = 0;
const tick = () => {
  for (let i = 0; i < perTick; i++) {
    const k = n++;
    if (k % 4 === 0) {
      const row = document.createElement('p');
      row.innerHTML = '<label for="r' + k + '">' + labels[k % labels.length] + '</label><input id="r' + k + '">';
      form.append(row);
      if (form.children.length > 60) form.firstElementChild.remove();
    } else if (k % 4 === 1) document.getElementById('h').textContent = 'Dashboard ' + k;
    else cells[k % cells.length].classList.toggle('on');
    window.mutations++;
  }
  if (n < perTick * ticks) setTimeout(tick, 10);
  else window.spaDone = true;
};
addEventListener('load', () => setTimeout(tick, 10));
</script></body></html>`;
}

/** A long article of about `nodes` nodes and no form: what most pages Tally runs on look like. */
export function articlePage({ nodes = 200_000 } = {}) {
  const paragraphs = [];
  // Each paragraph: p > (text, em > text, text, a > text, text) ≈ 8 nodes with text nodes.
  const per = 8;
  for (let i = 0; i < nodes / per; i++) {
    if (i % 40 === 0) paragraphs.push(`<h2>Part ${i / 40 + 1}</h2>`);
    paragraphs.push(
      `<p>Paragraph ${i} of the report, <em>with emphasis</em> and a <a href="#p${i}">link</a> to its notes.</p>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Annual report</title></head><body><article><h1>Annual report</h1>${paragraphs.join('\n')}</article></body></html>`;
}

/** An idle page: a short article and a search box, nothing scheduled. */
export function idlePage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Idle</title></head><body><h1>Reading</h1><label for="q">Search</label><input id="q" type="search"><p>${'Nothing happens here. '.repeat(200)}</p></body></html>`;
}

/**
 * A flagged field to type into, with two probes per keystroke: keydown to the page's own input
 * handler (Tally's input listener, registered at document_start, runs before it: its work is in
 * this span), and keydown to the start of the next frame after that.
 */
export function latencyPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Typing latency</title></head><body>
<label for="t">Medical history</label><textarea id="t" rows="8" cols="80"></textarea>
<script>
window.toInput = [];
window.toFrame = [];
const field = document.getElementById('t');
let down = 0;
field.addEventListener('keydown', (event) => { down = event.timeStamp; });
field.addEventListener('input', () => {
  const t0 = down;
  window.toInput.push(performance.now() - t0);
  requestAnimationFrame(() => window.toFrame.push(performance.now() - t0));
});
</script></body></html>`;
}
