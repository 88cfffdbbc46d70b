import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL, handleFromTally, type AgentState } from '@/agent/src/reference-agent';

const fresh: AgentState = { control: DEFAULT_CONTROL, pausedUntil: null };

describe('the reference agent', () => {
  it('answers hello with its protocol and status', () => {
    const { replies } = handleFromTally(
      fresh,
      { type: 'hello', protocol: 1, client: 'tally', version: '1.2.3' },
      5,
    );
    expect(replies).toEqual([
      { type: 'hello', protocol: 1 },
      {
        type: 'status',
        capturing: true,
        program: 'Reference capture agent',
        modes: ['keystrokes', 'clicks', 'screenshots'],
      },
    ]);
  });

  it('acknowledges a pause and a resume by id, and logs what it was told', () => {
    const paused = handleFromTally(fresh, { type: 'pause', id: 'p-12345678', until: 9000 }, 10);
    expect(paused.state.pausedUntil).toBe(9000);
    expect(paused.replies).toEqual([{ type: 'ack', id: 'p-12345678' }]);
    expect(paused.log).toEqual([
      { at: 10, event: 'received', message: { type: 'pause', id: 'p-12345678', until: 9000 } },
      { at: 10, event: 'sent', message: { type: 'ack', id: 'p-12345678' } },
    ]);
    const resumed = handleFromTally(paused.state, { type: 'resume', id: 'r-12345678' }, 11);
    expect(resumed.state.pausedUntil).toBeNull();
    expect(resumed.replies).toEqual([{ type: 'ack', id: 'r-12345678' }]);
  });

  it('stays silent when set not to acknowledge, and rejects what is not the protocol', () => {
    const quiet = { ...fresh, control: { ...DEFAULT_CONTROL, acknowledge: false } };
    expect(
      handleFromTally(quiet, { type: 'pause', id: 'p-12345678', until: 1 }, 0).replies,
    ).toEqual([]);
    for (const junk of [null, 'pause', { type: 'pause' }, { type: 'resume', id: 'x' }, [1]]) {
      const result = handleFromTally(fresh, junk, 0);
      expect(result.replies).toEqual([]);
      expect(result.log[0]?.event).toBe('rejected');
    }
    // A sensitive report carries categories and rectangles only: a value is not the protocol.
    const withValue = {
      type: 'sensitive',
      active: true,
      categories: ['national-id'],
      rects: [{ x: 1, y: 2, width: 3, height: 4 }],
    };
    expect(handleFromTally(fresh, withValue, 0).log[0]?.event).toBe('received');
    expect(
      handleFromTally(fresh, { ...withValue, categories: ['123-45-6789'] }, 0).log[0]?.event,
    ).toBe('rejected');
  });
});
