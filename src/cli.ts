// The command line: parses arguments, runs the audit, renders, and returns the exit code.
// It never calls process.exit (bin/ does), so tests can run it in-process too.
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { audit } from './engine.js';
import { ConfigError, loadConfig, renderConfigSchema, type Config, type SeveritySetting } from './config.js';
import { FORMATS, OUT_DIR_FILES, WORKBOOK_DIR, render, type Format } from './reporters/index.js';
import { renderWorkbooks } from './reporters/workbook.js';
import { applyBaseline, applySuppressions } from './tracking.js';
import { loadBaseline, loadSuppressions } from './tracking-files.js';
import { writeAtomic } from './output.js';
import { findRule, renderExplain, renderRuleList } from './explain.js';
import { TOOL_VERSION } from './version.js';
import { renderReportSchema, type Report } from './report.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

function defaultIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

/** One requested output: `-f FORMAT` and the `-o FILE` that follows it (stdout without one). */
interface OutputSpec {
  format?: Format;
  output?: string;
}

interface AuditFlags {
  /** Filled by the -f/-o parsers in argument order, so each -o pairs with the -f before it. */
  outputs: OutputSpec[];
  outDir?: string;
  deadline?: string;
  baseline?: string;
  onlyNew?: boolean;
  suppressions?: string;
  config?: string;
  rule: string[];
  scope?: 'default' | 'all';
  failOn?: 'error' | 'warning';
  failUnder?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color: boolean;
  ignore: string[];
  attachments: string[];
  catalog?: string;
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

export async function runCli(argv: string[], ioIn?: Partial<CliIO>): Promise<number> {
  const io: CliIO = { ...defaultIO(), ...ioIn };
  let code = EXIT_OK;
  const outputs: OutputSpec[] = [];
  const program = new Command('guide-audit');
  program
    .description('按评估指标逐事项逐要素审核政务服务事项办事指南导出数据（Excel、CSV、JSON）')
    .version(TOOL_VERSION, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示子命令的帮助')
    .argument('[paths...]', '导出文件或文件夹')
    .option('-f, --format <format>', `输出格式：${FORMATS.join('、')}；可重复，每个 -f 后面可跟自己的 -o`, (v: string) => {
      if (!(FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`可选 ${FORMATS.join('、')}`);
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
    .option('--rule <id=severity>', '调整规则级别：规则ID或指标名=off|warning|error，可重复', collect, [])
    .addOption(new Option('--scope <scope>', 'default：只审核依申请类事项；all：全部事项').choices(['default', 'all']))
    .addOption(new Option('--fail-on <severity>', '达到此级别的问题时退出码为 1').choices(['error', 'warning']))
    .option('--fail-under <score>', '准确度指数低于此分数时退出码为 1')
    .option('--max-warnings <n>', '警告超过此数量时退出码为 1')
    .option('--ignore <glob>', '忽略匹配的文件，可重复', collect, [])
    .option('--attachments <dir>', '另一个附件（空白表格、示例样表、流程图）文件夹，可重复', collect, [])
    .option('--catalog <file>', '国家基本目录（xlsx、csv 或 json，至少含“基本编码”“事项名称”两列），用于国家基本目录对应情况检查')
    .option('-q, --quiet', '只显示错误')
    .option('--no-color', '不使用颜色（也可设置 NO_COLOR 环境变量）')
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .action(async (paths: string[], flags: Omit<AuditFlags, 'outputs'>) => {
      code = await runAudit(paths, { ...flags, outputs }, io);
    });

  program
    .command('schema')
    .description('输出 JSON Schema（由 zod 模式生成）：report 为 JSON 报告，config 为配置文件')
    .addArgument(new Argument('[kind]', '哪一个').choices(['report', 'config']).default('report'))
    .action((kind: 'report' | 'config') => {
      io.stdout(kind === 'config' ? renderConfigSchema() : renderReportSchema());
    });
  program
    .command('rules')
    .description('列出全部规则（ID、指标、级别、检查内容）')
    .action(() => {
      io.stdout(renderRuleList());
    });
  program
    .command('explain')
    .description('说明一条规则：检查什么，通过和不通过的例子')
    .argument('<rule>', '规则 ID 或指标名，如 handling-location 或 办理地点')
    .action((key: string) => {
      const rule = findRule(key);
      if (!rule) {
        io.stderr(`没有名为“${key}”的规则或指标（用 guide-audit rules 查看全部规则）\n`);
        code = EXIT_ERROR;
        return;
      }
      io.stdout(renderExplain(rule));
    });

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

async function runAudit(paths: string[], flags: AuditFlags, io: CliIO): Promise<number> {
  if (paths.length === 0) {
    io.stderr('请指定要审核的导出文件或文件夹，例如：guide-audit ./exports\n（用 --help 查看用法）\n');
    return EXIT_ERROR;
  }
  // No -f and no --out-dir: the stylish report on stdout; with --out-dir alone, the stylish summary still goes to stdout.
  const outputs: OutputSpec[] = flags.outputs.length ? flags.outputs : [{ format: 'stylish' }];
  const files = outputs.flatMap((o) => (o.output ? [o.output] : []));
  if (outputs.filter((o) => !o.output).length > 1) {
    io.stderr('guide-audit：只有一个 -f 可以输出到标准输出，其余请用 -o 指定文件\n');
    return EXIT_ERROR;
  }
  if (flags.deadline !== undefined && !DATE_RX.test(flags.deadline)) {
    io.stderr(`guide-audit：--deadline 的写法是 YYYY-MM-DD，收到“${flags.deadline}”\n`);
    return EXIT_ERROR;
  }
  if (flags.onlyNew && !flags.baseline) {
    io.stderr('guide-audit：--only-new 需要和 --baseline 一起使用\n');
    return EXIT_ERROR;
  }
  let config: Config = {};
  let ruleOverrides: Record<string, SeveritySetting>;
  let failUnder: number | undefined;
  let maxWarnings: number | undefined;
  let report: Report;
  try {
    if (flags.config) config = await loadConfig(flags.config);
    ruleOverrides = parseRuleFlags(flags.rule);
    failUnder = parseNumberFlag('--fail-under', flags.failUnder, 0, 100, false) ?? config.failUnder;
    maxWarnings = parseNumberFlag('--max-warnings', flags.maxWarnings, 0, Number.MAX_SAFE_INTEGER, true) ?? config.maxWarnings;
    // Read before the audit, so a wrong path fails at once.
    const baseline = flags.baseline ? await loadBaseline(flags.baseline, io.cwd) : undefined;
    const suppressions = flags.suppressions ? await loadSuppressions(flags.suppressions, io.cwd) : undefined;
    report = await audit(paths, {
      cwd: io.cwd, config, scope: flags.scope, rules: ruleOverrides, ignore: flags.ignore,
      ...(flags.attachments.length ? { attachments: flags.attachments } : {}),
      ...(flags.catalog ? { catalog: flags.catalog } : {}),
      // Earlier reports inside the audited folder are not inputs.
      exclude: [...files, ...(flags.outDir ? [flags.outDir] : [])].map((f) => path.resolve(io.cwd, f)),
    });
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
  try {
    for (const o of outputs) {
      const format = o.format ?? 'stylish';
      const text = render(format, report, { color: colorOk && !o.output, quiet: flags.quiet });
      if (o.output) await write(io.cwd, o.output, text);
      else io.stdout(text);
    }
    if (flags.outDir) await writeOutDir(report, flags.outDir, io.cwd, flags.deadline);
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

async function write(cwd: string, file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeAtomic(path.resolve(cwd, file), data);
  } catch (e) {
    throw new WriteError(`无法写入 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** --out-dir: every report file and the 整改清单 workbooks, each written atomically. */
async function writeOutDir(report: Report, dir: string, cwd: string, deadline: string | undefined): Promise<void> {
  for (const [name, format] of OUT_DIR_FILES) await write(cwd, path.join(dir, name), render(format, report, { color: false }));
  const books = await renderWorkbooks(report, deadline ? { deadline } : {});
  for (const [name, bytes] of books) await write(cwd, path.join(dir, WORKBOOK_DIR, name), bytes);
}
