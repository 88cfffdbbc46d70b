/**
 * The banner's and indicator's styles, inside their closed shadow roots. `:host` rules with
 * !important outrank the page's own !important rules on the host (the shadow tree's context wins
 * for important declarations), so `* { all: unset !important }` or `div { display: none
 * !important }` on the page cannot hide or restyle them. Colours are Tally's own, opaque, so the
 * text stays readable on light and dark pages alike; the user's colour scheme picks the palette.
 */
const HOST = `
:host {
  all: initial !important;
  position: fixed !important;
  z-index: 2147483647 !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  pointer-events: none !important;
  contain: layout style !important;
}
`;

export const BANNER_CSS = `${HOST}
:host { inset-block-end: 16px !important; inset-inline-end: 16px !important; }
section {
  pointer-events: auto;
  box-sizing: border-box;
  max-inline-size: min(420px, calc(100vw - 32px));
  max-block-size: calc(100vh - 32px);
  overflow: auto;
  padding: 12px 14px;
  border-radius: 10px;
  border: 2px solid #b3261e;
  background: #fff;
  color: #1b1b1f;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
  text-align: start;
}
p { margin: 0 0 6px; }
.headline { font-weight: 700; color: #b3261e; }
.headline::before { content: "● "; }
.warning { color: #7a2e00; background: #fff4e5; padding: 4px 6px; border-radius: 6px; }
.buttons { display: flex; flex-wrap: wrap; gap: 6px; margin-block-start: 8px; }
button {
  font: inherit;
  padding: 4px 10px;
  border-radius: 6px;
  border: 1px solid #5f5f66;
  background: #f3f3f6;
  color: inherit;
  cursor: pointer;
}
button.primary { background: #b3261e; border-color: #b3261e; color: #fff; }
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
button[disabled] { opacity: 0.6; cursor: default; }
ul { margin: 8px 0 0; padding-inline-start: 18px; }
@media (prefers-color-scheme: dark) {
  section { background: #1f1f23; color: #ececf1; border-color: #f2b8b5; }
  .headline { color: #f2b8b5; }
  .warning { color: #ffdcc2; background: #4a2800; }
  button { background: #2c2c31; border-color: #8e8e96; }
  button.primary { background: #f2b8b5; border-color: #f2b8b5; color: #601410; }
}
`;

export const INDICATOR_CSS = `${HOST}
div {
  box-sizing: border-box;
  max-inline-size: 320px;
  padding: 4px 8px;
  border-radius: 6px;
  background: #1b1b1f;
  color: #fff;
  font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
}
div::before { content: "🔒 "; }
`;
