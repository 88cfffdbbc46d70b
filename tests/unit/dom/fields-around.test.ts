// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runAround } from '@/utils/dom/fields-around';

const SSN = [3, 2, 4];
/** An input's maxlength is its width; other elements are not fields. */
const widthOf = (el: Element) =>
  el.localName === 'input' ? Number(el.getAttribute('maxlength') ?? -1) : undefined;
const byId = (id: string) => document.getElementById(id) as Element;
const ids = (run: Element[] | null) => run?.map((el) => el.id) ?? null;

describe('runAround', () => {
  it('finds the run from any of its fields, through wrappers, labels and separators', () => {
    document.body.innerHTML = `<form id="f">
      <div><label>Area</label><div><input id="a" maxlength="3"></div></div><span>-</span>
      <div><label>Group</label><input id="b" maxlength="2"><i></i></div>
      <p><b>-</b><input id="c" maxlength="4"></p></form>`;
    for (const id of ['a', 'b', 'c']) {
      expect(ids(runAround(byId(id), byId('f'), widthOf, SSN))).toEqual(['a', 'b', 'c']);
    }
  });

  it('needs the widths in order, side by side, with no other field between', () => {
    document.body.innerHTML = `<form id="f">
      <input id="p" maxlength="3"><input id="q" maxlength="3"><input id="r" maxlength="2"><input id="s" maxlength="4">
      <input id="t" maxlength="3"><input id="x" maxlength="10"><input id="u" maxlength="2"><input id="v" maxlength="4">
      <input id="w" maxlength="2"><input id="y" maxlength="3"><input id="z" maxlength="4"></form>`;
    const run = (id: string) => ids(runAround(byId(id), byId('f'), widthOf, SSN));
    expect(run('p')).toBeNull();
    expect(run('q')).toEqual(['q', 'r', 's']);
    expect(run('s')).toEqual(['q', 'r', 's']);
    expect(run('t')).toBeNull();
    expect(run('u')).toBeNull();
    expect(run('z')).toBeNull();
    expect(run('x')).toBeNull();
  });

  it('stays inside its container, and gives up on fields many elements away', () => {
    const filler = '<span>.</span>'.repeat(20);
    document.body.innerHTML = `<input id="o" maxlength="3"><fieldset id="g">
        <input id="a" maxlength="2"><input id="b" maxlength="4"></fieldset>
      <form id="f"><input id="c" maxlength="3">${filler}<input id="d" maxlength="2"><input id="e" maxlength="4"></form>`;
    expect(runAround(byId('b'), byId('g'), widthOf, SSN)).toBeNull();
    expect(runAround(byId('e'), byId('f'), widthOf, SSN)).toBeNull();
  });
});
