// The streaming .xlsx reader gives the same tables as SheetJS (so big workbooks are audited exactly
// like small ones), keeps every sheet, and stops a real zip bomb while inflating.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { readWorkbookTables } from '../src/loaders/excel.js';
import { readWorkbookTablesStreaming } from '../src/loaders/xlsx-stream.js';
import { DEFAULT_ZIP_LIMITS } from '../src/zip-directory.js';
import type { Table } from '../src/loaders/table.js';
import { audit } from '../src/engine.js';
import { loadFile } from '../src/loaders/index.js';
import { tempDir, workbook, writeFile } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORKBOOKS = fg.sync(['fixtures/**/*.xlsx'], { cwd: ROOT, ignore: ['**/~$*', 'fixtures/bad/**'] });

/** Tables with plain rows: the streaming reader keeps each row as one joined string behind a getter. */
const plain = (tables: Table[]) => tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ cells: r.cells, pos: r.pos })) }));

describe('streaming .xlsx reader', () => {
  it.each(WORKBOOKS)('%s: same tables as SheetJS', async (rel) => {
    const file = path.join(ROOT, rel);
    const sheetjs = readWorkbookTables(readFileSync(file), 'buffer');
    const streamed = await readWorkbookTablesStreaming(file, DEFAULT_ZIP_LIMITS);
    expect(plain(streamed)).toEqual(sheetjs);
  });

  it('number formats, merged cells, booleans, inline strings and escapes read as the user sees them', async () => {
    const dir = tempDir();
    const XLSX = await import('xlsx');
    const ws = XLSX.utils.aoa_to_sheet([['编码', '日期', '是否', '文字'], [129005000, 43470, true, 'a&b <c> "d"'], ['合并', null, null, '第二行']]);
    ws['A2']!.z = '000000000000';
    ws['B2']!.z = 'yyyy-mm-dd';
    ws['!merges'] = [{ s: { r: 2, c: 0 }, e: { r: 2, c: 2 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '事项');
    const file = writeFile(dir, 'f.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array);
    const streamed = await readWorkbookTablesStreaming(file, DEFAULT_ZIP_LIMITS);
    expect(plain(streamed)).toEqual(readWorkbookTables(readFileSync(file), 'buffer'));
    expect(streamed[0]!.rows[1]!.cells.slice(0, 4)).toEqual(['000129005000', '2019-01-05', 'TRUE', 'a&b <c> "d"']);
    expect(streamed[0]!.rows[2]!.cells.slice(0, 3)).toEqual(['合并', '合并', '合并']);
  });

  it('an audit through the streaming reader equals the ordinary one', async () => {
    const dir = path.join(ROOT, 'fixtures/holdout');
    const normal = await audit(['exports'], { cwd: dir, now: () => new Date(0) });
    const { loadFile: lf } = await import('../src/loaders/index.js');
    expect(lf).toBe(loadFile);
    // Force streaming for every workbook through the loader option, file by file.
    const file = { abs: path.join(dir, 'exports/泓州市本级政务服务事项办事指南_202611.xlsx'), display: 'x.xlsx' };
    const a: unknown[] = [];
    const b: unknown[] = [];
    for await (const ev of loadFile(file, undefined, {})) a.push(ev);
    for await (const ev of loadFile(file, undefined, { xlsxStreamThreshold: 0 })) b.push(ev);
    expect(b).toEqual(a);
    expect(normal.summary.guides).toBeGreaterThan(100);
  });

  it('stops a bomb while inflating, whatever the directory declares', async () => {
    const dir = tempDir();
    const rows = [['事项名称', '实施编码'], ...Array.from({ length: 2000 }, () => ['许'.repeat(200), 'X'])];
    const file = writeFile(dir, 'b.xlsx', workbook([{ name: 'S', rows }]));
    await expect(readWorkbookTablesStreaming(file, { maxEntryBytes: 100_000, maxRatio: 0.5 })).rejects.toThrow(/疑似压缩炸弹/);
  });
});
