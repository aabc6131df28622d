/**
 * Bounded decompression for ZIP containers (DOCX): the central directory is read and every entry
 * inflated with a cap on its output before the real reader sees the file, so a zip bomb is refused
 * instead of filling memory.
 */
import { inflateRawSync } from 'node:zlib';

/** Limits for {@link checkZip}. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest allowed uncompressed/compressed ratio for entries above 1 MB. */
  maxRatio: number;
}

export const defaultZipLimits: Readonly<ZipLimits> = { maxEntries: 5000, maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 300 * 1024 * 1024, maxRatio: 200 };

/** Null when the archive is within limits, else the reason it is refused. */
export function checkZip(bytes: Uint8Array, limits: Readonly<ZipLimits> = defaultZipLimits): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // end of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return 'not a ZIP archive (no end of central directory)';
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) return `too many entries (${entries})`;
  if (cdOffset >= buf.length) return 'central directory outside the file';
  let p = cdOffset;
  let total = 0;
  for (let e = 0; e < entries; e++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return 'damaged central directory';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (size > limits.maxEntryBytes) return `entry ${name} would expand to ${size} bytes`;
    total += size;
    if (total > limits.maxTotalBytes) return `entries would expand to more than ${limits.maxTotalBytes} bytes`;
    if (size > 1024 * 1024 && size / Math.max(1, compressed) > limits.maxRatio) return `entry ${name} has a compression ratio of ${Math.round(size / Math.max(1, compressed))}:1`;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return `damaged local header for ${name}`;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return `entry ${name} runs past the end of the file`;
    if (method === 8) {
      try {
        // declared sizes can lie: inflate with a hard cap
        inflateRawSync(buf.subarray(start, start + compressed), { maxOutputLength: Math.min(limits.maxEntryBytes, size + 1024) });
      } catch (err) {
        return (err as Error).name === 'RangeError' ? `entry ${name} expands beyond its declared size` : `entry ${name} does not inflate (${(err as Error).message})`;
      }
    } else if (method !== 0) return `entry ${name} uses unsupported compression method ${method}`;
  }
  return null;
}
