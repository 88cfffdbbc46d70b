import type { CaptureState } from '@/utils/status/capture-status';

const SIZES = [16, 32] as const;
type IconImages = Record<(typeof SIZES)[number], ImageData>;

/**
 * Draws the toolbar icon for each state, so state is carried by shape as well
 * as colour: a solid dot (recording), two bars (paused), a shield (exempt), an
 * empty ring (off) and a question mark (unknown).
 */
function draw(state: CaptureState, size: number): ImageData | undefined {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const s = size / 16;
  const c = size / 2;
  ctx.lineWidth = 2 * s;
  switch (state) {
    case 'active':
      ctx.fillStyle = '#B3261E';
      ctx.beginPath();
      ctx.arc(c, c, 7 * s, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#FFFFFF';
      ctx.beginPath();
      ctx.arc(c, c, 2.5 * s, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'paused':
      ctx.fillStyle = '#B06000';
      ctx.fillRect(3 * s, 2 * s, 4 * s, 12 * s);
      ctx.fillRect(9 * s, 2 * s, 4 * s, 12 * s);
      break;
    case 'exempt':
      ctx.fillStyle = '#5F6368';
      ctx.beginPath();
      ctx.moveTo(c, 1 * s);
      ctx.lineTo(14 * s, 4 * s);
      ctx.quadraticCurveTo(14 * s, 12 * s, c, 15 * s);
      ctx.quadraticCurveTo(2 * s, 12 * s, 2 * s, 4 * s);
      ctx.closePath();
      ctx.fill();
      break;
    case 'off':
      ctx.strokeStyle = '#5F6368';
      ctx.beginPath();
      ctx.arc(c, c, 6 * s, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case 'unknown':
      ctx.strokeStyle = '#5F6368';
      ctx.beginPath();
      ctx.arc(c, c, 6.5 * s, 0, Math.PI * 2);
      ctx.stroke();
      ctx.fillStyle = '#5F6368';
      ctx.font = `bold ${10 * s}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('?', c, c + 0.5 * s);
      break;
  }
  return ctx.getImageData(0, 0, size, size);
}

const cache = new Map<CaptureState, IconImages | undefined>();

/** The icon images for a state, drawn once per worker lifetime; undefined where canvas is unavailable. */
export function iconFor(state: CaptureState): IconImages | undefined {
  if (!cache.has(state)) {
    const [small, large] = SIZES.map((size) => draw(state, size));
    cache.set(state, small && large ? { 16: small, 32: large } : undefined);
  }
  return cache.get(state);
}
