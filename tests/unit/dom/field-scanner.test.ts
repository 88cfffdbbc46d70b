// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIELD_ATTRIBUTE, FieldScanner, PAGE_ATTRIBUTE } from '@/utils/dom/field-scanner';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FieldScanner', () => {
  let scanner: FieldScanner;
  let idle: Array<() => void>;
  let changes: number;

  beforeEach(() => {
    document.head.innerHTML = '<title>Portal</title>';
    document.body.innerHTML = '';
    idle = [];
    changes = 0;
    scanner = new FieldScanner(document, {
      onChange: () => changes++,
      scheduleIdle: (task) => idle.push(task),
    });
  });
  afterEach(() => scanner.stop());

  /** A scanner that enters the closed roots in `roots`, as the extension API lets Tally do. */
  const scannerSeeing = (roots: ReadonlyMap<Element, ShadowRoot>) =>
    new FieldScanner(document, {
      onChange: () => {},
      scheduleIdle: () => {},
      shadowRootOf: (el) => roots.get(el) ?? el.shadowRoot,
    });

  const flag = (selector: string) =>
    document.querySelector(selector)?.getAttribute(FIELD_ATTRIBUTE) ?? null;

  it('flags fields present at start, and only sensitive ones', () => {
    document.body.innerHTML = `
      <label for="ssn">SSN</label><input id="ssn">
      <label for="city">City</label><input id="city">`;
    scanner.start();
    expect(flag('#ssn')).toBe('national-id');
    expect(flag('#city')).toBeNull();
    expect(changes).toBeGreaterThan(0);
  });

  it('flags a field inserted later, synchronously in the observer callback', async () => {
    scanner.start();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<label>Diagnosis <textarea id="dx"></textarea></label>';
    document.body.append(wrapper);
    await flush();
    expect(flag('#dx')).toBe('health');
  });

  it('judges a menu again when a script fills in its choices', async () => {
    document.body.innerHTML =
      '<label for="c">What would you like help with?</label><select id="c"></select>';
    scanner.start();
    expect(flag('#c')).toBeNull();
    const menu = document.getElementById('c') as HTMLSelectElement;
    menu.innerHTML = '<option>Anxiety</option><option>Depression</option><option>Insomnia</option>';
    await flush();
    // (The category, not the attribute: happy-dom wraps <select> in a Proxy, so its attribute
    // records name another object and the scanner's own flag is taken for a page's. The
    // attribute is checked in Chromium: tests/e2e/detection.spec.ts.)
    expect(scanner.categoryOf(menu)).toBe('health');
    // The reason names no choice: a menu may list what a person saved.
    expect(scanner.reasonsOf(menu).join(' ')).not.toMatch(/Anxiety|Depression|Insomnia/);
  });

  it('re-classifies a re-labelled field and removes flags that no longer apply', async () => {
    document.body.innerHTML = '<input id="f" aria-label="Password">';
    scanner.start();
    expect(flag('#f')).toBe('credential');
    document.getElementById('f')?.setAttribute('aria-label', 'Favourite colour');
    await flush();
    expect(flag('#f')).toBeNull();
  });

  it('re-reads a field when the text that aria-labelledby points at changes', async () => {
    document.body.innerHTML =
      '<span id="cap"><b>Nickname</b></span><input id="f" aria-labelledby="cap">';
    scanner.start();
    scanner.finishParsing();
    expect(flag('#f')).toBeNull();
    const caption = document.querySelector('#cap b') as Element;
    caption.textContent = 'Passport number';
    await flush();
    expect(flag('#f')).toBe('national-id');
  });

  it('re-reads the fields a shared text names once, in idle time, however often it changes', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<span id="r${i}">Row ${i}</span><input id="f${i}" aria-labelledby="col r${i}">`,
    );
    document.body.innerHTML = `<p id="col">Comment</p>${rows.join('')}`;
    scanner.start();
    scanner.finishParsing();
    for (const task of idle.splice(0)) task();
    const before = scanner.stats.fieldsClassified;
    const column = document.getElementById('col') as Element;
    for (const text of ['Comment ▲', 'Comment ▼', 'Diagnosis']) {
      column.textContent = text;
      await flush();
    }
    expect(scanner.stats.fieldsClassified).toBe(before);
    expect(flag('#f3')).toBeNull();
    for (const task of idle.splice(0)) task();
    expect(scanner.stats.fieldsClassified).toBe(before + 12);
    expect(flag('#f3')).toBe('health');
    // A text naming a single field is still followed at once.
    document.getElementById('r3')?.replaceChildren('Social Security number');
    await flush();
    expect(scanner.stats.fieldsClassified).toBe(before + 13);
  });

  it('follows a caption inside its own component only, though every component repeats its id', async () => {
    const hosts = Array.from({ length: 10 }, () => {
      const host = document.createElement('x-field');
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<span id="cap">Nickname</span><input id="f" aria-labelledby="cap">';
      document.body.append(host);
      return host;
    });
    scanner.start();
    scanner.finishParsing();
    const before = scanner.stats.fieldsClassified;
    const root = hosts[3]?.shadowRoot as ShadowRoot;
    root.getElementById('cap')?.replaceChildren('Passport number');
    await flush();
    expect(root.getElementById('f')?.getAttribute(FIELD_ATTRIBUTE)).toBe('national-id');
    expect(scanner.stats.fieldsClassified).toBe(before + 1);
  });

  it('puts its flag back when a page strips it', async () => {
    document.body.innerHTML = '<input id="f" aria-label="SSN">';
    scanner.start();
    document.getElementById('f')?.removeAttribute(FIELD_ATTRIBUTE);
    await flush();
    expect(flag('#f')).toBe('national-id');
  });

  it('removes a flag a page forged on an ordinary field', async () => {
    document.body.innerHTML = '<input id="f" aria-label="City">';
    scanner.start();
    document.getElementById('f')?.setAttribute(FIELD_ATTRIBUTE, 'health');
    await flush();
    expect(flag('#f')).toBeNull();
  });

  it('flags a notes box once an SSN is typed into it, and reports no value', () => {
    document.body.innerHTML = '<label for="n">Notes</label><textarea id="n"></textarea>';
    scanner.start();
    const notes = document.getElementById('n') as HTMLTextAreaElement;
    notes.value = 'her SSN is 536-22-1234';
    scanner.onValueChange(notes);
    expect(flag('#n')).toBe('national-id');
    const findings = scanner.findings();
    expect(findings.fields[0]?.byValue).toBe(true);
    expect(JSON.stringify(findings)).not.toContain('536');
  });

  it("reads a key/value row's value box by its key, as typed, and never reports the key", () => {
    document.body.innerHTML = `
      <div class="row"><input id="k1" aria-label="Key" value="STRIPE_SECRET_KEY">
        <textarea id="v1" aria-label="Value"></textarea></div>
      <div class="row"><input id="k2" name="vars[1][name]" value="LOG_LEVEL">
        <input id="v2" name="vars[1][value]"></div>`;
    scanner.start();
    expect(flag('#v1')).toBe('credential');
    expect(flag('#v2')).toBeNull();
    // Typing a key that names a secret flags its value box; a harmless key lifts the flag.
    const key = document.getElementById('k2') as HTMLInputElement;
    key.value = 'DB_PASSWORD';
    scanner.onValueChange(key, false);
    expect(flag('#v2')).toBe('credential');
    key.value = 'LOG_FORMAT';
    scanner.onValueChange(key, false);
    expect(flag('#v2')).toBeNull();
    // The key boxes themselves hold names, and no key reaches the findings.
    expect(flag('#k1')).toBeNull();
    const findings = JSON.stringify(scanner.findings());
    expect(findings).toContain('the key beside it names');
    expect(findings).not.toMatch(/STRIPE|SECRET_KEY/);
  });

  it('reads a key box named only by a <label> by its id, as GitLab names it (batch 149)', () => {
    document.body.innerHTML = `
      <label for="ci-variable-key">Key</label><input id="ci-variable-key" value="STRIPE_LIVE_SECRET_KEY">
      <label for="ci-variable-value">Value</label><textarea id="ci-variable-value"></textarea>
      <label for="misc-project">Project</label><input id="misc-project" value="STRIPE_LIVE_SECRET_KEY">
      <label for="misc-value">Value</label><textarea id="misc-value"></textarea>`;
    scanner.start();
    expect(flag('#ci-variable-value')).toBe('credential');
    // A box before it that is not a key's says nothing of the value.
    expect(flag('#misc-value')).toBeNull();
  });

  it("reads a grid of variables' value boxes by the key in the row's first cell", () => {
    document.body.innerHTML = `
      <table><thead><tr><th>Variable</th><th>Type</th><th>Current value</th></tr></thead>
        <tbody><tr><td><input id="k" value="clientSecret"></td><td><select><option>secret</option></select></td>
          <td><input id="v"></td></tr>
        <tr><td><input id="k2" value="tenantId"></td><td><select><option>default</option></select></td>
          <td><input id="w"></td></tr></tbody></table>
      <table><thead><tr><th>Item</th><th>Current value</th></tr></thead>
        <tbody><tr><td><input value="clientSecret"></td><td><input id="x"></td></tr></tbody></table>`;
    scanner.start();
    expect(flag('#v')).toBe('credential');
    expect(flag('#w')).toBeNull();
    // A first column not headed as a key's ("Item") names no key.
    expect(flag('#x')).toBeNull();
    // Typing a key that names a secret flags its value box.
    const key = document.getElementById('k2') as HTMLInputElement;
    key.value = 'API_TOKEN';
    scanner.onValueChange(key, false);
    expect(flag('#w')).toBe('credential');
  });

  it('flags every answer to a question once one answer is health by its own words', async () => {
    document.body.innerHTML = `
      <form><p>Have you ever had any of the following?</p>
        <label><input type="checkbox" id="a" name="hx" value="1"> Cancer</label>
        <label><input type="checkbox" id="b" name="hx" value="2"> Freckles</label>
        <label><input type="checkbox" id="other-q" name="contact" value="1"> Freckles</label>
      </form>
      <form><label><input type="checkbox" id="c" name="hx" value="3"> Freckles</label></form>`;
    scanner.start();
    expect(flag('#a')).toBe('health');
    expect(flag('#b')).toBe('health');
    // Not an answer to another question, nor one in another form.
    expect(flag('#other-q')).toBeNull();
    expect(flag('#c')).toBeNull();
    // An answer added later joins its question; ticking it keeps the flag.
    const late = document.createElement('label');
    late.innerHTML = '<input type="checkbox" id="d" name="hx" value="4"> None of the above';
    document.querySelector('form')?.append(late);
    await flush();
    expect(flag('#d')).toBe('health');
    const none = document.getElementById('d') as HTMLInputElement;
    none.checked = true;
    scanner.onValueChange(none);
    expect(flag('#d')).toBe('health');
    expect(scanner.reasonsOf(none)).toEqual([
      'another answer to the same question is about health',
    ]);
  });

  it('checks the text around the caret on a keystroke, and the whole value on change', () => {
    document.body.innerHTML = '<label for="n">Notes</label><textarea id="n"></textarea>';
    scanner.start();
    const notes = document.getElementById('n') as HTMLTextAreaElement;
    const filler = 'Meeting notes about the quarterly roadmap and hiring. '.repeat(20);
    notes.value = `${filler}Her SSN is 536-22-1234.`;
    notes.setSelectionRange(notes.value.length, notes.value.length);
    scanner.onValueChange(notes, false);
    expect(flag('#n')).toBe('national-id');
    // Typing at the start: the window no longer holds the SSN, but a keystroke never lifts a flag.
    notes.value = `x${notes.value}`;
    notes.setSelectionRange(1, 1);
    scanner.onValueChange(notes, false);
    expect(flag('#n')).toBe('national-id');
    // The SSN deleted, then the field blurred: the whole value is read and the flag lifted.
    notes.value = filler;
    scanner.onValueChange(notes, true);
    expect(flag('#n')).toBeNull();
  });

  it('treats three 3-2-4 boxes as one SSN', () => {
    document.body.innerHTML = `<fieldset><legend>Social Security number</legend>
      <input id="a" maxlength="3"><input id="b" maxlength="2"><input id="c" maxlength="4"></fieldset>`;
    scanner.start();
    expect([flag('#a'), flag('#b'), flag('#c')]).toEqual([
      'national-id',
      'national-id',
      'national-id',
    ]);
  });

  it('finds 3-2-4 boxes wrapped apart, and only the boxes that sit together', () => {
    // Each box in its own column with its label, as form builders write them; then a grid whose
    // rows are 3-, 2- and 4-character boxes far apart (a code, a state, a year): not an SSN.
    document.body.innerHTML = `<form>
      <div class="col"><label for="a">Area</label><input id="a" maxlength="3"></div>
      <span>-</span><div class="col"><label for="b">Group</label><input id="b" maxlength="2"></div>
      <span>-</span><div class="col"><label for="c">Serial</label><input id="c" maxlength="4"></div>
    </form><form><table>
      <tr><td><input id="x" name="dept" maxlength="3"></td><td>${'<span>.</span>'.repeat(20)}</td></tr>
      <tr><td><input id="y" name="state" maxlength="2"></td><td>${'<span>.</span>'.repeat(20)}</td></tr>
      <tr><td><input id="z" name="year" maxlength="4"></td></tr>
    </table></form>`;
    scanner.start();
    expect([flag('#a'), flag('#b'), flag('#c')]).toEqual([
      'national-id',
      'national-id',
      'national-id',
    ]);
    expect([flag('#x'), flag('#y'), flag('#z')]).toEqual([null, null, null]);
  });

  it('spreads health through a large question once, and leaves a grid of row checkboxes alone', () => {
    const conditions = Array.from(
      { length: 300 },
      (_, i) => `<label><input type="checkbox" name="hx" value="${i}"> Item ${i}</label>`,
    );
    conditions[150] =
      '<label><input type="checkbox" id="cancer" name="hx" value="c"> Cancer</label>';
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `<tr><td><input type="checkbox" name="ids[]" value="${i}"></td><td>Row ${i}</td></tr>`,
    );
    document.body.innerHTML = `<form><p>Have you ever had any of the following?</p>${conditions.join('')}</form>
      <form><table>${rows.join('')}</table></form>`;
    scanner.start();
    const hx = [...document.querySelectorAll('[name="hx"]')].map((el) =>
      el.getAttribute(FIELD_ATTRIBUTE),
    );
    expect(new Set(hx)).toEqual(new Set(['health']));
    expect(document.querySelectorAll(`[name="ids[]"][${FIELD_ATTRIBUTE}]`)).toHaveLength(0);
    // Its one health answer relabelled: answers judged from now on no longer take health from it.
    const cancer = document.getElementById('cancer') as HTMLInputElement;
    cancer.parentElement?.replaceChildren(cancer, ' Freckles');
    scanner.finishParsing();
    const late = document.createElement('label');
    late.innerHTML = '<input type="checkbox" id="late" name="hx" value="z"> Item z';
    document.querySelector('form')?.append(late);
    scanner.finishParsing();
    expect(flag('#late')).toBeNull();
  });

  it('keeps the 3-2-4 group together when the page turns out to be confidential', () => {
    document.body.innerHTML = `<header><span class="label">CONFIDENTIAL</span></header>
      <div><span>Spouse's SSN</span><div><input id="a" maxlength="3" aria-label="first 3">
      <input id="b" maxlength="2" aria-label="middle 2"><input id="c" maxlength="4" aria-label="last 4"></div></div>`;
    scanner.start();
    scanner.finishParsing();
    for (const task of idle.splice(0)) task();
    expect(document.documentElement.getAttribute(PAGE_ATTRIBUTE)).toBe('confidential');
    expect([flag('#a'), flag('#b'), flag('#c')]).toEqual([
      'national-id',
      'national-id',
      'national-id',
    ]);
  });

  it('looks inside open shadow roots', () => {
    const host = document.createElement('x-form');
    host.attachShadow({ mode: 'open' }).innerHTML = '<label for="k">API key</label><input id="k">';
    document.body.append(host);
    scanner.start();
    expect(host.shadowRoot?.getElementById('k')?.getAttribute(FIELD_ATTRIBUTE)).toBe('credential');
  });

  it('enters closed shadow roots through the lookup it is given', () => {
    const host = document.createElement('x-secure');
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<label for="s">SSN</label><input id="s">';
    document.body.append(host);
    const withLookup = scannerSeeing(new Map([[host, closed]]));
    scanner.start();
    expect(closed.getElementById('s')?.getAttribute(FIELD_ATTRIBUTE)).toBeNull();
    withLookup.start();
    expect(closed.getElementById('s')?.getAttribute(FIELD_ATTRIBUTE)).toBe('national-id');
    withLookup.stop();
  });

  it('reads a shadow root nothing announced when focus enters it, open or closed', () => {
    // As declarative shadow DOM leaves them: roots on common tags, which the sweep skips.
    document.body.innerHTML = '<div id="open"></div><span id="closed"></span>';
    const open = (document.getElementById('open') as Element).attachShadow({ mode: 'open' });
    open.innerHTML = '<label for="s">Social Security number</label><input id="s">';
    const closedHost = document.getElementById('closed') as Element;
    const closed = closedHost.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<label for="d">Diagnosis</label><textarea id="d"></textarea>';
    const withLookup = scannerSeeing(new Map([[closedHost, closed]]));
    withLookup.start();
    const ssn = open.getElementById('s') as Element;
    const diagnosis = closed.getElementById('d') as Element;
    expect(ssn.getAttribute(FIELD_ATTRIBUTE)).toBeNull();
    // Focus inside an open root: the path shows the root. Inside a closed one: only its host.
    const host = open.host;
    withLookup.onFocus(host, [ssn, open, host, document.body, document.documentElement, document]);
    expect(ssn.getAttribute(FIELD_ATTRIBUTE)).toBe('national-id');
    expect(diagnosis.getAttribute(FIELD_ATTRIBUTE)).toBeNull();
    withLookup.onFocus(closedHost, [closedHost, document.body, document.documentElement, document]);
    expect(diagnosis.getAttribute(FIELD_ATTRIBUTE)).toBe('health');
    withLookup.stop();
  });

  it('scans the root of a host announced while detached once it is inserted', async () => {
    scanner.start();
    const host = document.createElement('x-detached');
    const root = host.attachShadow({ mode: 'open' });
    scanner.onDetachedShadowHost(host);
    root.innerHTML = '<label for="m">Member ID</label><input id="m">';
    document.body.append(host);
    await flush();
    expect(root.getElementById('m')?.getAttribute(FIELD_ATTRIBUTE)).toBe('health');
  });

  it('marks a confidential document in idle time and flags its comment box', () => {
    document.body.innerHTML = `<header><span class="label">CONFIDENTIAL</span></header>
      <p>Quarterly plan.</p><label for="c">Comment</label><textarea id="c"></textarea>`;
    scanner.start();
    expect(flag('#c')).toBeNull();
    scanner.finishParsing();
    for (const task of idle.splice(0)) task();
    expect(document.documentElement.getAttribute(PAGE_ATTRIBUTE)).toBe('confidential');
    expect(flag('#c')).toBe('confidential');
    expect(scanner.findings().page.confidential).toBe(true);
  });

  it("takes a form label's words for a field's name, not for a marking of the page", () => {
    // A design system styles its labels "…__label-text", which reads like a sensitivity label.
    document.body.innerHTML = `<h1>Create key/value secret</h1>
      <label for="n"><span class="pf-v5-c-form__label-text">Secret name</span></label><input id="n">
      <label for="d">Description</label><textarea id="d"></textarea>`;
    scanner.start();
    scanner.finishParsing();
    for (const task of idle.splice(0)) task();
    expect(scanner.findings().page.confidential).toBe(false);
    expect(flag('#d')).toBeNull();
  });

  it('reads nothing into the ids a framework makes up', () => {
    // React's useId: ":rg:" would otherwise read as "rg", the Brazilian ID card.
    document.body.innerHTML = `<label for=":rg:">Pets (type and weight)</label>
      <input id=":rg:" name="pets"><input id="radix-:r4:" aria-label="Nickname">
      <input id="rg_number" aria-label="Número">`;
    scanner.start();
    expect(flag('[name="pets"]')).toBeNull();
    expect(flag('[aria-label="Nickname"]')).toBeNull();
    // A real id still speaks.
    expect(flag('#rg_number')).toBe('national-id');
  });

  it("reads the page title before the first field, so a visit note's plan is health", () => {
    document.head.innerHTML = '<title>Visit note — EHR</title>';
    document.body.innerHTML = '<textarea id="plan" aria-label="Plan"></textarea>';
    scanner.start();
    expect(flag('#plan')).toBe('health');
  });

  it('re-judges free text when the page turns into a health page', () => {
    document.body.innerHTML = '<textarea id="plan" aria-label="Plan"></textarea>';
    scanner.start();
    scanner.finishParsing();
    idle.splice(0).forEach((task) => task());
    expect(flag('#plan')).toBeNull();
    document.title = 'Visit note — EHR';
    scanner.checkPage();
    expect(flag('#plan')).toBe('health');
  });

  it('reads a late label at the end of parsing in the light of a heading that came with it', () => {
    document.body.innerHTML = '<textarea id="plan"></textarea><input id="city" aria-label="City">';
    scanner.start();
    expect(flag('#plan')).toBeNull();
    // The parser's last chunk: the label after its field, and a title that makes this a visit note.
    document.body.insertAdjacentHTML('beforeend', '<label for="plan">Plan</label>');
    document.title = 'Visit note — EHR';
    const before = scanner.stats.fieldsClassified;
    scanner.finishParsing();
    expect(flag('#plan')).toBe('health');
    expect(flag('#city')).toBeNull();
    // Only the unlabelled field is read from the page again; the city box is judged from memory.
    expect(scanner.stats.fieldsClassified - before).toBe(1);
  });

  it("takes no health context from a news story's headline", () => {
    document.head.innerHTML = '<title>The Daily Ledger</title>';
    document.body.innerHTML = `
      <article><h1>Insurer shared patients' diagnoses with advertisers</h1>
        <p>One.</p><p>Two.</p><p>Three.</p></article>
      <textarea id="comment" aria-label="Add a comment"></textarea>`;
    scanner.start();
    scanner.finishParsing();
    idle.splice(0).forEach((task) => task());
    expect(flag('#comment')).toBeNull();
  });

  it('reads a temperature as health while the page asks other health questions', () => {
    document.body.innerHTML = `
      <div id="q"><p>In the last 24 hours, have you had any of these symptoms?</p>
        <label><input type="checkbox" id="fever"> Fever or chills</label></div>
      <label for="temp">Today's temperature reading (°F)</label><input id="temp">`;
    scanner.start();
    scanner.finishParsing();
    idle.splice(0).forEach((task) => task());
    expect(flag('#fever')).toBe('health');
    expect(flag('#temp')).toBe('health');
    document.getElementById('q')?.remove();
    scanner.checkPage();
    expect(flag('#temp')).toBeNull();
  });

  it("reads a log's note as health when most of its questions are about health, and only then", async () => {
    document.head.innerHTML = '<title>Log a reading – GlucoTrack</title>';
    document.body.innerHTML = `
      <label for="when">Date and time</label><input id="when" type="datetime-local">
      <label for="bg">Blood glucose</label><input id="bg">
      <label for="bolus">Rapid-acting insulin</label><input id="bolus">
      <label for="ketones">Ketones</label><input id="ketones">
      <label for="note">Note</label><textarea id="note"></textarea>
      <label for="mail">Email for your weekly summary</label><input id="mail" type="email">`;
    scanner.start();
    scanner.finishParsing();
    idle.splice(0).forEach((task) => task());
    expect(flag('#bg')).toBe('health');
    expect(flag('#note')).toBe('health');
    expect(flag('#mail')).toBeNull();
    // Ordinary questions outnumber the health ones now: the note says nothing about health.
    const more = document.createElement('div');
    more.innerHTML = ['Street', 'City', 'State', 'Country', 'Phone']
      .map((label, i) => `<label for="o${i}">${label}</label><input id="o${i}">`)
      .join('');
    document.body.append(more);
    await flush();
    expect(flag('#o0')).toBeNull();
    scanner.checkPage();
    expect(flag('#note')).toBeNull();
  });

  it('marks a body measurement as soon as a later field asks about health, before idle time', async () => {
    document.body.innerHTML = `
      <label for="weight">Weight (lb)</label><input id="weight">
      <label for="city">City</label><input id="city">`;
    scanner.start();
    expect(flag('#weight')).toBeNull();
    // The question arrives later (a step of the form rendered by script): the weight box is
    // judged again in the same observer callback, with no idle task run.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<label for="meds">Current medications</label><textarea id="meds"></textarea>',
    );
    await flush();
    expect(flag('#meds')).toBe('health');
    expect(flag('#weight')).toBe('health');
    expect(flag('#city')).toBeNull();
    expect(idle.length).toBeGreaterThan(0); // the page check is still waiting
  });

  it('counts findings by category without values', () => {
    document.body.innerHTML = `<input aria-label="SSN"><input aria-label="Card number"><input type="password">`;
    scanner.start();
    const { counts } = scanner.findings();
    expect(counts).toMatchObject({ 'national-id': 1, financial: 1, credential: 1, health: 0 });
  });
});

describe('FieldScanner page-level work on a page that keeps changing', () => {
  it('re-reads fields after a heading changes at most once a second', async () => {
    document.body.innerHTML = '<h2 id="h">Contact</h2><label for="a">Number</label><input id="a">';
    let clock = 0;
    const idle: Array<() => void> = [];
    const delayed: Array<{ ms: number; task: () => void }> = [];
    const scanner = new FieldScanner(document, {
      onChange: () => undefined,
      scheduleIdle: (task) => idle.push(task),
      scheduleIdleAfter: (ms, task) => delayed.push({ ms, task }),
    });
    Object.defineProperty(scanner, 'now', { value: () => clock });
    scanner.start();
    scanner.finishParsing();
    idle.splice(0).forEach((task) => task());
    const heading = document.getElementById('h') as HTMLElement;

    // First change: re-read in the next idle period.
    heading.textContent = 'Social Security';
    await flush();
    expect(idle.length).toBeGreaterThan(0);
    idle.splice(0).forEach((task) => task());
    await flush();
    expect(document.getElementById('a')?.getAttribute(FIELD_ATTRIBUTE)).toBe('national-id');

    // A burst right after: one re-read, put off until a second has passed since the last.
    clock = 200;
    for (let i = 0; i < 50; i++) heading.textContent = `Social Security ${i}`;
    await flush();
    // Fifty changes: nothing now, and at most one re-read and one document check, both put off
    // until a second has passed since they last ran.
    expect(idle).toHaveLength(0);
    expect(delayed.length).toBeGreaterThan(0);
    expect(delayed.length).toBeLessThanOrEqual(2);
    for (const { ms } of delayed) {
      expect(ms).toBeGreaterThanOrEqual(800);
      expect(ms).toBeLessThanOrEqual(1000);
    }
    // When they run, the field is read with the latest heading.
    delayed.splice(0).forEach(({ task }) => task());
    expect(document.getElementById('a')?.getAttribute(FIELD_ATTRIBUTE)).toBe('national-id');
    scanner.stop();
  });
});
