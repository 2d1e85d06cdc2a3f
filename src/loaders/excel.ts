// Excel workbooks (.xlsx/.xls, and .xls files that are really HTML tables) via SheetJS, dense mode.
import * as XLSX from 'xlsx';
import type { Table, TableRow } from './table.js';

export class WorkbookError extends Error {}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (cell.w !== undefined) return String(cell.w);
  if (cell.v === undefined || cell.v === null) return '';
  return String(cell.v);
}

/** Read every sheet as text rows, merged cells filled. Throws WorkbookError when a listed sheet is missing. */
export function readWorkbookTables(data: Uint8Array | string, kind: 'buffer' | 'string'): Table[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: kind, dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false, WTF: false });
  } catch (e) {
    throw new WorkbookError(`无法解析为 Excel 工作簿：${explainWorkbookError((e as Error).message)}`);
  }
  const tables: Table[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // SheetJS drops a sheet it cannot hold (e.g. XML past V8's string limit) without an error.
    if (!ws) throw new WorkbookError(`工作表“${name}”未能读取（可能过大），已停止读取该文件以免漏检`);
    tables.push(sheetToTable(name, ws));
  }
  return tables;
}

function sheetToTable(name: string, ws: XLSX.WorkSheet): Table {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const grid: string[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const out: string[] = [];
    if (src) for (let c = 0; c < src.length; c++) out[c] = cellText(src[c]);
    grid[r] = out;
  }
  return gridToTable(name, grid, ws['!merges'] ?? []);
}

export interface CellRange { s: { r: number; c: number }; e: { r: number; c: number } }

/** A sheet's cell grid as a table: merged values spread over the cells they cover, empty rows dropped. */
export function gridToTable(name: string, grid: string[][], merges: CellRange[]): Table {
  for (const m of merges) {
    const v = grid[m.s.r]?.[m.s.c] ?? '';
    if (v === '') continue;
    // Cap the fill so a merge over a whole column cannot blow up memory.
    const lastRow = Math.min(m.e.r, grid.length - 1);
    for (let r = m.s.r; r <= lastRow; r++) {
      const row = (grid[r] ??= []);
      for (let c = m.s.c; c <= Math.min(m.e.c, m.s.c + 256); c++) if (!row[c]) row[c] = v;
    }
  }
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells || cells.length === 0) continue;
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
    rows.push({ cells, pos: r + 1 });
  }
  return { sheet: name, rows, posKind: 'row' };
}

/** SheetJS's reasons in Chinese (the original kept in brackets for whoever reports the problem). */
function explainWorkbookError(msg: string): string {
  if (/compressed size|end of data|crc|corrupt|unsupported zip|zip file|invalid (zip|header)|unexpected end/i.test(msg)) {
    return `文件已损坏或不完整（可能在下载、复制时被截断），请重新导出（${msg}）`;
  }
  if (/password|encrypt/i.test(msg)) return `工作簿设有密码，请去掉密码后重新导出（${msg}）`;
  return `文件格式无法识别（${msg}）`;
}
