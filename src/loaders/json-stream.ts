// Streaming reader for big JSON documents: finds the guide array (top-level, or under a wrapper key
// such as data/guides/list) and yields each element's text without ever holding the whole file as one
// string (V8 strings stop at 512 MB). Scans bytes: JSON's structural characters are ASCII, so UTF-8
// multi-byte sequences never look like them.
import { createReadStream } from 'node:fs';

export interface StreamedElement {
  index: number;
  text: string;
}

const QUOTE = 0x22, BACKSLASH = 0x5c, LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d, COLON = 0x3a, COMMA = 0x2c;

interface Frame {
  kind: 'object' | 'array';
  /** Inside this container a wrapper key may lead to the guide array. */
  eligible: boolean;
  /** This array is the guide array: its direct children are guides. */
  guides: boolean;
}

export class JsonStreamError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export async function* streamJsonArray(file: string, wrapperKeys: readonly string[]): AsyncGenerator<StreamedElement> {
  const wrappers = new Set(wrapperKeys);
  const stack: Frame[] = [];
  let inString = false;
  let escape = false;
  let keyBytes: number[] | null = null; // the string being read, when it may be a key
  let lastKey = '';
  let expectKey = false;
  let line = 1;
  let found = false;
  let index = 0;
  // The element being collected: its pieces across chunks.
  let elemDepth = -1;
  let pieces: Buffer[] = [];
  let elemStart = -1;
  const decoder = new TextDecoder('utf-8');

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    if (line === 1 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf && stack.length === 0) i = 3;
    if (elemDepth >= 0) elemStart = 0;
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) line++;
      if (inString) {
        if (escape) escape = false;
        else if (b === BACKSLASH) escape = true;
        else if (b === QUOTE) {
          inString = false;
          if (keyBytes) {
            lastKey = decoder.decode(Uint8Array.from(keyBytes));
            keyBytes = null;
          }
          continue;
        }
        if (keyBytes && keyBytes.length < 64) keyBytes.push(b);
        continue;
      }
      switch (b) {
        case QUOTE:
          inString = true;
          // Only keys of eligible objects outside any element matter.
          keyBytes = expectKey && elemDepth < 0 && stack[stack.length - 1]?.eligible ? [] : null;
          break;
        case COLON:
          expectKey = false;
          break;
        case COMMA:
          expectKey = stack[stack.length - 1]?.kind === 'object';
          break;
        case LBRACE:
        case LBRACKET: {
          const parent = stack[stack.length - 1];
          const isArray = b === LBRACKET;
          if (parent?.guides && elemDepth < 0) {
            elemDepth = stack.length;
            elemStart = i;
          }
          let eligible = false;
          let guides = false;
          if (elemDepth < 0 && !found) {
            const viaKey = parent === undefined || (parent.kind === 'object' && parent.eligible && wrappers.has(lastKey));
            if (isArray && viaKey) guides = found = true;
            else if (!isArray && viaKey) eligible = true;
          }
          stack.push({ kind: isArray ? 'array' : 'object', eligible, guides });
          expectKey = !isArray;
          break;
        }
        case RBRACE:
        case RBRACKET: {
          stack.pop();
          expectKey = false;
          if (elemDepth >= 0 && stack.length === elemDepth) {
            pieces.push(chunk.subarray(elemStart, i + 1));
            const text = decoder.decode(pieces.length === 1 ? pieces[0] : Buffer.concat(pieces));
            pieces = [];
            elemDepth = -1;
            elemStart = -1;
            yield { index: index++, text };
          }
          break;
        }
        default:
          break;
      }
    }
    if (elemDepth >= 0 && elemStart >= 0) pieces.push(chunk.subarray(elemStart));
  }
  if (inString || stack.length > 0) throw new JsonStreamError('JSON 文件不完整（括号或引号未闭合）', line);
  if (!found) throw new JsonStreamError('没有找到办事指南数组', line);
}
