/**
 * A page's content stream written directly as PDF operators: text runs (already encoded as glyph
 * ids by the font set) and filled rectangles. Font and colour are set only when they change, and
 * consecutive runs share one text object, which keeps the stream small and cheap to build.
 */
import { deflateSync } from 'node:zlib';
import type { Rgb } from './text.js';

/**
 * Flate-compresses a stream's data (zlib format, as FlateDecode expects). Node's own zlib: a pure
 * JavaScript deflate spent over 100 ms compiling and running in a cold process for 180 KB. The
 * bytes are the same from run to run; they could differ under another Node release if its
 * bundled zlib changed (the PDF would read the same).
 */
export function compress(data: Uint8Array | string): Uint8Array {
  return deflateSync(data, { level: 6 });
}

/** Coordinates to a thousandth of a point: finer than any device, and short to write. */
const num = (v: number): string => String(Math.round(v * 1000) / 1000 || 0);

/** Builds the operators of one page. */
export class PageContent {
  private ops: string[] = [];
  private inText = false;
  private font = '';
  private fill = '';

  private color(c: Rgb): void {
    const fill = `${num(c[0])} ${num(c[1])} ${num(c[2])} rg`;
    if (fill !== this.fill) {
      this.ops.push(fill);
      this.fill = fill;
    }
  }

  private endText(): void {
    if (this.inText) {
      this.ops.push('ET');
      this.inText = false;
    }
  }

  /** A filled rectangle; `x`, `y` are its lower-left corner in page coordinates. */
  rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.endText();
    this.color(color);
    this.ops.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  /** Text shown by `show` (a `Tj` or `TJ` operation) in font resource `font` at `size`, baseline starting at `x`, `y`. */
  text(x: number, y: number, font: string, size: number, show: string, color: Rgb): void {
    if (!this.inText) {
      this.ops.push('BT');
      this.inText = true;
      // Set the font again in each text object: allowed to carry over, but not every reader does.
      this.font = '';
    }
    const tf = `/${font} ${num(size)} Tf`;
    if (tf !== this.font) {
      this.ops.push(tf);
      this.font = tf;
    }
    this.color(color);
    this.ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm ${show}`);
  }

  /** The operators, one per line. */
  toString(): string {
    this.endText();
    return this.ops.join('\n') + '\n';
  }
}
