import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME_AT_START } from '@/utils/content-script-scope';
import { startFieldGuard } from './field-guard';

export default defineContentScript({
  ...EVERY_FRAME_AT_START,
  main() {
    startFieldGuard();
  },
});
