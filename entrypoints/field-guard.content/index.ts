import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME_AT_START } from '@/utils/content-script-scope';
import { startFieldGuard } from './field-guard';
// The screen shield's stylesheet: injected by the browser with the script, before the page.
import './shield.css';

export default defineContentScript({
  ...EVERY_FRAME_AT_START,
  main() {
    startFieldGuard();
  },
});
