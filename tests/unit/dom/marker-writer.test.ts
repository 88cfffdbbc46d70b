// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldScanner } from '@/utils/dom/field-scanner';
import { MarkerWriter } from '@/utils/dom/marker-writer';
import { FIELD_MARKERS, UNMASK_MARKERS } from '@/utils/recorders/privacy-markers';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function hasAllFieldMarkers(el: Element): boolean {
  return (
    FIELD_MARKERS.attributes.every(([name, value]) => el.getAttribute(name) === value) &&
    FIELD_MARKERS.classes.every((name) => el.classList.contains(name))
  );
}

describe('MarkerWriter', () => {
  const writer = () => new MarkerWriter(FIELD_MARKERS, UNMASK_MARKERS);
  /** `html` holds one element with id "f", which is marked. */
  const marked = (html: string) => {
    document.body.innerHTML = html;
    const el = document.querySelector('#f') as Element;
    const markers = writer();
    markers.mark(el);
    return { el, markers };
  };

  it('marks, then restores the element exactly as the page had it', () => {
    document.body.innerHTML =
      '<input id="f" class="form-control fs-mask" data-dd-privacy="allow" data-hj-allow="" data-public>';
    const el = document.querySelector('#f') as Element;
    const before = el.outerHTML;
    const markers = writer();
    expect(markers.mark(el)).toBe(true);
    expect(hasAllFieldMarkers(el)).toBe(true);
    // Unmasking tokens the page set are gone while the field is protected...
    expect(el.hasAttribute('data-hj-allow')).toBe(false);
    expect(el.hasAttribute('data-public')).toBe(false);
    expect(el.getAttribute('data-dd-privacy')).toBe('mask');
    // ...and marking again writes nothing.
    expect(markers.mark(el)).toBe(false);
    markers.unmark(el);
    expect(el.outerHTML).toBe(before);
    // The page's own fs-mask class was never Tally's to remove.
    expect(el.classList.contains('fs-mask')).toBe(true);
  });

  it('a field with none of the tokens: marked, stripped of a later unmask token, restored exactly', () => {
    document.body.innerHTML = '<input id="f" class="form-control" name="ssn">';
    const el = document.querySelector('#f') as Element;
    const before = el.outerHTML;
    const markers = writer();
    markers.mark(el);
    expect(hasAllFieldMarkers(el)).toBe(true);
    // The page unmasks it after the fact, and drops one marker: both are undone on reassert.
    el.setAttribute('data-hj-allow', '');
    el.removeAttribute('data-rr-is-password');
    markers.reassert(el);
    expect(hasAllFieldMarkers(el)).toBe(true);
    expect(el.hasAttribute('data-hj-allow')).toBe(false);
    markers.unmark(el);
    // Back as it was, with the page's own later token given back.
    expect(el.getAttribute('data-hj-allow')).toBe('');
    el.removeAttribute('data-hj-allow');
    expect(el.outerHTML).toBe(before);
  });

  it('a field without a class attribute gets every marker class, and none left behind after', () => {
    document.body.innerHTML = '<input id="f" name="ssn">';
    const el = document.querySelector('#f') as Element;
    const before = el.outerHTML;
    const markers = writer();
    markers.mark(el);
    expect(hasAllFieldMarkers(el)).toBe(true);
    expect(el.classList.length).toBe(FIELD_MARKERS.classes.length);
    markers.unmark(el);
    expect(el.outerHTML).toBe(before);
  });

  it('a page that empties the classes of a marked field gets them back; its own class survives', () => {
    const { el, markers } = marked('<input id="f">');
    el.className = '';
    markers.reassert(el);
    expect(hasAllFieldMarkers(el)).toBe(true);
    el.className = 'page-class';
    markers.reassert(el);
    expect(hasAllFieldMarkers(el)).toBe(true);
    markers.unmark(el);
    expect(el.className).toBe('page-class');
  });

  it('re-applies markers a re-render removed, a bounded number of times', () => {
    const { el, markers } = marked('<input id="f" class="a">');
    for (let round = 0; round < 50; round++) {
      el.className = 'a b'; // what React or Vue do with a changed className prop
      markers.reassert(el);
    }
    // A page that keeps fighting wins after the bound; until then each re-render was undone.
    expect(el.className).toBe('a b');
    markers.unmark(el);
    expect(el.className).toBe('a b');
  });

  it('classes added again after a re-render are removed on unmark; the page’s new classes stay', () => {
    const { el, markers } = marked('<input id="f" class="a">');
    el.className = 'a c';
    markers.reassert(el);
    expect(hasAllFieldMarkers(el)).toBe(true);
    markers.unmark(el);
    expect(el.className).toBe('a c');
  });
});

describe('FieldScanner with recorder markers', () => {
  let scanner: FieldScanner;
  beforeEach(() => {
    document.body.innerHTML = '';
    scanner = new FieldScanner(document, {
      onChange: () => undefined,
      scheduleIdle: () => undefined,
    });
  });
  afterEach(() => scanner.stop());

  it('marks flagged fields for recorders, and only those', () => {
    document.body.innerHTML = `
      <label for="ssn">Social Security number</label><input id="ssn" data-hj-allow>
      <label for="city">City</label><input id="city">`;
    scanner.start();
    const ssn = document.querySelector('#ssn') as Element;
    expect(hasAllFieldMarkers(ssn)).toBe(true);
    expect(ssn.hasAttribute('data-hj-allow')).toBe(false);
    const city = document.querySelector('#city') as Element;
    expect(city.hasAttribute('data-rr-is-password')).toBe(false);
    expect(city.className).toBe('');
  });

  it('takes markers off a field that is re-labelled as ordinary, and gives back the page’s tokens', async () => {
    document.body.innerHTML = '<input id="f" aria-label="Password" data-public>';
    scanner.start();
    const field = document.querySelector('#f') as Element;
    expect(hasAllFieldMarkers(field)).toBe(true);
    field.setAttribute('aria-label', 'Favourite colour');
    await flush();
    expect(field.hasAttribute('data-rr-is-password')).toBe(false);
    expect(field.hasAttribute('data-public')).toBe(true);
    expect(field.className).toBe('');
  });

  it('puts back a marker attribute a script removed, and strips an unmask token it added', async () => {
    document.body.innerHTML = '<label for="f">Member ID</label><input id="f">';
    scanner.start();
    const field = document.querySelector('#f') as Element;
    expect(hasAllFieldMarkers(field)).toBe(true);
    // An unrelated attribute change is seen by the watch but writes nothing.
    field.setAttribute('aria-invalid', 'true');
    field.removeAttribute('data-private');
    field.setAttribute('data-clarity-unmask', '');
    await flush();
    expect(hasAllFieldMarkers(field)).toBe(true);
    expect(field.hasAttribute('data-clarity-unmask')).toBe(false);
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts markers back after a framework rewrites the class attribute', async () => {
    document.body.innerHTML =
      '<label for="f">Diagnosis</label><textarea id="f" class="x"></textarea>';
    scanner.start();
    const field = document.querySelector('#f') as Element;
    field.className = 'x y';
    await flush();
    expect(hasAllFieldMarkers(field)).toBe(true);
    expect(field.classList.contains('y')).toBe(true);
  });
});
