// Reads a zip's central directory (names and sizes) without inflating anything, so that a form file
// is recognised and a zip bomb refused before a byte of it is decompressed (exports and forms alike).

export interface ZipEntry {
  name: string;
  compressed: number;
  size: number;
}

/**
 * The entries of a zip archive, or undefined when the central directory cannot be found. `base` is
 * the file offset of `buf[0]` when `buf` holds only the end of the file.
 */
export function zipEntries(buf: Uint8Array, base = 0): ZipEntry[] | undefined {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const min = Math.max(0, view.length - 65557);
  let eocd = -1;
  for (let i = view.length - 22; i >= min; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return undefined;
  const count = view.readUInt16LE(eocd + 10);
  let p = view.readUInt32LE(eocd + 16) - base;
  if (p < 0) return undefined;
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > view.length || view.readUInt32LE(p) !== 0x02014b50) return undefined;
    const compressed = view.readUInt32LE(p + 20);
    const size = view.readUInt32LE(p + 24);
    const nameLen = view.readUInt16LE(p + 28);
    const extraLen = view.readUInt16LE(p + 30);
    const commentLen = view.readUInt16LE(p + 32);
    if (p + 46 + nameLen > view.length) return undefined;
    out.push({ name: view.toString('utf8', p + 46, p + 46 + nameLen), compressed, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface ZipLimits {
  /** An entry inflating past this many bytes… */
  maxEntryBytes: number;
  /** …and past this many times its compressed size is refused. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 100 * 1024 * 1024, maxRatio: 100 };

/** The first entry that breaks the limits (a zip bomb), by the sizes the archive declares. */
export function oversizedEntry(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry | undefined {
  return entries.find((e) => e.size > limits.maxEntryBytes && e.size > limits.maxRatio * Math.max(1, e.compressed));
}

/**
 * An entry whose declared size cannot be true: DEFLATE never grows data by more than a few bytes per
 * block, so compressed data well above the declared size means the directory lies (a bomb that
 * hides its size, or a damaged file). Readers trusting the declared size would truncate silently.
 */
export function impossibleEntry(entries: ZipEntry[]): ZipEntry | undefined {
  return entries.find((e) => e.compressed > e.size + 5 * Math.ceil(e.size / 16_000) + 64);
}
