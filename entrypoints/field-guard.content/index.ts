import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFieldGuard } from './field-guard';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Recorders serialise a field when they first see it: flags must be in place
  // before any page script runs, in every frame (DEVELOPERS.md, measured cost ≈ 0).
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    startFieldGuard();
  },
});
