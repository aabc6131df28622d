/**
 * Bytes of a text source → string. UTF-8 (with or without BOM) and UTF-16 with BOM are decoded
 * exactly; text that is not valid UTF-8 but looks like a single-byte Western encoding is read as
 * Windows-1252 with a warning (the common case: a file saved as Latin-1); anything that looks
 * binary is refused. Line ends are normalised to `\n` so offsets count one per line break.
 */
import type { StageContext } from '../model/context.js';

/** What decoding found. */
export interface DecodedText {
  text: string;
  encoding: string;
}

/** Options of {@link decodeBytes}. */
export interface DecodeOptions {
  /** Read invalid UTF-8 as Windows-1252 (with a warning) when it looks like text. */
  latin1Fallback: boolean;
}

export const defaultDecodeOptions: Readonly<DecodeOptions> = { latin1Fallback: true };

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need > n - 1) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Share of bytes (in a prefix) that are control characters no text file contains. */
function controlShare(bytes: Uint8Array, limit = 65536): { share: number; nul: number; first: number } {
  const n = Math.min(bytes.length, limit);
  let bad = 0;
  let nul = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    // tab, LF, FF, CR and ESC-free text; everything else below 0x20 (and DEL) is suspicious
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) {
      bad++;
      if (first < 0) first = i;
    }
  }
  return { share: n ? bad / n : 0, nul, first };
}

/** `\r\n` and lone `\r` → `\n`. */
export function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** Decode a text file's bytes; reports and returns null when the bytes are not text. */
export function decodeBytes(bytes: Uint8Array, path: string, ctx: StageContext, options: Readonly<DecodeOptions> = defaultDecodeOptions): DecodedText | null {
  // UTF-16 and UTF-32 announce themselves with a byte-order mark.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0) {
      ctx.report.fatal(path, 0, 'Unexpected UTF-32 byte-order mark, expected UTF-8 or UTF-16 text', 'undecodable');
      return null;
    }
    const le = bytes[0] === 0xff;
    if ((bytes.length - 2) % 2 !== 0) {
      ctx.report.fatal(path, bytes.length - 1, `Unexpected odd number of bytes in UTF-16${le ? 'LE' : 'BE'} text, expected pairs of bytes`, 'undecodable');
      return null;
    }
    try {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
      return checkDecoded(normaliseLineEnds(text), le ? 'utf-16le' : 'utf-16be', path, ctx);
    } catch {
      ctx.report.fatal(path, undefined, `Unexpected unpaired surrogate in UTF-16${le ? 'LE' : 'BE'} text, expected valid UTF-16`, 'undecodable');
      return null;
    }
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const ctl = controlShare(body);
  if (ctl.nul > 0 || ctl.share > 0.01) {
    ctx.report.fatal(path, (hasBom ? 3 : 0) + Math.max(0, ctl.first), `Unexpected binary content (control byte 0x${body[Math.max(0, ctl.first)].toString(16).padStart(2, '0')} at byte ${(hasBom ? 3 : 0) + Math.max(0, ctl.first)}), expected text`, 'binary-source');
    return null;
  }
  const bad = firstInvalidUtf8(body);
  if (bad < 0) {
    return checkDecoded(normaliseLineEnds(new TextDecoder('utf-8').decode(body)), hasBom ? 'utf-8-bom' : 'utf-8', path, ctx);
  }
  const where = (hasBom ? 3 : 0) + bad;
  if (options.latin1Fallback && !hasBom && looksLikeSingleByteText(body)) {
    const text = normaliseLineEnds(new TextDecoder('windows-1252').decode(body));
    ctx.report.add({ severity: 'warning', file: path, ...byteLineColumn(bytes, where), message: `Unexpected byte 0x${body[bad].toString(16)} at byte ${where} that is not UTF-8, expected UTF-8: read as Windows-1252 (Latin-1); save the file as UTF-8 to silence this`, rule: 'latin1-fallback' });
    return checkDecoded(text, 'windows-1252', path, ctx);
  }
  ctx.report.add({ severity: 'fatal', file: path, ...byteLineColumn(bytes, where), message: `Unexpected byte 0x${body[bad].toString(16)} at byte ${where}, expected UTF-8 text`, rule: 'undecodable' });
  return null;
}

/** 1-based line and (byte) column of byte `index`, so an undecodable byte is reported where an editor shows it. */
function byteLineColumn(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) { line++; last = i; }
  return { line, column: index - last };
}

/**
 * Single-byte Western text: high bytes are a small minority and mostly stand alone between ASCII
 * letters (é, ü, ’ …), rather than forming runs as they would in binary or another multi-byte code.
 */
function looksLikeSingleByteText(bytes: Uint8Array): boolean {
  let high = 0;
  let runs = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    if (bytes[i] >= 0x80) {
      high++;
      if (i + 1 < n && bytes[i + 1] >= 0x80) runs++;
    }
  }
  return high / Math.max(1, n) < 0.3 && runs <= high / 2;
}

function checkDecoded(text: string, encoding: string, path: string, ctx: StageContext): DecodedText | null {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!t.trim()) {
    ctx.report.fatal(path, 0, 'Unexpected empty source, expected some text', 'empty-source');
    return null;
  }
  return { text: t, encoding };
}
