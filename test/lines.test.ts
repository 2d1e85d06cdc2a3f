import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { textLines } from '../src/loaders/lines.js';

async function viaReadline(chunks: string[]): Promise<string[]> {
  const rl = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  const out: string[] = [];
  for await (const l of rl) out.push(l);
  return out;
}

async function viaTextLines(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const ls of textLines(Readable.from(chunks))) out.push(...ls);
  return out;
}

describe('textLines', () => {
  it('splits like readline (crlfDelay: Infinity) whatever the line ends and chunk boundaries', async () => {
    const piece = fc.constantFrom('a', '{"x":1}', '\n', '\r', '\r\n', ' ', '中文');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), { maxLength: 8 }), async (chunks) => {
        const input = chunks.filter((c) => c !== '');
        expect(await viaTextLines(input)).toEqual(await viaReadline(input));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the lines of each chunk together and the last line without a line end', async () => {
    const got: string[][] = [];
    for await (const ls of textLines(Readable.from(['a\nb', 'c\r\nd\re', 'f']))) got.push(ls);
    expect(got).toEqual([['a'], ['bc', 'd'], ['ef']]);
  });
});
