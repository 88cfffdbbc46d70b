import { render } from 'preact';
import { PopupApp } from './popup-app';
import { loadPopupData, popupActions, subscribe, translate, uiLanguage } from './popup-data';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) {
  render(
    <PopupApp
      load={loadPopupData}
      subscribe={subscribe}
      actions={popupActions}
      t={translate}
      locale={uiLanguage()}
    />,
    root,
  );
}
