/**
 * The PDF file format itself: objects (numbers, names, strings, arrays, dictionaries, streams,
 * references), numbered indirect objects, the cross-reference table and the trailer. The
 * typesetting code builds the document from these and `save` serialises it. Small on purpose:
 * the renderer needs no parsing, editing or encryption, and loading a general PDF library cost
 * more than writing the whole file.
 */
import { createHash } from 'node:crypto';

/** A PDF name (`/Type`). */
export class PdfName {
  constructor(readonly name: string) {}
}

/** A reference to an indirect object (`12 0 R`). */
export class PdfRef {
  constructor(readonly id: number) {}
}

/** A string written as is between parentheses (ASCII: dates, URIs, language tags). */
export class PdfLiteral {
  constructor(readonly value: string) {}
}

/** A text string (titles, names): UTF-16BE with a byte-order mark, written in hex. */
export class PdfText {
  constructor(readonly value: string) {}
}

/** Bytes written in hex (`<0A1B…>`), e.g. the file identifier. */
export class PdfHex {
  constructor(readonly hex: string) {}
}

/** A stream: a dictionary and its (already encoded) bytes; `Length` is added when written. */
export class PdfStream {
  constructor(readonly dict: PdfDict, readonly data: Uint8Array) {}
}

/** Any PDF value. `undefined` entries of a dictionary are left out. */
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfLiteral | PdfText | PdfHex | PdfStream | PdfValue[] | PdfDict;
/** A dictionary: keys are names without the slash. */
export interface PdfDict {
  [key: string]: PdfValue | undefined;
}

/** Shorthand for a name. */
export const name = (n: string) => new PdfName(n);

/** Numbers to at most four decimals, never in exponent form. */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`Unexpected number ${v} in a PDF object, expected a finite number`);
  const r = Math.round(v * 10000) / 10000;
  return Number.isInteger(r) ? String(r) : r.toFixed(4).replace(/0+$/, '');
}

/** Characters allowed in a name as they are; others are written `#xx`. */
const regularName = /^[!-~]$/;
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#']);

function nameToString(n: string): string {
  let out = '/';
  for (const byte of new TextEncoder().encode(n)) {
    const c = String.fromCharCode(byte);
    out += regularName.test(c) && !delimiters.has(c) ? c : `#${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

function literalToString(s: string): string {
  let out = '(';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new Error(`Unexpected character U+${c.toString(16)} in a PDF literal string, expected Latin-1 (use a text string)`);
    const ch = s[i]!;
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (c < 0x20 || c > 0x7e) out += '\\' + c.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + ')';
}

function textToString(s: string): string {
  let out = '<FEFF';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return out + '>';
}

/** A PDF document under construction: indirect objects by number, written in number order. */
export class PdfWriter {
  private objects: (PdfValue | undefined)[] = [undefined];

  /** Reserves an object number (for objects that refer to each other). */
  alloc(): PdfRef {
    this.objects.push(undefined);
    return new PdfRef(this.objects.length - 1);
  }

  /** Sets the value of a reserved object. */
  set(ref: PdfRef, value: PdfValue): PdfRef {
    this.objects[ref.id] = value;
    return ref;
  }

  /** Adds an indirect object and returns its reference. */
  add(value: PdfValue): PdfRef {
    return this.set(this.alloc(), value);
  }

  /**
   * The file: header, objects, cross-reference table, trailer. The file identifier is a hash
   * of the content, so the same document always gets the same one.
   */
  save(root: PdfRef, info: PdfRef): Uint8Array {
    const chunks: Uint8Array[] = [];
    const enc = new TextEncoder();
    let text = '';
    let length = 0;
    const flush = () => {
      if (text) {
        // Everything outside stream data is ASCII, so one byte per character.
        const bytes = enc.encode(text);
        chunks.push(bytes);
        length += bytes.length;
        text = '';
      }
    };
    const write = (v: PdfValue | undefined): void => {
      if (v === null || v === undefined) text += 'null';
      else if (typeof v === 'number') text += num(v);
      else if (typeof v === 'boolean') text += v ? 'true' : 'false';
      else if (v instanceof PdfName) text += nameToString(v.name);
      else if (v instanceof PdfRef) text += `${v.id} 0 R`;
      else if (v instanceof PdfLiteral) text += literalToString(v.value);
      else if (v instanceof PdfText) text += textToString(v.value);
      else if (v instanceof PdfHex) text += `<${v.hex}>`;
      else if (Array.isArray(v)) {
        text += '[';
        v.forEach((item, i) => {
          if (i > 0) text += ' ';
          write(item);
        });
        text += ']';
      } else if (v instanceof PdfStream) {
        write({ ...v.dict, Length: v.data.length });
        text += '\nstream\n';
        flush();
        chunks.push(v.data);
        length += v.data.length;
        text += '\nendstream';
      } else {
        text += '<<';
        for (const [k, item] of Object.entries(v)) {
          if (item === undefined) continue;
          text += nameToString(k) + ' ';
          write(item);
          text += ' ';
        }
        text += '>>';
      }
    };
    text += '%PDF-1.7\n';
    flush();
    // A comment of four high bytes marks the file as binary.
    chunks.push(Uint8Array.of(0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a));
    length += 6;
    const offsets: number[] = [0];
    for (let id = 1; id < this.objects.length; id++) {
      flush();
      offsets.push(length);
      text += `${id} 0 obj\n`;
      write(this.objects[id]);
      text += '\nendobj\n';
    }
    flush();
    const hash = createHash('md5');
    for (const c of chunks) hash.update(c);
    const id = hash.digest('hex').toUpperCase();
    const xref = length;
    text += `xref\n0 ${this.objects.length}\n0000000000 65535 f \n`;
    for (let i = 1; i < offsets.length; i++) text += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
    text += 'trailer\n';
    write({ Size: this.objects.length, Root: root, Info: info, ID: [new PdfHex(id), new PdfHex(id)] });
    text += `\nstartxref\n${xref}\n%%EOF\n`;
    flush();
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
