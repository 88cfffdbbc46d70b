// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ContextReader } from '@/utils/dom/field-context';
import { LabelIndex } from '@/utils/dom/label-index';

const sectionOf = (selector: string) =>
  new ContextReader().sectionText(document.querySelector(selector) as Element);

describe('ContextReader.sectionText', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads a question set as a paragraph above its answers, nearest first', () => {
    document.body.innerHTML = `
      <h2>Health questions</h2>
      <div class="q">
        <p class="title">How often have you felt down or hopeless?</p>
        <label><input id="a1" type="radio" name="q1"> Not at all</label>
        <label><input id="a2" type="radio" name="q1"> Nearly every day</label>
      </div>
      <div class="q">
        <p class="title">Do you smoke?</p>
        <label><input id="b1" type="radio" name="q2"> Never</label>
      </div>`;
    const reader = new ContextReader();
    const first = reader.sectionText(document.getElementById('a1') as Element);
    expect(first.startsWith('How often have you felt down or hopeless?')).toBe(true);
    expect(first).toContain('Health questions');
    // The second answer reuses what was read for the first; the next question takes over.
    expect(reader.sectionText(document.getElementById('a2') as Element)).toBe(first);
    expect(reader.sectionText(document.getElementById('b1') as Element)).toMatch(/^Do you smoke\?/);
  });

  it('reads a question row of a table as the question of the answer row below it', () => {
    document.body.innerHTML = `
      <h3>Part 1</h3>
      <table>
        <tr><td colspan="2">1. Were you able to work each day?</td></tr>
        <tr><td colspan="2"><input type="radio" id="q1y"> Yes</td></tr>
        <tr><td colspan="2">3. Were you too sick to work?</td></tr>
        <tr><td colspan="2"><input type="radio" id="q3y"> Yes</td></tr>
      </table>`;
    const reader = new ContextReader();
    expect(reader.sectionText(document.getElementById('q3y') as Element)).toMatch(
      /^3\. Were you too sick to work\?/,
    );
    expect(reader.sectionText(document.getElementById('q1y') as Element)).toMatch(
      /^1\. Were you able to work each day\?/,
    );
    // The first row is a question, not the column's header.
    expect(reader.nearbyText(document.getElementById('q3y') as Element)).toBe('');
  });

  it('reads the question before every answer on its row, past the other answers and their labels', () => {
    document.body.innerHTML = `
      <div>Are you a health professional?
        <input type="radio" id="y" name="hp"><label for="y">Yes</label>
        <input type="radio" id="n" name="hp"><label for="n">No</label></div>
      <p>Smoker? <label><input type="radio" id="s1" name="smoke"> Yes</label>
        <label><input type="radio" id="s2" name="smoke"> No</label></p>
      <div><span>Email</span><input id="email"> <input type="checkbox" id="opt" name="optin"></div>`;
    const reader = new ContextReader();
    const nearby = (id: string) => reader.nearbyText(document.getElementById(id) as Element);
    expect(nearby('y')).toBe('Are you a health professional?');
    expect(nearby('n')).toBe('Are you a health professional?');
    expect(nearby('s2')).toBe('Smoker?');
    // Another field, and another question's answers, still stop the walk.
    expect(nearby('opt')).toBe('');
  });

  it('reads an unlinked label above a long hint, as Airtable sets them (held-out batch 148)', () => {
    document.body.innerHTML = `
      <div><div>Phone number</div><input id="p"></div>
      <div><div><div>Driver's license number (delivery drivers only)</div>
        <div>Our insurer requires a license check for drivers.</div></div>
        <div><input id="d"></div></div>`;
    const nearby = new ContextReader().nearbyText(document.getElementById('d') as Element);
    expect(nearby).toContain("Driver's license number");
    // Still never the label of the box before it.
    expect(nearby).not.toContain('Phone');
  });

  it("reads an old table's question for its second bare-text answer (held-out batch 157)", () => {
    document.body.innerHTML = `
      <table><tr><td>3. In the past 5 years have you been treated for the use of alcohol?</td>
        <td><input type="radio" name="Q3" value="Y" id="y">Yes <input type="radio" name="Q3" value="N" id="n">No</td></tr></table>`;
    const reader = new ContextReader();
    for (const id of ['y', 'n']) {
      expect(reader.nearbyText(document.getElementById(id) as Element)).toContain('treated for');
    }
  });

  it("reads a column's header only from a header row", () => {
    document.body.innerHTML = `
      <table>
        <tr><th>Name</th><th>Routing number</th></tr>
        <tr><td><input id="n"></td><td><input id="r"></td></tr>
      </table>`;
    expect(new ContextReader().nearbyText(document.getElementById('r') as Element)).toBe(
      'Routing number',
    );
  });

  it("reads a row's name from its first cell in a table whose columns are named by people", () => {
    document.body.innerHTML = `
      <table>
        <tr><td></td><th>Employee</th><th>Spouse</th></tr>
        <tr><th>SSN</th><td><input id="e"></td><td><input id="s"></td></tr>
      </table>
      <table>
        <thead><tr><th>Dependent</th><th>SSN</th></tr></thead>
        <tr><td>Child 1</td><td><input id="d0"></td><td><input id="d1"></td></tr>
      </table>`;
    const nearby = (id: string) =>
      new ContextReader().nearbyText(document.getElementById(id) as Element);
    expect(nearby('e')).toBe('SSN');
    // Past the employee's box, to the row's name rather than the cell above ("Spouse").
    expect(nearby('s')).toBe('SSN');
    // The cell to the left first; then the column's name, and the row's where the column has none.
    expect(nearby('d0')).toBe('Child 1');
    expect(nearby('d1')).toBe('Child 1');
    const header = document.createElement('th');
    header.textContent = 'Spouse SSN';
    document.querySelector('thead tr')?.append(header);
    expect(nearby('d1')).toBe('Spouse SSN');
  });

  it("never reads another field's label, as floating labels place it, as nearby text", () => {
    document.body.innerHTML = `
      <div><input id="ssn"><label for="ssn">Beneficiary's Social Security number</label></div>
      <div><input id="share"><label for="share">Share (%)</label></div>
      <div><span>Routing</span><label for="missing">Bank</label> <input id="routing"></div>`;
    const reader = new ContextReader();
    expect(reader.nearbyText(document.getElementById('share') as Element)).toBe('');
    // A label whose control is not on the page is only text, and still read.
    expect(reader.nearbyText(document.getElementById('routing') as Element)).toBe('Routing Bank');
  });

  it("never reads the label that wraps another option as the next option's nearby text", () => {
    document.body.innerHTML = `
      <h2>Extras</h2>
      <label><input type="checkbox" name="hand"> Hand controls (for drivers with disabilities)</label>
      <label><input id="toll" type="checkbox" name="toll"> Toll pass</label>
      <p>Pick one <label><input id="r1" type="radio" name="size"> Small</label>
      <label><input id="r2" type="radio" name="size"> Large</label></p>`;
    const reader = new ContextReader();
    expect(reader.nearbyText(document.getElementById('toll') as Element)).toBe('');
    // Answers to the same question are passed over, to the question before them.
    expect(reader.nearbyText(document.getElementById('r2') as Element)).toBe('Pick one');
  });

  it('ignores statements and blocks that wrap fields', () => {
    document.body.innerHTML = `
      <h2>Contact</h2>
      <p>We answer within two days.</p>
      <div><label>Is this urgent? <input id="x"></label></div>
      <input id="y">`;
    expect(sectionOf('#y')).toBe('Contact');
  });

  it("reads the options of the menu right before a field, and only a menu's", () => {
    document.body.innerHTML = `
      <div><label>ID type <select><option>Driver's license</option><option>Passport</option></select></label></div>
      <div><label>ID number <input id="n"></label></div>
      <select><option>Mobile</option></select><input id="a"><input id="b">
      <div><select><option>Passport</option></select><input type="HIDDEN"></div>
      <input type="button" value="?"><input id="c">`;
    const reader = new ContextReader();
    expect(reader.menuBefore(document.getElementById('n') as Element)).toBe(
      "Driver's license · Passport",
    );
    expect(reader.menuBefore(document.getElementById('a') as Element)).toBe('Mobile');
    expect(reader.menuBefore(document.getElementById('b') as Element)).toBe('');
    // Hidden inputs and buttons are not controls a person fills in: the menu is still "before".
    expect(reader.menuBefore(document.getElementById('c') as Element)).toBe('Passport');
  });

  it('reads a heading that form builders wrap in a list item and a group', () => {
    document.body.innerHTML = `
      <ul>
        <li class="form-line"><div class="form-header-group"><h2>Insurance Information</h2></div></li>
        <li class="form-line"><label for="p">Policy / ID #</label><div><input id="p"></div></li>
        <li class="form-line"><div class="intro"><h2>Not a heading row</h2><p>Text beside it</p></div></li>
        <li class="form-line"><label for="q">Group #</label><div><input id="q"></div></li>
      </ul>`;
    expect(sectionOf('#p')).toBe('Insurance Information');
    // A block holding more than its heading is another section's content, not a heading.
    expect(sectionOf('#q')).toBe('Insurance Information');
  });

  it('finds the menu before a box wrapped twice inside its form row (SAP UI5)', () => {
    document.body.innerHTML = `
      <div class="row"><label for="t">ID Type</label>
        <div class="sapMSlt"><select id="t"><option>Personalausweis</option><option>Passport</option></select></div></div>
      <div class="row"><label for="n">ID Number</label>
        <div class="sapMInput"><div class="sapMInputBaseContentWrapper"><input id="n"></div></div></div>`;
    expect(new ContextReader().menuBefore(document.getElementById('n') as Element)).toBe(
      'Personalausweis · Passport',
    );
  });

  it('reads the question in the cell before a row of Yes and No cells', () => {
    document.body.innerHTML = `
      <table><tr><th>General questions</th><th>Yes</th><th>No</th></tr>
        <tr><td>1. Have you ever passed out during exercise?</td>
          <td><input type="radio" id="y" name="q1"></td><td><input type="radio" id="n" name="q1"></td></tr>
      </table>`;
    expect(sectionOf('#y')).toMatch(/^1\. Have you ever passed out during exercise\?/);
    expect(sectionOf('#n')).toMatch(/^1\. Have you ever passed out during exercise\?/);
  });

  it('reads the question a follow-up follows up: a menu label, or the text before an answer', () => {
    document.body.innerHTML = `
      <label for="f">Does your baby need a special formula for a medical reason?</label>
      <select id="f"><option>No</option><option>Yes</option></select>
      <label for="fn">If yes, formula name</label><input id="fn">
      <table>
        <tr><th>Have you ever held a resident registration number?</th>
          <td><label><input type="radio" name="r" value="N"> No</label>
            <label><input type="radio" name="r" value="Y"> Yes</label></td></tr>
        <tr><th>If yes, write the number</th><td><input id="rn"></td></tr>
      </table>`;
    const labels = new LabelIndex();
    for (const label of document.querySelectorAll('label')) labels.add(label);
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, labels);
    expect(question('fn')).toBe('Does your baby need a special formula for a medical reason?');
    expect(question('rn')).toBe('Have you ever held a resident registration number?');
    expect(question('f')).toBe('');
  });

  it('names the box before by its placeholder when it has no label', () => {
    document.body.innerHTML = `<div><input id="c" placeholder="Card number"><input id="e" placeholder="Expires"></div>`;
    const reader = new ContextReader();
    expect(reader.questionBefore(document.getElementById('e') as Element, new LabelIndex())).toBe(
      'Card number',
    );
  });

  it('reads no box before across a heading: another part of the form starts there', () => {
    document.body.innerHTML = `<form>
      <h2>Payment</h2>
      <label for="cv">CVC</label><input id="cv">
      <h2>Your membership</h2>
      <label for="m">Membership expires</label><select id="m"></select>
      <section><h3>Card</h3><div><input id="n" placeholder="Card number"></div></section>
      <section><h3>Renewal</h3><div><input id="r" placeholder="Renews on"></div></section>
    </form>`;
    const labels = new LabelIndex();
    for (const label of document.querySelectorAll('label')) labels.add(label);
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, labels);
    expect(question('m')).toBe('');
    expect(question('r')).toBe('');
    document.querySelectorAll('h2, h3').forEach((h) => h.remove());
    expect(question('m')).toBe('CVC');
    expect(question('r')).toBe('Card number');
  });

  it('passes over line breaks and labels, and over the other parts of one entry', () => {
    document.body.innerHTML = `<form>
      <label for="n">Número de Tarjeta:</label> <input id="n"><br>
      <label for="m">Fecha de Expiración:</label> <input id="m"><br>
      <label for="y">Fecha de Expiración:</label> <input id="y"><br>
      <label for="z">Código Postal:</label> <input id="z"></form>`;
    const labels = new LabelIndex();
    for (const label of document.querySelectorAll('label')) labels.add(label);
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, labels);
    expect(question('m')).toBe('Número de Tarjeta:');
    expect(question('y')).toBe('Número de Tarjeta:');
    expect(question('z')).toBe('Fecha de Expiración:');
  });

  it('reads boxes named for the parts of one date as one entry', () => {
    document.body.innerHTML = `<form>
      <label for="n">Kartennummer:</label> <input id="n"><br>
      <label for="m">gültig bis Monat:</label> <input id="m"><br>
      <label for="y">gültig bis Jahr:</label> <input id="y"><br>
      <label for="c">Card number</label> <input id="c">
      <label for="em">Expiration month</label> <select id="em"></select>
      <label for="ey">Expiration year</label> <select id="ey"></select></form>
      <form><div><label for="c2">Card number</label> <input id="c2"></div>
      <div><label for="bm">Month</label> <input id="bm"> <label for="by">Year</label> <input id="by"></div></form>`;
    const labels = new LabelIndex();
    for (const label of document.querySelectorAll('label')) labels.add(label);
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, labels);
    expect(question('y')).toBe('Kartennummer:');
    expect(question('ey')).toBe('Card number');
    // "Month" and "Year" alone are parts of one entry too: what precedes it is the card number.
    expect(question('by')).toBe('Card number');
  });

  it('finds the box before in the form however deep the markup wraps it', () => {
    document.body.innerHTML = `<form>
      <div><label for="cvv">CVV number</label><div><div><input name="cvv"></div></div></div>
      <div><label>Expiry date</label><div><div><div class="m"><div><div>
        <input id="m" name="month" placeholder="MM"></div></div></div><span>/</span>
        <div class="y"><div><div><div><input id="y" name="year" placeholder="YY"></div></div></div></div>
      </div></div></div></form>
      <div><div><div><div><form><input id="outside" placeholder="MM"></form></div></div></div></div>`;
    const labels = new LabelIndex();
    for (const label of document.querySelectorAll('label')) labels.add(label);
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, labels);
    // The CVV box has no accessible name (its label's "for" names no id): the text before it.
    expect(question('m')).toBe('CVV number');
    expect(question('y')).toBe('CVV number');
    // Nor across a form's end.
    expect(question('outside')).toBe('');
  });

  it('reads the cell above a box when a table sets each label in a row of its own', () => {
    document.body.innerHTML = `<table>
      <tr><td>Passport</td><td>Given names</td></tr>
      <tr><td><input id="p"></td><td><input id="g"></td></tr>
      <tr><td><input id="b"></td><td><input type="checkbox" id="c"></td></tr></table>`;
    const nearby = (id: string) =>
      new ContextReader().nearbyText(document.getElementById(id) as Element);
    expect(nearby('p')).toBe('Passport');
    expect(nearby('g')).toBe('Given names');
    // Not a cell that holds a box itself, and not for a choice (its row above is a question).
    expect(nearby('b')).toBe('');
    // A colon before the box in its own cell names nothing: the cell to the left does.
    document.body.innerHTML = `<table><tr><td>No. Kad Pengenalan Wali</td>
      <td>: <input id="kp"></td></tr></table>`;
    expect(nearby('kp')).toBe('No. Kad Pengenalan Wali');
    document.body.innerHTML = `<table><tr><td>Smoker</td></tr>
      <tr><td><input type="checkbox" id="s"></td></tr></table>`;
    expect(nearby('s')).toBe('');
  });

  it('reads a label tied to no box, over a group of choices, as their legend', () => {
    document.body.innerHTML = `<div><label class="form-label">Alergias</label>
      <div class="bg-light"><div class="form-check"><input type="checkbox" id="a1">
      <label for="a1">Penicilina</label></div><div class="form-check"><input type="checkbox" id="a2">
      <label for="a2">Látex</label></div></div></div>
      <div><label>Observações</label><textarea id="obs"></textarea></div>`;
    expect(sectionOf('#a1')).toContain('Alergias');
    expect(sectionOf('#a2')).toContain('Alergias');
    // The label right over one box is its name, not a legend for what follows.
    expect(sectionOf('#obs')).not.toContain('Observações');
  });

  it('reads a text block drawn as a label, ending in a colon, over a group of answers as their legend', () => {
    document.body.innerHTML = `<div class="input-section"><p class="usernamelabel">Geçirdiği Hastalıklar:</p>
      <div class="checkbox-wrapper"><div class="form-check"><input type="radio" name="r" id="r1">
      <label for="r1">Yok</label></div><div class="form-check"><input type="radio" name="r" id="r2">
      <label for="r2">Var</label><input id="r3" placeholder="Diğer"></div></div></div>
      <div class="input-section"><p class="usernamelabel">Adres:</p><input id="adr"></div>
      <div><p>Bugün nasılsınız</p><div><input type="radio" id="n1"><input type="radio" id="n2"></div></div>`;
    expect(sectionOf('#r1')).toContain('Geçirdiği Hastalıklar:');
    expect(sectionOf('#r3')).toContain('Geçirdiği Hastalıklar:');
    // Beside one box it is that box's name, and text without a colon is no label.
    expect(sectionOf('#adr')).not.toContain('Adres');
    expect(sectionOf('#n1')).not.toContain('Bugün');
  });

  it("reads a block classed as a section's head as its heading", () => {
    document.body.innerHTML = `<section class="nr-section"><div class="nr-section-head">3. Symptoms</div>
      <div class="nr-section-body"><div class="nr-field"><label for="on">When did it start?</label>
      <input id="on"></div></div></section>`;
    expect(sectionOf('#on')).toContain('3. Symptoms');
  });

  it('finds the box before outside any form, as a single-page app draws a card component', () => {
    document.body.innerHTML = `<card-field><div><span><label></label>
      <input id="n" placeholder="Enter credit card number"><span class="icon"></span></span></div>
      <div><div><span>Expiration</span><span><select id="m"><option>Month</option></select></span></div>
      <div><span><select id="y"><option>Year</option><option>2030</option></select></span></div></div></card-field>`;
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, new LabelIndex());
    expect(question('m')).toBe('Enter credit card number');
    expect(question('y')).toBe('Expiration');
  });

  it('names the box before by the text beside it when its placeholder is only an example', () => {
    // A hand-written card form: labels without `for`, example placeholders.
    document.body.innerHTML = `<form>
      <label>CARD NUMBER</label><input id="n" placeholder="e.g. 1234 5678 9123 0000">
      <div><label>EXP. DATE(MM/YY)</label><div class="flex">
        <input id="m" placeholder="MM"><input id="y" placeholder="YY"></div></div>
      <label>Name on card</label><input id="c" placeholder="Jane Appleseed">
      <label>Notes</label><input id="after"></form>`;
    const reader = new ContextReader();
    const question = (id: string) =>
      reader.questionBefore(document.getElementById(id) as Element, new LabelIndex());
    expect(question('m')).toBe('CARD NUMBER');
    expect(question('y')).toBe('CARD NUMBER');
    // A placeholder that is a name, not an example, still names its box.
    expect(question('after')).toBe('Jane Appleseed');
  });

  it('reads a title styled by its class, or a block of only bold text, as a heading', () => {
    document.body.innerHTML = `
      <header class="usa-header"><div class="usa-logo">Federal Student Aid</div></header>
      <main>
        <div class="widget"><ul class="breadcrumb"><li><b>Women's Health</b></li></ul>
          <div class="row"><input id="a"></div></div>
        <div class="card"><div class="card-header">Medical history</div>
          <div class="card-body"><input id="b"></div></div>
        <p><strong>Emergency contact</strong></p><div><input id="c"></div>
        <p><strong>Note:</strong> we answer within a day.</p><div><input id="d"></div>
        <div class="panel-heading"><label><input type="checkbox" id="t"> Show all</label></div>
        <div><input id="e"></div>
      </main>`;
    expect(sectionOf('#a')).toBe("Women's Health");
    expect(sectionOf('#b')).toBe('Medical history');
    expect(sectionOf('#c')).toBe('Emergency contact');
    // A bold word that starts a sentence is not a title; nor is a page's own header, nor a
    // "heading" that holds a control.
    expect(sectionOf('#d')).toBe('Emergency contact');
    expect(sectionOf('#e')).toBe('Emergency contact');
  });

  it("reads a table's caption as the section of its rows", () => {
    document.body.innerHTML = `
      <table><caption>10. Health</caption>
        <tr><th scope="row">If yes, give details</th><td><textarea id="d"></textarea></td></tr>
      </table>`;
    expect(sectionOf('#d')).toContain('10. Health');
  });

  it('keeps the heading once a question has been passed', () => {
    document.body.innerHTML = `
      <h3>Passport</h3>
      <span>Travelling abroad?</span>
      <input id="n">`;
    expect(sectionOf('#n')).toBe('Travelling abroad? · Passport');
  });
});

describe('a code typed a character to a box', () => {
  it('names every box by the text before the first, each box in a wrapper of its own', () => {
    document.body.innerHTML = `<form><h2>Confirm your email</h2><p>Enter the code</p>
      <div class="code">${[1, 2, 3, 4]
        .map((i) => `<div class="cell"><input maxlength="1" id="c${i}"></div>`)
        .join('')}</div>
      <p>Middle name</p><div><input id="m"></div><div><input maxlength="1" id="i"></div></form>`;
    const reader = new ContextReader();
    const nearby = (id: string) => reader.nearbyText(document.getElementById(id) as Element);
    expect(nearby('c1')).toBe('Confirm your email Enter the code');
    expect(nearby('c4')).toBe('Confirm your email Enter the code');
    // A one-character box after a box of another width starts a run of its own.
    expect(nearby('i')).toBe('');
  });
});
