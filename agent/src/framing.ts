/**
 * Native messaging framing (Chrome and Firefox alike): each message is UTF-8 JSON preceded by its
 * length as a 32-bit unsigned integer in the machine's byte order (little-endian on every platform
 * browsers ship on). Browsers refuse messages from a host larger than 1 MB.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_MESSAGE_BYTES) throw new Error('message larger than 1 MB');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

export type Frame = { ok: true; message: unknown } | { ok: false; error: string };

/** Splits a byte stream into messages; feed it chunks as they arrive. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32LE(0);
      if (length > 64 * MAX_MESSAGE_BYTES) {
        // Not a frame header: nothing after it can be trusted to line up.
        frames.push({ ok: false, error: `frame of ${length} bytes` });
        this.pending = Buffer.alloc(0);
        break;
      }
      if (this.pending.length < 4 + length) break;
      const body = this.pending.subarray(4, 4 + length).toString('utf8');
      this.pending = this.pending.subarray(4 + length);
      try {
        frames.push({ ok: true, message: JSON.parse(body) as unknown });
      } catch {
        frames.push({ ok: false, error: 'not JSON' });
      }
    }
    return frames;
  }
}
