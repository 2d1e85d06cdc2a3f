// Text files are written back in the encoding they came in (UTF-8 with or without BOM, UTF-16, GB18030),
// and only when decoding and re-encoding the original gives back exactly its bytes: then every byte
// outside the changed values is certain to stay as it was.
import { decodeText } from '../loaders/decode.js';

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

let gbTable: Map<number, number[]> | undefined;

/** Reverse of the GB18030 decoder for the BMP: one- and two-byte codes, and the four-byte BMP range. */
function gb18030Table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const t = new Map<number, number[]>();
  const dec = new TextDecoder('gb18030');
  const add = (bytes: number[]) => {
    const s = dec.decode(Uint8Array.from(bytes));
    if (s.length !== 1 || s === '\uFFFD') return;
    const cp = s.charCodeAt(0);
    if (!t.has(cp)) t.set(cp, bytes);
  };
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) add([b1, b2]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
    }
  }
  gbTable = t;
  return t;
}

function encodeGb18030(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let table: Map<number, number[]> | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    if (cp >= 0x10000) {
      let lin = cp - 0x10000;
      const b4 = lin % 10; lin = Math.floor(lin / 10);
      const b3 = lin % 126; lin = Math.floor(lin / 126);
      const b2 = lin % 10; const b1 = Math.floor(lin / 10);
      out.push(0x90 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4);
      continue;
    }
    table ??= gb18030Table();
    const bytes = table.get(cp);
    if (!bytes) return undefined;
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

/** `text` in `encoding` (as named by decodeText), with the BOM of that encoding; undefined if a character cannot be written. */
export function encodeText(text: string, encoding: string): Uint8Array | undefined {
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.concat([Buffer.from(BOM_UTF8), Buffer.from(text, 'utf8')]));
    case 'utf-16le':
      return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]));
    }
    case 'gb18030':
      return encodeGb18030(text);
    default:
      return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The text of a file and its encoding, when writing the text back reproduces the file byte for byte. */
export function decodeForRewrite(buf: Uint8Array): { text: string; encoding: string } | undefined {
  const { text, encoding } = decodeText(buf);
  const again = encodeText(text, encoding);
  return again && sameBytes(again, buf) ? { text, encoding } : undefined;
}
