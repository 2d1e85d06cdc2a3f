// CSV exports: decoded by decodeText, parsed by papaparse (quoted fields with commas and line breaks).
import Papa from 'papaparse';
import type { Table, TableRow } from './table.js';

export function csvToTable(text: string, delimiter?: string): { table: Table; errors: { line: number; message: string }[] } {
  const src = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(src, { header: false, skipEmptyLines: false, ...(delimiter ? { delimiter } : {}) });
  // papaparse gives no line numbers: recover each row's first line by walking the quoted text once.
  const lineStarts = rowLineNumbers(src, parsed.data.length);
  const rows: TableRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (cells.length === 1 && cells[0] === '') return;
    rows.push({ cells: cells.map((c) => c ?? ''), pos: lineStarts[i] ?? i + 1 });
  });
  const errors = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ line: e.row !== undefined ? lineStarts[e.row] ?? e.row + 1 : 0, message: csvProblem(e.code, e.message) }));
  return { table: { rows, posKind: 'line' }, errors };
}

/** Line (1-based) on which each CSV record starts, honouring quoted line breaks. */
function rowLineNumbers(text: string, count: number): number[] {
  const out: number[] = [1];
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length <= count; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) inQuotes = !inQuotes;
    else if (ch === 10 /* \n */) {
      line++;
      if (!inQuotes) out.push(line);
    } else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) {
      line++;
      if (!inQuotes) out.push(line);
    }
  }
  return out;
}

/** papaparse's error codes in Chinese, with what to do. */
function csvProblem(code: string, message: string): string {
  switch (code) {
    case 'MissingQuotes':
      return '双引号没有闭合：以引号开头的单元格缺少结束的引号，其后的内容都被并入了这一格（请检查该行的引号）';
    case 'InvalidQuotes':
      return '引号位置不对：单元格内的双引号应写成两个双引号（""）';
    case 'TooFewFields':
    case 'TooManyFields':
      return '这一行的列数与表头不一致';
    default:
      return message;
  }
}
