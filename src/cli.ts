// The command line: parses arguments, runs the audit (or merges shard reports), renders, and returns
// the exit code. It never calls process.exit (bin/ does), so tests can run it in-process too.
// Heavy modules (rules, loaders, SheetJS, exceljs) load only when a command needs them, so that
// `--help` answers at once.
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from './errors.js';
import type { Config, SeveritySetting } from './config.js';
import { TOOL_VERSION } from './version.js';
import type { Report } from './report.js';
import type { Format } from './reporters/index.js';
import type { Shard } from './shard.js';
import { createProgress } from './progress.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (the progress bar shows only there). */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const FORMAT_NAMES = ['stylish', 'json', 'html', 'sarif', 'junit', 'github', 'markdown'] as const;

function defaultIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** One requested output: `-f FORMAT` and the `-o FILE` that follows it (stdout without one). */
interface OutputSpec {
  format?: Format;
  output?: string;
}

/** The options every command that produces a report shares (the audit and `merge`). */
interface OutputFlags {
  /** Filled by the -f/-o parsers in argument order, so each -o pairs with the -f before it. */
  outputs: OutputSpec[];
  outDir?: string;
  deadline?: string;
  baseline?: string;
  onlyNew?: boolean;
  suppressions?: string;
  config?: string;
  failOn?: 'error' | 'warning';
  failUnder?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color: boolean;
}

interface AuditFlags extends OutputFlags {
  rule: string[];
  scope?: 'default' | 'all';
  ignore: string[];
  attachments: string[];
  catalog?: string;
  cancelled?: string;
  fixOut?: string;
  shard?: string;
  jobs?: string;
  progress: boolean;
  verbose?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Exit code for a finished audit (REPORT-JSON.md): 2 wins over 1. */
export function exitCodeFor(report: Report, failOn: 'error' | 'warning', failUnder?: number, maxWarnings?: number, onlyNew = false): number {
  if (report.loadErrors.length > 0 || report.summary.guides === 0) return EXIT_ERROR;
  // --only-new: a backlog recorded in the baseline does not fail the run, new findings do.
  const counted = onlyNew ? report.findings.filter((f) => f.status !== 'unchanged') : report.findings;
  const failing = failOn === 'warning' ? counted.length : counted.filter((f) => f.severity === 'error').length;
  if (failing > 0) return EXIT_FINDINGS;
  if (failUnder !== undefined && (report.scores.overall ?? 0) < failUnder) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

function parseRuleFlags(flags: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const f of flags) {
    const m = /^(.+?)=(off|warning|error|warn)$/.exec(f.trim());
    if (!m) throw new ConfigError(`--rule 的写法是 规则ID=off|warning|error，收到“${f}”`);
    out[m[1]!.trim()] = m[2] === 'warn' ? 'warning' : (m[2] as SeveritySetting);
  }
  return out;
}

function parseNumberFlag(name: string, v: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new ConfigError(`${name} 需要 ${min} 到 ${max} 之间的${integer ? '整数' : '数'}，收到“${v}”`);
  }
  return n;
}

/** -f/-o (paired in order), --out-dir and the exit-code options, on the audit and on `merge`. */
function addOutputOptions(cmd: Command, outputs: OutputSpec[]): Command {
  return cmd
    .option('-f, --format <format>', `输出格式：${FORMAT_NAMES.join('、')}；可重复，每个 -f 后面可跟自己的 -o`, (v: string) => {
      if (!(FORMAT_NAMES as readonly string[]).includes(v)) throw new InvalidArgumentError(`可选 ${FORMAT_NAMES.join('、')}`);
      outputs.push({ format: v as Format });
      return v;
    })
    .option('-o, --output <file>', '把前一个 -f 的输出写入文件（原子写入），而不是标准输出', (v: string) => {
      const last = outputs[outputs.length - 1];
      if (last && last.output === undefined) last.output = v;
      else outputs.push({ output: v });
      return v;
    })
    .option('--out-dir <dir>', '把全部报告写入文件夹：report.json、report.html、summary.md、report.sarif、junit.xml 和 整改清单/')
    .option('--deadline <date>', '整改清单中的整改期限（YYYY-MM-DD）')
    .option('--baseline <report.json>', '上一次的 JSON 报告：标出新增、仍未整改，列出已整改')
    .option('--only-new', '只有新增的问题才使退出码为 1（需 --baseline）')
    .option('--suppressions <file>', '豁免清单（JSON、CSV 或 xlsx：实施编码、规则、原因）')
    .option('-c, --config <file>', '配置文件（JSON）')
    .addOption(new Option('--fail-on <severity>', '达到此级别的问题时退出码为 1').choices(['error', 'warning']))
    .option('--fail-under <score>', '准确度指数低于此分数时退出码为 1')
    .option('--max-warnings <n>', '警告超过此数量时退出码为 1')
    .option('-q, --quiet', '只显示错误')
    .option('--no-color', '不使用颜色（也可设置 NO_COLOR 环境变量）');
}

export async function runCli(argv: string[], ioIn?: Partial<CliIO>): Promise<number> {
  const io: CliIO = { ...defaultIO(), ...ioIn };
  let code = EXIT_OK;
  const outputs: OutputSpec[] = [];
  const mergeOutputs: OutputSpec[] = [];
  const program = new Command('guide-audit');
  program
    .description('按评估指标逐事项逐要素审核政务服务事项办事指南导出数据（Excel、CSV、JSON）')
    .version(TOOL_VERSION, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示子命令的帮助')
    // `merge` has -f/-o of its own: options after a subcommand's name are the subcommand's.
    .enablePositionalOptions()
    .argument('[paths...]', '导出文件或文件夹');
  addOutputOptions(program, outputs)
    .option('--rule <id=severity>', '调整规则级别：规则ID或指标名=off|warning|error，可重复', collect, [])
    .addOption(new Option('--scope <scope>', 'default：只审核依申请类事项；all：全部事项').choices(['default', 'all']))
    .option('--ignore <glob>', '忽略匹配的文件，可重复', collect, [])
    .option('--attachments <dir>', '另一个附件（空白表格、示例样表、流程图）文件夹，可重复', collect, [])
    .option('--catalog <file>', '国家基本目录（xlsx、csv 或 json，至少含“基本编码”“事项名称”两列），用于国家基本目录对应情况检查')
    .option('--cancelled <file>', '取消和调整事项清单（xlsx、csv 或 json：基本编码和/或事项名称、取消或调整的文件，可有调整类型），用于事项动态化管理检查')
    .option('--fix-out <dir>', '把每个导出文件的修正副本写入此文件夹（只做有唯一正确答案的修正，输入文件不动；每处修改列在报告中）')
    .option('--shard <i/n>', '只审核第 i 份（共 n 份，按基本编码分）；各份报告用 guide-audit merge 合并')
    .option('-j, --jobs <n>', '同时处理文件的工作线程数（默认：输入足够大时自动使用多个，见 README“大批量”）')
    .option('--no-progress', '不显示进度条（标准错误不是终端或有 --quiet 时本来就不显示）')
    .option('--verbose', '显示每个文件的读取情况')
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .action(async (paths: string[], flags: Omit<AuditFlags, 'outputs'>) => {
      code = await runAudit(paths, { ...flags, outputs }, io);
    });

  addOutputOptions(
    program.command('merge').description('把 --shard 各份的 JSON 报告合并为一份（与一次审核全部的结果相同）').argument('<reports...>', '各份的 JSON 报告'),
    mergeOutputs,
  ).action(async (reports: string[], flags: Omit<OutputFlags, 'outputs'>) => {
    code = await runMerge(reports, { ...flags, outputs: mergeOutputs }, io);
  });
  program
    .command('diff')
    .description('比较两个渠道导出的同一批办事指南（多渠道数据同源）：逐事项逐要素列出不一致之处和只在一个渠道发布的事项')
    .argument('<a>', '渠道A的导出文件或文件夹')
    .argument('<b>', '渠道B的导出文件或文件夹')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['stylish', 'json']).default('stylish'))
    .option('-o, --output <file>', '把输出写入文件（原子写入），而不是标准输出')
    .option('--out <file.xlsx>', '差异清单工作簿：汇总表和每个部门一张表')
    .option('--a-label <name>', '渠道A在报告中的名称', '渠道A')
    .option('--b-label <name>', '渠道B在报告中的名称', '渠道B')
    .option('-c, --config <file>', '配置文件（JSON；用其中的 sources、ignore、limits）')
    .option('--ignore <glob>', '忽略匹配的文件，可重复', collect, [])
    .option('--no-color', '不使用颜色（也可设置 NO_COLOR 环境变量）')
    .action(async (a: string, b: string, flags: DiffFlags) => {
      code = await runDiff(a, b, flags, io);
    });
  program
    .command('schema')
    .description('输出 JSON Schema（由 zod 模式生成）：report 为 JSON 报告，config 为配置文件，diff 为 diff 的 JSON 报告')
    .addArgument(new Argument('[kind]', '哪一个').choices(['report', 'config', 'diff']).default('report'))
    .action(async (kind: 'report' | 'config' | 'diff') => {
      if (kind === 'config') io.stdout((await import('./config.js')).renderConfigSchema());
      else if (kind === 'diff') io.stdout((await import('./diff-report.js')).renderDiffReportSchema());
      else io.stdout((await import('./report.js')).renderReportSchema());
    });
  program
    .command('rules')
    .description('列出全部规则（ID、指标、级别、检查内容）')
    .action(async () => {
      io.stdout((await import('./explain.js')).renderRuleList());
    });
  program
    .command('explain')
    .description('说明一条规则：检查什么，通过和不通过的例子')
    .argument('<rule>', '规则 ID 或指标名，如 handling-location 或 办理地点')
    .action(async (key: string) => {
      const { findRule, renderExplain } = await import('./explain.js');
      const rule = findRule(key);
      if (!rule) {
        io.stderr(`没有名为“${key}”的规则或指标（用 guide-audit rules 查看全部规则）\n`);
        code = EXIT_ERROR;
        return;
      }
      io.stdout(renderExplain(rule));
    });
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    io.stderr(`guide-audit：${(e as Error).message}\n`);
    return EXIT_ERROR;
  }
  return code;
}

const DATE_RX = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks of the output flags that need no file; an error message, or undefined. */
function outputProblem(flags: OutputFlags): string | undefined {
  const toStdout = (flags.outputs.length ? flags.outputs : [{}]).filter((o) => !o.output).length;
  if (toStdout > 1) return '只有一个 -f 可以输出到标准输出，其余请用 -o 指定文件';
  if (flags.deadline !== undefined && !DATE_RX.test(flags.deadline)) return `--deadline 的写法是 YYYY-MM-DD，收到“${flags.deadline}”`;
  if (flags.onlyNew && !flags.baseline) return '--only-new 需要和 --baseline 一起使用';
  return undefined;
}

const outputFiles = (flags: OutputFlags & { fixOut?: string }, cwd: string) =>
  [...flags.outputs.flatMap((o) => (o.output ? [o.output] : [])), ...(flags.outDir ? [flags.outDir] : []), ...(flags.fixOut ? [flags.fixOut] : [])].map((f) => path.resolve(cwd, f));

async function runAudit(paths: string[], flags: AuditFlags, io: CliIO): Promise<number> {
  if (paths.length === 0) {
    io.stderr('请指定要审核的导出文件或文件夹，例如：guide-audit ./exports\n（用 --help 查看用法）\n');
    return EXIT_ERROR;
  }
  const problem = outputProblem(flags);
  if (problem) {
    io.stderr(`guide-audit：${problem}\n`);
    return EXIT_ERROR;
  }
  let shard: Shard | undefined;
  if (flags.shard !== undefined) {
    shard = (await import('./shard.js')).parseShard(flags.shard);
    if (!shard) {
      io.stderr(`guide-audit：--shard 的写法是 i/n（1 ≤ i ≤ n），如 --shard 2/4，收到“${flags.shard}”\n`);
      return EXIT_ERROR;
    }
    if (flags.baseline || flags.suppressions) {
      io.stderr('guide-audit：--baseline 和 --suppressions 请在 guide-audit merge 时指定（分片只含部分事项）\n');
      return EXIT_ERROR;
    }
    if (flags.fixOut) {
      io.stderr('guide-audit：--fix-out 不能与 --shard 一起使用（修正副本需要完整的文件）\n');
      return EXIT_ERROR;
    }
  }
  return withReport(flags, io, async (config) => {
    const jobs = parseNumberFlag('--jobs', flags.jobs, 1, 64, true);
    const { audit } = await import('./engine.js');
    const progress = flags.progress && !flags.quiet && io.stderrIsTTY ? createProgress(io.stderr) : undefined;
    try {
      return await audit(paths, {
        cwd: io.cwd, config, scope: flags.scope, rules: parseRuleFlags(flags.rule), ignore: flags.ignore,
        ...(flags.attachments.length ? { attachments: flags.attachments } : {}),
        ...(flags.catalog ? { catalog: flags.catalog } : {}),
        ...(flags.cancelled ? { cancelled: flags.cancelled } : {}),
        ...(flags.fixOut ? { fixOut: flags.fixOut } : {}),
        ...(shard ? { shard } : {}),
        ...(jobs !== undefined ? { jobs } : {}),
        // Earlier reports inside the audited folder are not inputs.
        exclude: outputFiles(flags, io.cwd),
        ...(progress || flags.verbose
          ? {
            onFile: (info) => {
              progress?.update(info);
              if (flags.verbose) io.stderr(`${progress ? '\r\x1b[K' : ''}已读取 ${info.file}（累计 ${info.guides} 个事项）\n`);
            },
          }
          : {}),
      });
    } finally {
      progress?.done();
    }
  });
}

interface DiffFlags {
  format: 'stylish' | 'json';
  output?: string;
  out?: string;
  aLabel: string;
  bLabel: string;
  config?: string;
  ignore: string[];
  color: boolean;
}

async function runDiff(a: string, b: string, flags: DiffFlags, io: CliIO): Promise<number> {
  if (flags.out !== undefined && !/\.xlsx$/i.test(flags.out)) {
    io.stderr(`guide-audit：--out 需要 .xlsx 文件名，收到“${flags.out}”\n`);
    return EXIT_ERROR;
  }
  let report;
  try {
    const config: Config = flags.config ? await (await import('./config.js')).loadConfig(flags.config) : {};
    const { diff } = await import('./diff/index.js');
    report = await diff(a, b, {
      cwd: io.cwd, config, ignore: flags.ignore, labels: { a: flags.aLabel, b: flags.bLabel },
      exclude: [flags.output, flags.out].filter((x): x is string => Boolean(x)).map((f) => path.resolve(io.cwd, f)),
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`guide-audit：${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  const { diffExitCode } = await import('./diff/index.js');
  for (const e of report.loadErrors) {
    const where = e.row !== undefined ? ` 第${e.row}行` : e.line !== undefined ? ` 第${e.line}行` : '';
    io.stderr(`读取错误：${e.file}${where}：${e.message}\n`);
  }
  for (const id of ['a', 'b'] as const) {
    const ch = report.channels[id];
    if (ch.guides === 0) io.stderr(`${ch.label}（${ch.path}）中没有找到办事指南。\n`);
  }
  const colorOk = flags.color && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && (io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR));
  try {
    const text = flags.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : (await import('./diff/stylish.js')).renderDiffStylish(report, { color: colorOk && !flags.output });
    if (flags.output) await write(io.cwd, flags.output, text);
    else io.stdout(text);
    if (flags.out) await write(io.cwd, flags.out, await (await import('./diff/workbook.js')).renderDiffWorkbook(report));
  } catch (e) {
    if (e instanceof WriteError) {
      io.stderr(`guide-audit：${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  return diffExitCode(report);
}

async function runMerge(reports: string[], flags: OutputFlags, io: CliIO): Promise<number> {
  const problem = outputProblem(flags);
  if (problem) {
    io.stderr(`guide-audit：${problem}\n`);
    return EXIT_ERROR;
  }
  return withReport(flags, io, async () => {
    const { loadReports, mergeReports } = await import('./merge.js');
    return mergeReports(await loadReports(reports, io.cwd));
  });
}

/** Load the config, make the report, apply suppressions and the baseline, write every output, return the exit code. */
async function withReport(flags: OutputFlags, io: CliIO, make: (config: Config) => Promise<Report>): Promise<number> {
  let config: Config = {};
  let report: Report;
  let failUnder: number | undefined;
  let maxWarnings: number | undefined;
  try {
    if (flags.config) config = await (await import('./config.js')).loadConfig(flags.config);
    failUnder = parseNumberFlag('--fail-under', flags.failUnder, 0, 100, false) ?? config.failUnder;
    maxWarnings = parseNumberFlag('--max-warnings', flags.maxWarnings, 0, Number.MAX_SAFE_INTEGER, true) ?? config.maxWarnings;
    const tracking = await import('./tracking-files.js');
    // Read before the audit, so a wrong path fails at once.
    const baseline = flags.baseline ? await tracking.loadBaseline(flags.baseline, io.cwd) : undefined;
    const suppressions = flags.suppressions ? await tracking.loadSuppressions(flags.suppressions, io.cwd) : undefined;
    report = await make(config);
    const { applyBaseline, applySuppressions } = await import('./tracking.js');
    if (suppressions) report = applySuppressions(report, suppressions, flags.suppressions!);
    if (baseline) report = applyBaseline(report, baseline, flags.baseline!);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`guide-audit：${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }

  for (const e of report.loadErrors) {
    const where = e.row !== undefined ? ` 第${e.row}行` : e.line !== undefined ? ` 第${e.line}行` : '';
    io.stderr(`读取错误：${e.file}${where}：${e.message}\n`);
  }
  if (report.summary.guides === 0) io.stderr('没有找到可审核的办事指南。\n');
  for (const u of report.suppressions?.unused ?? []) io.stderr(`豁免清单中的“${u.code} ${u.ruleId}”（${u.reason}）没有匹配任何问题，可以删除\n`);

  const colorOk = flags.color && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && (io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR));
  const { render, renderChunks, OUT_DIR_FILES, WORKBOOK_DIR } = await import('./reporters/index.js');
  try {
    for (const o of flags.outputs.length ? flags.outputs : [{}]) {
      const opts = { color: colorOk && !o.output, quiet: flags.quiet };
      if (o.output) await write(io.cwd, o.output, renderChunks(o.format ?? 'stylish', report, opts));
      else io.stdout(render(o.format ?? 'stylish', report, opts));
    }
    if (flags.outDir) {
      for (const [name, format] of OUT_DIR_FILES) await write(io.cwd, path.join(flags.outDir, name), renderChunks(format, report, { color: false }));
      const { renderWorkbooks } = await import('./reporters/workbook.js');
      const books = await renderWorkbooks(report, flags.deadline ? { deadline: flags.deadline } : {});
      for (const [name, bytes] of books) await write(io.cwd, path.join(flags.outDir, WORKBOOK_DIR, name), bytes);
    }
  } catch (e) {
    if (e instanceof WriteError) {
      io.stderr(`guide-audit：${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  return exitCodeFor(report, flags.failOn ?? config.failOn ?? 'error', failUnder, maxWarnings, flags.onlyNew);
}

class WriteError extends Error {}

async function write(cwd: string, file: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const { writeAtomic } = await import('./output.js');
  try {
    await writeAtomic(path.resolve(cwd, file), data);
  } catch (e) {
    throw new WriteError(`无法写入 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
