import { render } from 'preact';
import { browser } from 'wxt/browser';
import { readAudit } from '@/utils/audit/audit-store';
import type { PopupToBackground } from '@/utils/messages/popup-to-background';
import {
  readPageSnapshot,
  sendToBackground,
  subscribe,
  translate,
  uiLanguage,
} from '../popup/popup-data';
import { OptionsApp, type OptionsActions } from './options-app';

/** Settings changes either succeed or say why not. */
async function send(request: PopupToBackground): Promise<void> {
  const answer = await sendToBackground(request);
  if (!answer.ok) throw new Error('error' in answer ? answer.error : 'refused');
}

const actions: OptionsActions = {
  load: async () => {
    const [snapshot, audit] = await Promise.all([
      readPageSnapshot(),
      readAudit(browser.storage.local),
    ]);
    return { snapshot, audit };
  },
  setSettings: (settings) => send({ type: 'options/set-settings', settings }),
  clearAudit: () => send({ type: 'options/clear-audit' }),
};

document.documentElement.lang = uiLanguage();
document.title = translate('optionsTitle');
const root = document.getElementById('app');
if (root) {
  render(
    <OptionsApp actions={actions} subscribe={subscribe} t={translate} locale={uiLanguage()} />,
    root,
  );
}
