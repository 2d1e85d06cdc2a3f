// Worker threads and shards change nothing in the report: --jobs N, and n shards merged, give the
// bytes of a single in-order run (apart from the volatile generatedAt). Runs the built binary.
import { readFileSync, cpSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine, createProgress } from '../src/progress.js';
import { fnv1a, parseShard } from '../src/shard.js';
import { tempDir, runBin } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');

const run = (args: string[], cwd: string) => runBin(args, cwd);

const stable = (file: string) => {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  delete r.generatedAt;
  return JSON.stringify(r, null, 2);
};

describe('scale: --jobs and --shard + merge', () => {
  // Several files with cross-file groups (a city and three counties), forms, a catalogue.
  const dir = tempDir();
  cpSync(path.join(ROOT, 'fixtures/holdout-xguide'), path.join(dir, 'x'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/demo'), path.join(dir, 'x/exports/demo'), { recursive: true });
  const args = ['exports', '--catalog', 'catalog/国家基本目录.xlsx'];
  const cwd = path.join(dir, 'x');

  it('--jobs 2 and --jobs 1 give the same report', async () => {
    const one = await run([...args, '--jobs', '1', '-f', 'json', '-o', '../one.json'], cwd);
    const two = await run([...args, '--jobs', '2', '-f', 'json', '-o', '../two.json'], cwd);
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(stable(path.join(dir, 'two.json'))).toBe(stable(path.join(dir, 'one.json')));
    expect(JSON.parse(readFileSync(path.join(dir, 'one.json'), 'utf8')).findings.some((f: { ruleId: string }) => f.ruleId === 'element-uniformity')).toBe(true);
  });

  it('4 shards merged equal one run, byte for byte apart from generatedAt', async () => {
    await run([...args, '-f', 'json', '-o', '../single.json'], cwd);
    const shards = [1, 2, 3, 4].map((i) => `../shard-${i}.json`);
    for (const [i, out] of shards.entries()) {
      const r = await run([...args, '--shard', `${i + 1}/4`, '-f', 'json', '-o', out], cwd);
      expect(r.stderr).toBe('');
    }
    const sizes = shards.map((s) => JSON.parse(readFileSync(path.join(cwd, s), 'utf8')).summary.guides);
    expect(sizes.every((n) => n > 0)).toBe(true);
    const merged = await run(['merge', ...shards.slice().reverse(), '-f', 'json', '-o', '../merged.json'], cwd);
    expect(merged.code).toBe(1);
    expect(stable(path.join(dir, 'merged.json'))).toBe(stable(path.join(dir, 'single.json')));
  }, 60_000);

  it('merge refuses incomplete or mixed shard sets and non-shard reports', async () => {
    const missing = await run(['merge', '../shard-1.json', '../shard-2.json'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少分片 3/4、4/4');
    const twice = await run(['merge', '../shard-1.json', '../shard-1.json', '../shard-2.json', '../shard-3.json'], cwd);
    expect(twice.stderr).toContain('出现了两次');
    const plain = await run(['merge', '../single.json', '../shard-1.json'], cwd);
    expect(plain.stderr).toContain('不是分片报告');
    expect((await run(['exports', '--shard', '5/4'], cwd)).code).toBe(2);
    expect((await run(['exports', '--shard', '1/2', '--baseline', '../single.json'], cwd)).stderr).toContain('merge');
  });

  it('merge writes every output a run does', async () => {
    const r = await run(['merge', '../shard-1.json', '../shard-2.json', '../shard-3.json', '../shard-4.json', '--out-dir', '../merged-out'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('办事指南准确度');
    expect(JSON.parse(readFileSync(path.join(dir, 'merged-out/report.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});

describe('a big JSONL file in parts across workers', () => {
  it('gives the report of one in-order read, line numbers included', async () => {
    const dir = tempDir();
    // The built engine: workers need the compiled worker next to it.
    const { audit } = await import(pathToFileURL(path.join(ROOT, 'dist/src/engine.js')).href);
    const lines = readFileSync(path.join(ROOT, 'fixtures/holdout/exports/安陵县办事指南_增量.jsonl'), 'utf8').split('\n').filter(Boolean);
    const many = Array.from({ length: 40 }, () => lines).flat().join('\n') + '\n';
    writeFileSync(path.join(dir, 'big.jsonl'), many);
    const one = await audit(['big.jsonl'], { cwd: dir, jobs: 1, now: () => new Date(0) });
    const parts = await audit(['big.jsonl'], { cwd: dir, jobs: 2, jsonlPartBytes: 20_000, now: () => new Date(0) });
    expect(one.loadErrors.length).toBe(40); // the broken line, in every copy, each at its own line number
    expect(JSON.stringify(parts)).toBe(JSON.stringify(one));
    expect(new Set(one.loadErrors.map((e: { line: number }) => e.line)).size).toBe(40);
  });

  it('numbers lines as one read does whatever the line ends (\\n, \\r\\n, a lone \\r)', async () => {
    const dir = tempDir();
    const { audit } = await import(pathToFileURL(path.join(ROOT, 'dist/src/engine.js')).href);
    const lines = readFileSync(path.join(ROOT, 'fixtures/holdout/exports/安陵县办事指南_增量.jsonl'), 'utf8').split('\n').filter(Boolean);
    const all = Array.from({ length: 30 }, () => lines).flat();
    const ends = ['\n', '\r\n', '\r', '\n', '\r\r\n'];
    const text = all.map((l, i) => l + ends[i % ends.length]).join('');
    writeFileSync(path.join(dir, 'mixed.jsonl'), text);
    const one = await audit(['mixed.jsonl'], { cwd: dir, jobs: 1, now: () => new Date(0) });
    const parts = await audit(['mixed.jsonl'], { cwd: dir, jobs: 2, jsonlPartBytes: 8_000, now: () => new Date(0) });
    expect(one.loadErrors.length).toBe(30);
    expect(JSON.stringify(parts)).toBe(JSON.stringify(one));
  });

  it('gives the same report when lines are longer than a part and parts outnumber the workers', async () => {
    const dir = tempDir();
    const { audit } = await import(pathToFileURL(path.join(ROOT, 'dist/src/engine.js')).href);
    const lines = readFileSync(path.join(ROOT, 'fixtures/holdout/exports/安陵县办事指南_增量.jsonl'), 'utf8').split('\n').filter(Boolean);
    // A guide with a long text: several cut targets fall inside its one line.
    const long = JSON.stringify({ ...JSON.parse(lines[0]!), 受理条件: '申请人应当具备相应条件。'.repeat(2000) });
    const text = [...Array.from({ length: 6 }, () => lines).flat(), long, ...lines].join('\n') + '\n';
    writeFileSync(path.join(dir, 'long.jsonl'), text);
    const one = await audit(['long.jsonl'], { cwd: dir, jobs: 1, now: () => new Date(0) });
    const parts = await audit(['long.jsonl'], { cwd: dir, jobs: 3, jsonlPartBytes: 4_000, now: () => new Date(0) });
    expect(one.summary.guides).toBeGreaterThan(100);
    expect(JSON.stringify(parts)).toBe(JSON.stringify(one));
  });
});

describe('shard and progress helpers', () => {
  it('parses i/n and hashes with a fixed function', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toBeUndefined();
    expect(parseShard('5/4')).toBeUndefined();
    expect(parseShard('a/b')).toBeUndefined();
    // FNV-1a test vectors: shard membership must never change between versions.
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('shows a progress line only after a second, then at most every 100 ms, and clears it', () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgress((s) => out.push(s), () => t);
    const info = { done: 1, total: 4, guides: 500, bytesDone: 25, bytesTotal: 100 };
    p.update(info);
    expect(out).toEqual([]);
    t = 1500;
    p.update(info);
    t = 1550;
    p.update(info);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('25%');
    expect(out[0]).toContain('文件 1/4');
    p.done();
    expect(out.at(-1)).toBe('\r\x1b[K');
    expect(progressLine(info, 2000)).toContain('250 个/秒');
  });
});
