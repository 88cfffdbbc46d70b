import { describe, expect, it } from 'vitest';
import { classifyPage, type TextBlock } from '@/utils/detection/classify-page';

const page = (...blocks: TextBlock[]) => classifyPage({ blocks });

describe('classifyPage', () => {
  it.each([
    { text: 'CONFIDENTIAL', placement: 'header' },
    { text: 'Highly Confidential', placement: 'chip' },
    { text: 'Attorney-Client Privileged', placement: 'body' },
    { text: 'INTERNAL USE ONLY — DO NOT FORWARD', placement: 'body' },
    { text: 'Proprietary and Confidential', placement: 'footer' },
    { text: 'Restricted', placement: 'chip' },
    { text: '[CONFIDENTIAL] Q3 plan', placement: 'title' },
    { text: 'Confidential', placement: 'meta' },
    { text: 'Estrictamente confidencial', placement: 'body' },
    { text: 'Solo para uso interno', placement: 'footer' },
    { text: 'Confidential – HR', placement: 'header' },
    { text: 'Q3 board pre-read (Privileged & Confidential)', placement: 'title' },
    { text: 'Reorg plan (Internal only) - Wiki', placement: 'title' },
  ] as const)('recognises %o', (block) => {
    expect(page(block).confidential).toBe(true);
  });

  it.each([
    {
      text: 'The court heard that the memo had been marked confidential and was not meant to be forwarded to anyone outside the firm, according to testimony on Tuesday.',
      placement: 'body',
    },
    { text: 'Confidential informant testifies in fraud trial', placement: 'title' },
    { text: 'Restricted', placement: 'body' },
    { text: 'Privacy policy', placement: 'footer' },
    { text: 'How to keep client information confidential', placement: 'title' },
    { text: 'Send us a confidential tip', placement: 'footer' },
    // A job ad: the word qualifies the search, it stamps nothing.
    { text: 'Chief Financial Officer (Confidential Search) – Apply', placement: 'title' },
  ] as const)('does not take prose for a marking: %o', (block) => {
    expect(page(block).confidential).toBe(false);
  });

  it('says where the marking is', () => {
    expect(page({ text: 'CONFIDENTIAL', placement: 'header' }).reasons[0]).toBe(
      'the page\'s header is marked "CONFIDENTIAL"',
    );
  });
});
