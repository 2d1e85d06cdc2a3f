// Shared test helpers: temporary folders and building small workbooks in memory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { afterAll } from 'vitest';
import { loadFile } from '../src/loaders/index.js';
import type { LoadEvent } from '../src/loaders/types.js';

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-audit-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeFile(dir: string, rel: string, data: string | Uint8Array): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

export interface SheetSpec {
  name: string;
  rows: (string | number | null)[][];
  merges?: XLSX.Range[];
  /** Cells to force as text (keeps leading zeros). */
  text?: boolean;
}

export function workbook(sheets: SheetSpec[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows.map((r) => r.map((c) => (c === null ? '' : c))));
    if (s.merges) ws['!merges'] = s.merges;
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return XLSX.write(wb, { type: 'buffer', bookType }) as Uint8Array;
}

export async function collect(file: string, display = path.basename(file)): Promise<LoadEvent[]> {
  const out: LoadEvent[] = [];
  for await (const ev of loadFile({ abs: file, display }, undefined)) out.push(ev);
  return out;
}

export function guidesOf(events: LoadEvent[]) {
  return events.flatMap((e) => (e.kind === 'guide' ? [e.guide] : []));
}

export function errorsOf(events: LoadEvent[]) {
  return events.flatMap((e) => (e.kind === 'error' ? [e.error] : []));
}

const BIN = path.resolve(import.meta.dirname, '..', 'bin/guide-audit.js');
const exec = promisify(execFile);

/** Run the built binary as a user would; the exit code instead of an exception. */
export async function runBin(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 256 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
