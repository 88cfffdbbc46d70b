// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldScanner } from '@/utils/dom/field-scanner';
import { ScreenShield, SHIELD_ATTRIBUTE } from '@/utils/dom/screen-shield';
import { REGION_MARKERS } from '@/utils/recorders/privacy-markers';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const ALL = {
  'national-id': true,
  health: true,
  financial: true,
  credential: true,
  confidential: true,
} as const;
const shieldOf = (selector: string) =>
  document.querySelector(selector)?.getAttribute(SHIELD_ATTRIBUTE) ?? null;

describe('ScreenShield with the scanner', () => {
  let shield: ScreenShield;
  let scanner: FieldScanner;
  let idle: Array<() => void>;

  beforeEach(() => {
    document.body.innerHTML = `
      <label for="ssn">SSN</label><input id="ssn" value="401-62-9937">
      <label for="dx">Diagnosis</label><textarea id="dx">asthma</textarea>
      <label for="plan">Insurance plan member ID</label><select id="plan"><option>A</option></select>
      <label for="city">City</label><input id="city">`;
    idle = [];
    shield = new ScreenShield(document);
    scanner = new FieldScanner(document, {
      onChange: () => undefined,
      scheduleIdle: (task) => idle.push(task),
      onFlag: (el, category) => shield.onFlag(el, category),
      onDocumentChange: () => shield.setDocumentRegion(scanner.documentRegion()),
    });
    scanner.start();
  });
  afterEach(() => {
    scanner.stop();
    shield.stop();
  });

  it('is off until the background says capture is active, then dots or blur by kind of field', () => {
    expect(shieldOf('#ssn')).toBeNull();
    shield.configure({ fields: true, documents: false, categories: ALL });
    expect(shieldOf('#ssn')).toBe('mask');
    expect(shieldOf('#dx')).toBe('blur');
    expect(shieldOf('#city')).toBeNull();
    // The values are never touched.
    expect((document.querySelector('#ssn') as HTMLInputElement).value).toBe('401-62-9937');
    expect((document.querySelector('#dx') as HTMLTextAreaElement).value).toBe('asthma');
  });

  it('turns off for a pause, reveals on request, and skips categories the policy leaves out', () => {
    shield.configure({ fields: true, documents: false, categories: ALL });
    shield.setRevealAll(true);
    expect(shieldOf('#ssn')).toBe('revealed');
    shield.setRevealAll(false);
    shield.configure({ fields: true, documents: false, categories: { ...ALL, health: false } });
    expect(shieldOf('#ssn')).toBe('mask');
    expect(shieldOf('#dx')).toBeNull();
    shield.configure({ fields: false, documents: false, categories: ALL });
    expect(shieldOf('#ssn')).toBeNull();
    expect(shieldOf('#dx')).toBeNull();
  });

  it('follows flags: a field that stops being sensitive loses its shield', () => {
    shield.configure({ fields: true, documents: false, categories: ALL });
    const ssn = document.querySelector('#ssn') as HTMLInputElement;
    // Its value alone would keep it flagged (it passes the SSN rules): the page clears it too.
    ssn.value = '';
    (ssn.previousElementSibling as Element).textContent = 'Nickname';
    ssn.removeAttribute('id');
    ssn.setAttribute('id', 'nick');
    scanner.rescanAll();
    expect(shieldOf('#nick')).toBeNull();
  });

  it('puts back a shield a page strips, a bounded number of times', async () => {
    shield.configure({ fields: true, documents: false, categories: ALL });
    const ssn = document.querySelector('#ssn') as Element;
    for (let i = 0; i < 25; i++) {
      ssn.removeAttribute(SHIELD_ATTRIBUTE);
      await flush();
    }
    // Twenty times, then the page wins rather than looping forever.
    expect(ssn.getAttribute(SHIELD_ATTRIBUTE)).toBeNull();
    const dx = document.querySelector('#dx') as Element;
    dx.removeAttribute(SHIELD_ATTRIBUTE);
    await flush();
    expect(dx.getAttribute(SHIELD_ATTRIBUTE)).toBe('blur');
  });
});

describe('confidential documents', () => {
  it('get the blocking markers on their main region, and the document shield only by policy', () => {
    document.body.innerHTML = `<header><span class="label">CONFIDENTIAL</span></header>
      <main id="doc"><p>Quarterly plan.</p></main>`;
    const shield = new ScreenShield(document);
    const idle: Array<() => void> = [];
    const scanner: FieldScanner = new FieldScanner(document, {
      onChange: () => undefined,
      scheduleIdle: (task) => idle.push(task),
      onDocumentChange: () => shield.setDocumentRegion(scanner.documentRegion()),
    });
    scanner.start();
    scanner.finishParsing();
    for (const task of idle.splice(0)) task();
    const main = document.querySelector('#doc') as Element;
    for (const [name, value] of REGION_MARKERS.attributes) {
      expect(main.getAttribute(name)).toBe(value);
    }
    for (const name of REGION_MARKERS.classes) expect(main.classList.contains(name)).toBe(true);

    shield.configure({ fields: true, documents: false, categories: ALL });
    expect(main.getAttribute(SHIELD_ATTRIBUTE)).toBeNull();
    shield.configure({ fields: true, documents: true, categories: ALL });
    expect(main.getAttribute(SHIELD_ATTRIBUTE)).toBe('document');

    // A policy that turns confidential redaction off takes the region markers off again.
    scanner.setRedaction({ ...ALL, confidential: false });
    for (const name of REGION_MARKERS.classes) expect(main.classList.contains(name)).toBe(false);
    scanner.stop();
    shield.stop();
  });
});

describe('policy redaction in the scanner', () => {
  it('takes recorder markers off a category the policy leaves out, and puts them back', () => {
    document.body.innerHTML = `<label for="dx">Diagnosis</label><textarea id="dx"></textarea>`;
    const scanner = new FieldScanner(document, {
      onChange: () => undefined,
      scheduleIdle: () => undefined,
    });
    scanner.start();
    const dx = document.querySelector('#dx') as Element;
    expect(dx.getAttribute('data-rr-is-password')).toBe('true');
    scanner.setRedaction({ ...ALL, health: false });
    expect(dx.getAttribute('data-rr-is-password')).toBeNull();
    // Still flagged (the contract), only not marked for recorders.
    expect(dx.getAttribute('data-tally-sensitive')).toBe('health');
    expect(scanner.reasonsOf(dx).length).toBeGreaterThan(0);
    scanner.setRedaction(ALL);
    expect(dx.getAttribute('data-rr-is-password')).toBe('true');
    scanner.stop();
  });
});
