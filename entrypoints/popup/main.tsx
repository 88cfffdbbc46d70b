import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from './popup-app';
import { loadActiveTabFindings } from './tab-findings-client';

// Findings arrive while the popup is open: the background stores them in session storage.
function subscribe(onChange: () => void): () => void {
  const listener = (): void => onChange();
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}

const root = document.getElementById('app');
if (root) render(<PopupApp load={loadActiveTabFindings} subscribe={subscribe} />, root);
