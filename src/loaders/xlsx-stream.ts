// A streaming .xlsx reader, used for every .xlsx/.xlsm (faster than SheetJS, and it has no size
// limit: above roughly 80k guides of 40 columns a sheet's XML passes V8's 512 MB string limit and
// SheetJS drops the sheet). Entries are inflated
// chunk by chunk straight from the file, their real size counted (a zip bomb is stopped at the
// limit, whatever its directory claims), and the sheet XML scanned row by row. Cells are read as the
// text the user sees, with SheetJS's own number formats, so both readers give the same tables.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import * as XLSX from 'xlsx';
import type { ZipLimits } from '../zip-directory.js';
import { WorkbookError, gridToTable, type CellRange } from './excel.js';
import type { Table, TableRow } from './table.js';
import { collectGarbage } from '../gc.js';

interface CentralEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

async function centralDirectory(file: string): Promise<CentralEntry[]> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new WorkbookError('无法解析为 Excel 工作簿：文件已损坏或不完整（找不到 zip 目录），请重新导出');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const out: CentralEntry[] = [];
    let p = 0;
    for (let n = 0; n < count && p + 46 <= cd.length; n++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) break;
      const nameLen = cd.readUInt16LE(p + 28);
      out.push({
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        method: cd.readUInt16LE(p + 10),
        compressed: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        offset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Stream an entry's inflated text in chunks, stopping at the limit. */
async function* entryText(file: string, e: CentralEntry, limits: ZipLimits): AsyncGenerator<string> {
  const fh = await open(file, 'r');
  const header = Buffer.alloc(30);
  try {
    await fh.read(header, 0, 30, e.offset);
  } finally {
    await fh.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new WorkbookError(`无法解析为 Excel 工作簿：文件已损坏（“${e.name}”的数据头无效），请重新导出`);
  const start = e.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(file, { start, end: start + Math.max(0, e.compressed - 1), highWaterMark: 1 << 20 });
  const source = e.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 20 })) : e.method === 0 ? raw : undefined;
  if (!source) throw new WorkbookError(`无法解析为 Excel 工作簿：“${e.name}”使用了不支持的压缩方式 ${e.method}`);
  const cap = Math.max(limits.maxEntryBytes, limits.maxRatio * Math.max(1, e.compressed));
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) {
        throw new WorkbookError(`压缩包中的“${e.name}”解压后超过 ${Math.round(cap / 1024 / 1024)} MB（压缩后 ${(e.compressed / 1024 / 1024).toFixed(2)} MB），疑似压缩炸弹，已停止读取（限制可在配置文件 limits 中调整）`);
      }
      yield decoder.decode(chunk, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw new WorkbookError(`无法解析为 Excel 工作簿：文件已损坏或不完整（“${e.name}”无法解压：${(err as Error).message}），请重新导出`);
  } finally {
    raw.destroy();
  }
}

/** Yield each complete `<tag …>…</tag>` (or self-closed) element of a streamed XML text. */
async function* elements(chunks: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const close = `</${tag}>`;
  let buf = '';
  for await (const c of chunks) {
    buf += c;
    let from = 0;
    for (;;) {
      const s = findOpen(buf, tag, from);
      if (s < 0) {
        // Keep a tail that could hold the start of the next element.
        from = Math.max(from, buf.length - tag.length - 2);
        break;
      }
      const gt = buf.indexOf('>', s);
      if (gt < 0) { from = s; break; }
      if (buf[gt - 1] === '/') {
        yield buf.slice(s, gt + 1);
        from = gt + 1;
        continue;
      }
      const e = buf.indexOf(close, gt);
      if (e < 0) { from = s; break; }
      yield buf.slice(s, e + close.length);
      from = e + close.length;
    }
    buf = buf.slice(from);
  }
}

/** Index of `<tag` followed by a space, `>` or `/` (so `<c` does not match `<col`). */
function findOpen(s: string, tag: string, from: number): number {
  const open = `<${tag}`;
  for (let i = s.indexOf(open, from); i >= 0; i = s.indexOf(open, i + 1)) {
    const ch = s[i + open.length];
    if (ch === undefined) return -1;
    if (ch === ' ' || ch === '>' || ch === '/' || ch === '\t' || ch === '\n' || ch === '\r') return i;
  }
  return -1;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlDecode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!,
    )
    // OOXML escapes control characters as _xHHHH_.
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A copy that does not keep the (large) chunk it was sliced from alive. */
const detach = (s: string) => (s.length > 12 ? (' ' + s).slice(1) : s);

const attrRx = new Map<string, RegExp>();
const attr = (tag: string, name: string) => {
  let rx = attrRx.get(name);
  if (!rx) attrRx.set(name, (rx = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = rx.exec(tag);
  return m ? m[1] : undefined;
};

/** Text of an `<si>` or `<is>`: its `<t>` runs, without phonetic runs (`<rPh>`). */
function richText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return xmlDecode(out);
}

async function sharedStrings(file: string, e: CentralEntry | undefined, limits: ZipLimits): Promise<string[]> {
  const out: string[] = [];
  if (!e) return out;
  for await (const si of elements(entryText(file, e, limits), 'si')) out.push(detach(richText(si)));
  return out;
}

/** Style index → number format code (custom formats, else SheetJS's built-in table). */
async function numberFormats(file: string, e: CentralEntry | undefined, limits: ZipLimits): Promise<string[]> {
  if (!e) return [];
  let xml = '';
  for await (const c of entryText(file, e, limits)) xml += c;
  const builtin = XLSX.SSF.get_table() as Record<number, string>;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, xmlDecode(code));
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\s[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return custom.get(id) ?? builtin[id] ?? 'General';
  });
}

/** A cell: its attributes, and its inner XML unless it is self-closed. */
const CELL_RX = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** Column index (0-based) of a cell reference such as `AB12`. */
function colOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The text of one cell, from its attributes (` r="A1" s="3" t="s"`) and its inner XML. */
function cellText(attrs: string, inner: string, sst: string[], fmts: string[], date1904: boolean): string {
  const t = attr(attrs, 't');
  if (t === 'inlineStr') {
    const is = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(inner);
    return is ? detach(richText(is[1]!)) : '';
  }
  const vs = inner.indexOf('<v');
  if (vs < 0) return '';
  const v = inner.slice(inner.indexOf('>', vs) + 1, inner.indexOf('</v>', vs));
  switch (t) {
    case 's':
      return sst[Number(v)] ?? '';
    case 'str':
      return detach(xmlDecode(v));
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return v;
    default: {
      const num = Number(v);
      if (!Number.isFinite(num)) return detach(v);
      const st = attr(attrs, 's');
      const fmt = st !== undefined ? fmts[Number(st)] ?? 'General' : 'General';
      try {
        return date1904 ? XLSX.SSF.format(fmt, num, { date1904: true }) : XLSX.SSF.format(fmt, num);
      } catch {
        return String(num);
      }
    }
  }
}

function decodeRange(ref: string): CellRange | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const s = { r: Number(m[2]) - 1, c: colOf(m[1]!) };
  const e = m[3] ? { r: Number(m[4]) - 1, c: colOf(m[3]) } : s;
  return { s, e };
}

/**
 * A workbook's cell texts, and its rows as runs of indexes into them. A province's workbook has
 * tens of millions of cells, most of them repeats (codes on every material row of a guide, 纸质,
 * 申请人自备): each distinct short text is kept once, and a row costs four bytes a cell instead of
 * a string (with its header) and an array slot. This is what keeps 150k guides within memory.
 */
const BIG_SHEET_BYTES = 64 * 1024 * 1024;

/** Texts up to this long are kept once for the workbook; longer ones (free text) rarely repeat. */
const INTERN_MAX = 64;
/** An index at or above this names one of the row's own long texts. */
const LONG = 0x80000000;
/** Cell indexes per block of the store. */
const CHUNK = 1 << 20;

class CellStore {
  private readonly texts: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  private readonly chunks: Uint32Array[] = [];
  private used = CHUNK;

  add(cells: string[], pos: number): TableRow {
    if (this.used + cells.length > CHUNK) {
      this.chunks.push(new Uint32Array(Math.max(CHUNK, cells.length)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const start = this.used;
    // Long texts stay with their row, so that a guide row's free text goes when the row is consumed.
    let long: string[] | undefined;
    for (const c of cells) {
      if (c.length > INTERN_MAX) chunk[this.used++] = LONG + (long ??= []).push(c) - 1;
      else chunk[this.used++] = this.id(c);
    }
    return new PooledRow(this, this.chunks.length - 1, start, cells.length, pos, long);
  }

  cells(chunk: number, start: number, count: number, long: string[] | undefined): string[] {
    const ids = this.chunks[chunk]!;
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const id = ids[start + i]!;
      out[i] = id >= LONG ? long![id - LONG]! : this.texts[id]!;
    }
    return out;
  }

  private id(c: string): number {
    let id = this.index.get(c);
    if (id === undefined) {
      id = this.texts.push(c) - 1;
      this.index.set(c, id);
    }
    return id;
  }
}

class PooledRow implements TableRow {
  constructor(
    private readonly store: CellStore, private readonly chunk: number, private readonly start: number, private readonly count: number,
    readonly pos: number, private readonly long: string[] | undefined,
  ) {}
  get cells(): string[] {
    return this.store.cells(this.chunk, this.start, this.count, this.long);
  }
}

/** As gridToTable (merged values spread, empty rows dropped), over stored rows. */
function storedGridToTable(name: string, grid: (TableRow | undefined)[], merges: CellRange[], store: CellStore): Table {
  if (merges.length) {
    const dense: string[][] = [];
    const touched = new Set<number>();
    for (const m of merges) for (let r = m.s.r; r <= Math.min(m.e.r, grid.length - 1); r++) touched.add(r);
    for (const r of touched) dense[r] = grid[r]?.cells ?? [];
    // gridToTable's own rules, on the rows the merges cover.
    const filled = gridToTable(name, dense, merges);
    for (const row of filled.rows) grid[row.pos - 1] = store.add(row.cells, row.pos);
  }
  const rows: TableRow[] = [];
  for (const row of grid) if (row !== undefined) rows.push(row);
  return { sheet: name, rows, posKind: 'row' };
}

async function sheetTable(file: string, name: string, e: CentralEntry, sst: string[], fmts: string[], date1904: boolean, limits: ZipLimits, store: CellStore): Promise<Table> {
  const grid: (TableRow | undefined)[] = [];
  let nextRow = 0;
  const addRow = (row: string) => {
    const open = row.slice(0, row.indexOf('>') + 1);
    const rAttr = attr(open, 'r');
    const r = rAttr !== undefined ? Number(rAttr) - 1 : nextRow;
    nextRow = r + 1;
    const cells: string[] = [];
    let col = 0;
    if (!open.endsWith('/>')) {
      for (const m of row.matchAll(CELL_RX)) {
        const attrs = m[1]!;
        const ref = attr(attrs, 'r');
        if (ref) col = colOf(ref);
        cells[col] = m[2] === undefined ? '' : cellText(attrs, m[2], sst, fmts, date1904);
        col++;
      }
    }
    // An empty row is dropped, as gridToTable does; gaps between cells are empty cells.
    if (cells.length === 0) {
      grid[r] = undefined;
      return;
    }
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
    grid[r] = store.add(cells, r + 1);
  };
  // Rows are taken as they complete; what follows </sheetData> (merged ranges) is small and kept whole.
  let buf = '';
  let tail: string | undefined;
  for await (const chunk of entryText(file, e, limits)) {
    if (tail !== undefined) {
      tail += chunk;
      continue;
    }
    buf += chunk;
    let from = 0;
    // Looked up once per chunk: searching for it before every row would rescan the chunk each time.
    const endData = buf.indexOf('</sheetData>');
    for (;;) {
      const start = findOpen(buf, 'row', from);
      if (endData >= 0 && (start < 0 || endData < start)) {
        tail = buf.slice(endData);
        buf = '';
        break;
      }
      if (start < 0) {
        from = Math.max(from, buf.length - 12);
        break;
      }
      const gt = buf.indexOf('>', start);
      if (gt < 0) { from = start; break; }
      if (buf[gt - 1] === '/') {
        addRow(buf.slice(start, gt + 1));
        from = gt + 1;
        continue;
      }
      const end = buf.indexOf('</row>', gt);
      if (end < 0) { from = start; break; }
      addRow(buf.slice(start, end + 6));
      from = end + 6;
    }
    if (tail === undefined) buf = buf.slice(from);
  }
  const merges = [...(tail ?? '').matchAll(/<mergeCell\s+ref="([^"]+)"/g)].flatMap((m) => decodeRange(m[1]!) ?? []);
  return storedGridToTable(name, grid, merges, store);
}

/** Every sheet of an .xlsx as text rows, streaming; throws WorkbookError when a listed sheet cannot be read. */
export async function readWorkbookTablesStreaming(file: string, limits: ZipLimits): Promise<Table[]> {
  const entries = await centralDirectory(file);
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const read = async (name: string) => {
    const e = byName.get(name);
    if (!e) return undefined;
    let s = '';
    for await (const c of entryText(file, e, limits)) s += c;
    return s;
  };
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new WorkbookError('无法解析为 Excel 工作簿：缺少 xl/workbook.xml，文件不是完整的 .xlsx');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
  }
  const sst = await sharedStrings(file, byName.get('xl/sharedStrings.xml'), limits);
  const fmts = await numberFormats(file, byName.get('xl/styles.xml'), limits);
  const date1904 = /<workbookPr\s[^>]*date1904="(1|true)"/.test(workbook);
  const tables: Table[] = [];
  const store = new CellStore();
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = xmlDecode(attr(m[0], 'name') ?? '');
    const rid = attr(m[0], 'r:id');
    const target = rid ? targets.get(rid) : undefined;
    const e = target ? byName.get(target) : undefined;
    // A sheet listed but not found is never skipped silently.
    if (!e) throw new WorkbookError(`工作表“${name}”未能读取（工作簿中找不到它的数据），已停止读取该文件以免漏检`);
    tables.push(await sheetTable(file, name, e, sst, fmts, date1904, limits, store));
    // Reading a big sheet leaves its XML text behind as garbage: collected before the next (see gc.ts).
    if (e.size >= BIG_SHEET_BYTES) collectGarbage();
  }
  return tables;
}
