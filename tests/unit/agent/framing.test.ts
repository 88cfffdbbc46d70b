import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader } from '@/agent/src/framing';

describe('native messaging framing', () => {
  it('reads back every message however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        (messages, cuts) => {
          const stream = Buffer.concat(messages.map((m) => encodeFrame(m)));
          const reader = new FrameReader();
          const out: unknown[] = [];
          let at = 0;
          for (let i = 0; at < stream.length; i++) {
            const size = cuts[i % cuts.length] ?? 1;
            for (const frame of reader.push(stream.subarray(at, at + size))) {
              expect(frame.ok).toBe(true);
              if (frame.ok) out.push(frame.message);
            }
            at += size;
          }
          expect(out).toEqual(messages.map((m) => JSON.parse(JSON.stringify(m)) as unknown));
        },
      ),
    );
  });

  it('writes the length as 32-bit little-endian before UTF-8 JSON', () => {
    const frame = encodeFrame({ type: 'ack', id: 'é' });
    expect(frame.readUInt32LE(0)).toBe(frame.length - 4);
    expect(frame.subarray(4).toString('utf8')).toBe('{"type":"ack","id":"é"}');
  });

  it('reports a frame that is not JSON and one whose header is garbage, and goes on', () => {
    const reader = new FrameReader();
    const bad = Buffer.concat([Buffer.from([3, 0, 0, 0]), Buffer.from('{x}')]);
    expect(reader.push(Buffer.concat([bad, encodeFrame(1)]))).toEqual([
      { ok: false, error: 'not JSON' },
      { ok: true, message: 1 },
    ]);
    expect(reader.push(Buffer.from([255, 255, 255, 255, 1]))).toEqual([
      { ok: false, error: 'frame of 4294967295 bytes' },
    ]);
  });
});
