import { describe, expect, it } from 'vitest';
import { sensitiveMessage } from '@/utils/agent/sensitive-union';

const box = (x: number) => ({ x, y: 0, width: 10, height: 10 });

describe('the screen’s sensitive fields, for the agent', () => {
  it('joins the frames of the tabs on screen, in Tally’s category order', () => {
    expect(
      sensitiveMessage(
        [
          { tabId: 1, categories: ['health'], rects: [box(1)] },
          { tabId: 1, categories: ['national-id'], rects: [] },
          { tabId: 2, categories: ['credential'], rects: [box(2)] },
        ],
        new Set([1]),
      ),
    ).toEqual({
      type: 'sensitive',
      active: true,
      categories: ['national-id', 'health'],
      rects: [box(1)],
    });
  });

  it('says "nothing" when no shown tab has any, and keeps at most 50 boxes', () => {
    expect(
      sensitiveMessage([{ tabId: 2, categories: ['health'], rects: [] }], new Set([1])),
    ).toEqual({
      type: 'sensitive',
      active: false,
      categories: [],
      rects: [],
    });
    const many = Array.from({ length: 30 }, (_, i) => box(i));
    const message = sensitiveMessage(
      [
        { tabId: 1, categories: ['health'], rects: many },
        { tabId: 1, categories: ['health'], rects: many },
      ],
      new Set([1]),
    );
    expect(message.rects).toHaveLength(50);
  });
});
