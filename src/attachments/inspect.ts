// What a form file is, by content: never by its extension (INDICATORS.md §D, FIELDS.md §5).
import CFB from 'cfb';
import type { FileKind, Inspection } from './types.js';
import { oversizedEntry, zipEntries } from '../zip-directory.js';

export interface InspectLimits {
  /** Files larger than this are not parsed (problem tooLarge). */
  maxFileBytes: number;
  /** A zip entry inflating past this and past `maxZipRatio` × its compressed size is a bomb. */
  maxZipEntryBytes: number;
  maxZipRatio: number;
  /** Text kept per file for the personal-information check. */
  maxTextChars: number;
}

export const DEFAULT_INSPECT_LIMITS: InspectLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxZipEntryBytes: 100 * 1024 * 1024,
  maxZipRatio: 100,
  maxTextChars: 200_000,
};

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, bytes: number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

const ascii = (buf: Uint8Array, from: number, to: number) => Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1', from, Math.min(to, buf.length));

export function isImage(buf: Uint8Array): boolean {
  return (
    startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
    startsWith(buf, [0xff, 0xd8, 0xff]) || // JPEG
    ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a' ||
    (ascii(buf, 0, 2) === 'BM' && buf.length > 26) ||
    startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF
    (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP')
  );
}

/**
 * Whether an image's bytes are complete: a truncated upload (a common defect) keeps its signature
 * but not its end marker. Formats without a fixed end marker pass on their header alone.
 */
function imageIntact(buf: Uint8Array): boolean {
  const tail = ascii(buf, Math.max(0, buf.length - 64), buf.length);
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return buf.length >= 8 + 25 + 12 && tail.includes('IEND');
  if (startsWith(buf, [0xff, 0xd8, 0xff])) {
    // EOI (FF D9), possibly followed by a little padding.
    for (let i = buf.length - 2; i >= Math.max(2, buf.length - 1024); i--) if (buf[i] === 0xff && buf[i + 1] === 0xd9) return true;
    return false;
  }
  if (ascii(buf, 0, 3) === 'GIF') return buf[buf.length - 1] === 0x3b;
  return true;
}

/** Legacy Office compound file: Word when it holds a `WordDocument` stream. */
function inspectOle(buf: Uint8Array): Inspection {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), { type: 'buffer' });
  } catch {
    return { kind: 'other', readable: false, problem: 'corrupt' };
  }
  const names = new Set(cfb.FileIndex.map((e) => e.name));
  // A password-protected .docx is an OLE2 wrapper around an encrypted package.
  if (names.has('EncryptedPackage') && names.has('EncryptionInfo')) return { kind: 'docx', readable: false, problem: 'encrypted' };
  if (names.has('WordDocument')) {
    const wd = CFB.find(cfb, 'WordDocument');
    const content = wd?.content as Uint8Array | undefined;
    if (!content || content.length < 12 || content[0] !== 0xec || content[1] !== 0xa5) return { kind: 'doc', readable: false, problem: 'corrupt' };
    // FibBase flags: fEncrypted is bit 8 of the word at offset 10.
    if (((content[10]! | (content[11]! << 8)) & 0x0100) !== 0) return { kind: 'doc', readable: false, problem: 'encrypted' };
    return { kind: 'doc', readable: true };
  }
  if (names.has('Workbook') || names.has('Book')) return { kind: 'spreadsheet', readable: true };
  return { kind: 'other', readable: true };
}

async function inspectZip(buf: Uint8Array, limits: InspectLimits): Promise<Inspection> {
  const entries = zipEntries(buf);
  if (!entries) return { kind: 'zip', readable: false, problem: 'corrupt' };
  if (oversizedEntry(entries, { maxEntryBytes: limits.maxZipEntryBytes, maxRatio: limits.maxZipRatio })) {
    const kind: FileKind = entries.some((e) => e.name === 'word/document.xml') ? 'docx' : 'zip';
    return { kind, readable: false, problem: 'tooLarge' };
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) {
    try {
      const mammoth = (await import('mammoth')).default;
      const r = await mammoth.extractRawText({ buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) });
      return { kind: 'docx', readable: true, text: r.value.slice(0, limits.maxTextChars) };
    } catch {
      return { kind: 'docx', readable: false, problem: 'corrupt' };
    }
  }
  if (names.has('xl/workbook.xml')) return { kind: 'spreadsheet', readable: true };
  return { kind: 'zip', readable: true };
}

async function inspectPdf(buf: Uint8Array, limits: InspectLimits): Promise<Inspection> {
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of the array it is given: hand it a copy.
  // No eval-compiled font code: text extraction does not need it, and it was the CVE-2024-4367 path.
  const parser = new PDFParse({ data: new Uint8Array(buf), isEvalSupported: false });
  try {
    const r = await parser.getText();
    if (!r.total) return { kind: 'pdf', readable: false, problem: 'noPages', pages: 0 };
    return { kind: 'pdf', readable: true, pages: r.total, text: r.text.slice(0, limits.maxTextChars) };
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    return { kind: 'pdf', readable: false, problem: name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) bad++;
  }
  return bad * 20 < n;
}

/** Classify a file's bytes. Never throws. */
export async function inspectBytes(buf: Uint8Array, limits: InspectLimits = DEFAULT_INSPECT_LIMITS): Promise<Inspection> {
  if (buf.length === 0) return { kind: 'empty', readable: false };
  if (buf.length > limits.maxFileBytes) return { kind: 'other', readable: false, problem: 'tooLarge' };
  if (startsWith(buf, OLE2)) return inspectOle(buf);
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return inspectZip(buf, limits);
  // The PDF header may follow a little junk (readers accept it within the first 1024 bytes).
  if (ascii(buf, 0, 1024).includes('%PDF-')) return inspectPdf(buf, limits);
  if (isImage(buf)) return imageIntact(buf) ? { kind: 'image', readable: true } : { kind: 'image', readable: false, problem: 'corrupt' };
  const head = ascii(buf, 0, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return { kind: 'rtf', readable: true };
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html')) return { kind: 'html', readable: true };
  if (looksLikeText(buf)) return { kind: 'text', readable: true };
  return { kind: 'other', readable: true };
}
