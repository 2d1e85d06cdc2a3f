// Text decoding for CSV/JSON/HTML exports: BOM, else strict UTF-8, else GB18030 (FIELDS.md §2.1).

export function decodeText(buf: Uint8Array): { text: string; encoding: string } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Detectors misread mostly-ASCII GBK; GB18030 is a superset of GBK and GB2312.
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}

export type ContentKind = 'zip' | 'ole' | 'html' | 'json' | 'text' | 'binary' | 'empty';

/** What a file is by its first bytes, whatever its extension says. */
export function sniff(buf: Uint8Array): ContentKind {
  if (buf.length === 0) return 'empty';
  if (buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05 || buf[2] === 0x07)) return 'zip';
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return 'ole';
  const head = decodeText(buf.subarray(0, Math.min(buf.length, 4096))).text.replace(/^\uFEFF/, '').trimStart();
  if (head.length === 0) return 'empty';
  if (/^<(\?xml|!doctype html|html|table|meta|head|body)/i.test(head)) return 'html';
  if (head[0] === '{' || head[0] === '[') return 'json';
  // Control bytes other than tab/CR/LF in the first block: binary, not text.
  let ctrl = 0;
  const n = Math.min(buf.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) ctrl++;
  }
  return ctrl > n / 100 + 1 ? 'binary' : 'text';
}
