// Corrected copy of an Excel workbook, through SheetJS: only the planned cells get a new (text) value;
// every other cell is written back as read (value, number format, formula). A cell inside a merged
// range is changed at the range's first cell, where its value lives.
import * as XLSX from 'xlsx';
import type { PlannedCell } from './plan.js';

export interface AppliedCell extends PlannedCell {
  /** Address of the changed cell (`F12`). */
  cell: string;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (cell.w !== undefined) return String(cell.w);
  if (cell.v === undefined || cell.v === null) return '';
  return String(cell.v);
}

export function rewriteWorkbook(
  buf: Uint8Array,
  bookType: 'xlsx' | 'xlsm' | 'biff8',
  planned: PlannedCell[],
  file: string,
): { bytes?: Uint8Array; applied: AppliedCell[]; notices: string[] } {
  const notices: string[] = [];
  const wb = XLSX.read(buf, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true, bookVBA: true, cellDates: false });
  // Group by the cell that holds the value: merged rows share it, and must agree on the fix.
  const targets = new Map<string, { sheet: string; r: number; c: number; list: PlannedCell[] }>();
  for (const p of planned) {
    const sheet = p.sheet ?? wb.SheetNames[0]!;
    const ws = wb.Sheets[sheet];
    if (!ws) continue;
    let r = p.pos - 1;
    let c = p.col;
    const m = (ws['!merges'] ?? []).find((x) => r >= x.s.r && r <= x.e.r && c >= x.s.c && c <= x.e.c);
    if (m) {
      r = m.s.r;
      c = m.s.c;
    }
    const key = `${sheet}\u0000${r}\u0000${c}`;
    let t = targets.get(key);
    if (!t) targets.set(key, (t = { sheet, r, c, list: [] }));
    t.list.push(p);
  }
  const applied: AppliedCell[] = [];
  for (const t of targets.values()) {
    const ws = wb.Sheets[t.sheet]!;
    const addr = XLSX.utils.encode_cell({ r: t.r, c: t.c });
    const first = t.list[0]!;
    const where = `${file} 工作表“${t.sheet}”${addr}`;
    if (t.list.some((p) => p.after !== first.after)) {
      notices.push(`${where} 是合并单元格，各行的修正结果不同，未修改`);
      continue;
    }
    const cell = ws[addr] as XLSX.CellObject | undefined;
    if (!cell || cellText(cell) !== first.before) {
      notices.push(`${where} 的内容与读取时不同，未修改`);
      continue;
    }
    if (cell.f !== undefined) {
      notices.push(`${where} 是公式，未修改`);
      continue;
    }
    const next: XLSX.CellObject = { t: 's', v: first.after };
    if (cell.s !== undefined) next.s = cell.s;
    ws[addr] = next;
    applied.push({ ...first, pos: t.r + 1, col: t.c, cell: addr });
  }
  if (applied.length === 0) return { applied, notices };
  const out = XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Uint8Array;
  return { bytes: new Uint8Array(out), applied, notices };
}
