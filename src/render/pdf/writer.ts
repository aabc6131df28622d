/**
 * The PDF objects the typesetting code builds (names, strings, arrays, dictionaries, streams,
 * references, numbered indirect objects) and their serialisation, which pdf-lib does: its object
 * model and writer produce the cross-reference table and trailer. The typesetting (fonts, text,
 * page content) is ours; the file format is pdf-lib's.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray, PDFBool, PDFContext, PDFDict as LibDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRawStream, PDFRef, PDFString, PDFWriter,
  type PDFObject,
} from 'pdf-lib/dist/pdf-lib.esm.min.js';

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

/** A stream: a dictionary and its (already encoded) bytes; `Length` is added when written. */
export class PdfStream {
  constructor(readonly dict: PdfDict, readonly data: Uint8Array) {}
}

/** Any PDF value. `undefined` entries of a dictionary are left out. */
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfLiteral | PdfText | PdfStream | PdfValue[] | PdfDict;
/** A dictionary: keys are names without the slash. */
export interface PdfDict {
  [key: string]: PdfValue | undefined;
}

/** Shorthand for a name. */
export const name = (n: string) => new PdfName(n);

/** Numbers to at most four decimals (PDF has no exponent form). */
function num(v: number): number {
  if (!Number.isFinite(v)) throw new Error(`Unexpected number ${v} in a PDF object, expected a finite number`);
  return Math.round(v * 10000) / 10000;
}

/** A literal string's body with `(`, `)` and `\` escaped; pdf-lib writes a PDFString's text as given. */
function escapeLiteral(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new Error(`Unexpected character U+${c.toString(16)} in a PDF literal string, expected Latin-1 (use a text string)`);
    const ch = s[i]!;
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (c < 0x20 || c > 0x7e) out += '\\' + c.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out;
}

/** The file identifier's placeholder: the ID is a hash of the file written with it, then put in its place. */
const idPlaceholder = '0'.repeat(32);

/** A PDF document under construction: indirect objects by number, written in number order. */
export class PdfWriter {
  private readonly context = PDFContext.create();
  private readonly refs: PDFRef[] = [];

  /** Reserves an object number (for objects that refer to each other). */
  alloc(): PdfRef {
    const ref = this.context.nextRef();
    this.refs[ref.objectNumber] = ref;
    return new PdfRef(ref.objectNumber);
  }

  /** Sets the value of a reserved object. */
  set(ref: PdfRef, value: PdfValue): PdfRef {
    this.context.assign(this.libRef(ref), this.toLib(value));
    return ref;
  }

  /** Adds an indirect object and returns its reference. */
  add(value: PdfValue): PdfRef {
    return this.set(this.alloc(), value);
  }

  /**
   * The file, serialised by pdf-lib. The file identifier is a hash of the content, so the same
   * document always gets the same one.
   */
  async save(root: PdfRef, info: PdfRef): Promise<Uint8Array> {
    const placeholder = PDFHexString.of(idPlaceholder);
    this.context.trailerInfo = { Root: this.libRef(root), Info: this.libRef(info), ID: this.context.obj([placeholder, placeholder]) };
    const bytes = await PDFWriter.forContext(this.context, Infinity).serializeToBuffer();
    const id = createHash('md5').update(bytes).digest('hex').toUpperCase();
    // The two placeholders are the last occurrences of the pattern: the trailer ends the file.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const at = text.lastIndexOf(`<${idPlaceholder}>`, text.length);
    const first = text.lastIndexOf(`<${idPlaceholder}>`, at - 1);
    if (at < 0 || first < 0) throw new Error('PDF trailer without its file identifier');
    for (const p of [first, at]) bytes.set(Buffer.from(id, 'latin1'), p + 1);
    return bytes;
  }

  private libRef(ref: PdfRef): PDFRef {
    const r = this.refs[ref.id];
    if (!r) throw new Error(`Unexpected reference ${ref.id} 0 R, expected an object of this document`);
    return r;
  }

  private toLib(v: PdfValue | undefined): PDFObject {
    if (v === null || v === undefined) return PDFNull;
    if (typeof v === 'number') return PDFNumber.of(num(v));
    if (typeof v === 'boolean') return v ? PDFBool.True : PDFBool.False;
    if (v instanceof PdfName) return PDFName.of(v.name);
    if (v instanceof PdfRef) return this.libRef(v);
    if (v instanceof PdfLiteral) return PDFString.of(escapeLiteral(v.value));
    if (v instanceof PdfText) return PDFHexString.fromText(v.value);
    if (Array.isArray(v)) {
      const a = PDFArray.withContext(this.context);
      for (const item of v) a.push(this.toLib(item));
      return a;
    }
    if (v instanceof PdfStream) return PDFRawStream.of(this.toDict(v.dict), v.data);
    return this.toDict(v);
  }

  private toDict(d: PdfDict): LibDict {
    const out = LibDict.withContext(this.context);
    for (const [k, item] of Object.entries(d)) if (item !== undefined) out.set(PDFName.of(k), this.toLib(item));
    return out;
  }
}
