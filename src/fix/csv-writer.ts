// Corrected copy of a CSV file: the planned fields are replaced in the text, everything else (other
// fields, quoting, line endings) is kept character for character; the caller re-encodes it in the
// file's own encoding.
import Papa from 'papaparse';
import type { PlannedCell } from './plan.js';

interface Field { start: number; end: number; quoted: boolean; value: string }
interface CsvRecord { line: number; fields: Field[] }

/** Records with the span of each field and the line each record starts on (quoted line breaks honoured). */
export function scanCsv(text: string, delimiter: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i <= n) {
    const rec: CsvRecord = { line, fields: [] };
    for (;;) {
      const start = i;
      let quoted = false;
      let value: string;
      if (text[i] === '"') {
        quoted = true;
        let j = i + 1;
        let v = '';
        for (;;) {
          const q = text.indexOf('"', j);
          const chunk = q < 0 ? text.slice(j) : text.slice(j, q);
          for (let k = 0; k < chunk.length; k++) {
            const ch = chunk.charCodeAt(k);
            if (ch === 10 || (ch === 13 && chunk.charCodeAt(k + 1) !== 10)) line++;
          }
          v += chunk;
          if (q < 0) { j = n; break; }
          if (text[q + 1] === '"') { v += '"'; j = q + 2; continue; }
          j = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter belongs to the field (papaparse keeps it too).
        let e = j;
        while (e < n && text[e] !== delimiter && text[e] !== '\n' && text[e] !== '\r') e++;
        value = v + text.slice(j, e);
        i = e;
      } else {
        let e = i;
        while (e < n && text[e] !== delimiter && text[e] !== '\n' && text[e] !== '\r') e++;
        value = text.slice(i, e);
        i = e;
      }
      rec.fields.push({ start, end: i, quoted, value });
      if (i < n && text[i] === delimiter) { i++; continue; }
      break;
    }
    out.push(rec);
    if (i >= n) break;
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    line++;
    if (i === n) break;
  }
  return out;
}

export function csvDelimiter(text: string, ext: string): string {
  if (ext === 'tsv') return '\t';
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 20 }).meta.delimiter || ',';
}

function quote(value: string, delimiter: string, quoted: boolean): string {
  if (quoted || value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** The text with the planned fields replaced; `applied` lists those replaced. */
export function rewriteCsv(text: string, delimiter: string, planned: PlannedCell[], file: string): { text: string; applied: PlannedCell[]; notices: string[] } {
  // The loader strips a BOM character before parsing; positions below are in the text without it.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const byLine = new Map<number, CsvRecord>();
  for (const r of scanCsv(body, delimiter)) if (!byLine.has(r.line)) byLine.set(r.line, r);
  const edits: { start: number; end: number; text: string }[] = [];
  const applied: PlannedCell[] = [];
  const notices: string[] = [];
  for (const p of planned) {
    const f = byLine.get(p.pos)?.fields[p.col];
    if (!f || f.value !== p.before) {
      notices.push(`${file} 第${p.pos}行“${p.header}”的位置无法确定，未修改`);
      continue;
    }
    edits.push({ start: f.start, end: f.end, text: quote(p.after, delimiter, f.quoted) });
    applied.push(p);
  }
  let out = body;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: bom + out, applied, notices };
}
