// The writers' building blocks: encodings written back byte for byte, CSV field spans, JSON string spans.
import { describe, expect, it } from 'vitest';
import { decodeForRewrite, encodeText } from './encoding.js';
import { rewriteCsv, scanCsv } from './csv-writer.js';
import { parseJsonTree } from './json-tree.js';
import { fixJsonText, fixJsonlText } from './json-writer.js';
import { sourceSettings } from '../loaders/source.js';

const gbk = (s: string) => encodeText(s, 'gb18030')!;

describe('encoding', () => {
  it('GB18030: encodes like the decoder decodes, including four-byte and supplementary characters', () => {
    const text = '事项名称,咨询电话\r\n食品经营许可,0393-6661882 — ① € 𠀀\r\n';
    const bytes = gbk(text);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    expect(decodeForRewrite(bytes)).toEqual({ text, encoding: 'gb18030' });
  });
  it('UTF-8 with and without BOM, UTF-16 LE', () => {
    for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le']) {
      const bytes = encodeText('事项名称,办理时间\n', enc)!;
      expect(decodeForRewrite(bytes)?.encoding).toBe(enc);
    }
  });
  it('refuses a file that would not come back identical', () => {
    expect(decodeForRewrite(Uint8Array.from([0x41, 0x80, 0x42]))).toBeUndefined(); // a lone 0x80 in GB text
  });
});

describe('csv', () => {
  it('field spans with quotes, doubled quotes and quoted line breaks; records start lines', () => {
    const t = 'a,b,c\r\n"x, y","say ""hi""","line\nbreak"\r\nlast,,\n';
    const recs = scanCsv(t, ',');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(recs[1]!.fields.map((f) => f.value)).toEqual(['x, y', 'say "hi"', 'line\nbreak']);
    expect(recs[2]!.fields.map((f) => f.value)).toEqual(['last', '', '']);
  });
  it('replaces only the planned field, keeping quoting and line endings', () => {
    const t = '\uFEFF事项名称,咨询电话\r\n"食品,经营",0393—6661882\r\n';
    const r = rewriteCsv(t, ',', [{ pos: 2, col: 1, header: '咨询电话', field: '咨询电话', before: '0393—6661882', after: '0393-6661882', fixes: ['phone-separator'], guide: {} }], 'x.csv');
    expect(r.text).toBe('\uFEFF事项名称,咨询电话\r\n"食品,经营",0393-6661882\r\n');
    expect(r.applied).toHaveLength(1);
  });
});

describe('json', () => {
  it('string spans in place', () => {
    const t = '{ "a" : [1, "x\\"y", {"k": true}] , "b":null }';
    const root = parseJsonTree(t);
    expect(root.kind).toBe('object');
    const arr = root.kind === 'object' ? root.entries[0]!.value : undefined;
    expect(arr?.kind === 'array' && arr.items[1]).toMatchObject({ kind: 'string', value: 'x"y', start: 12, end: 18 });
    expect(() => parseJsonTree('{"a": }')).toThrow();
  });
  it('changes only the strings to fix; numbers, other keys and layout stay', () => {
    const doc = '{\n  "data": [\n    {\n      "事项名称": "食品经营许可",\n      "咨询电话": "0393—6661882",\n      "法定办结时限": 20,\n      "window": [{"transact_time": "下午2:00-5:00", "window_tel": "0393－6661883"}]\n    }\n  ]\n}\n';
    const r = fixJsonText(doc, 'a.json', sourceSettings());
    expect(r.changes.map((c) => [c.column, c.after])).toEqual([
      ['咨询电话', '0393-6661882'],
      ['window[0].transact_time', '下午14:00-17:00'],
      ['window[0].window_tel', '0393-6661883'],
    ]);
    expect(r.text).toBe(doc.replace('0393—6661882', '0393-6661882').replace('下午2:00-5:00', '下午14:00-17:00').replace('0393－6661883', '0393-6661883'));
  });
  it('JSONL: per line, a bad line left as it is', () => {
    const t = '{"事项名称":"甲","咨询电话":"0393—6661882"}\r\nnot json\n{"事项名称":"乙","咨询电话":"0393-1"}\n';
    const r = fixJsonlText(t, 'a.jsonl', sourceSettings());
    expect(r.changes.map((c) => c.loc)).toEqual([{ file: 'a.jsonl', line: 1 }]);
    expect(r.text).toBe(t.replace('—', '-'));
  });
});
