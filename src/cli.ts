// The command line: parses arguments, runs the audit, renders, and returns the exit code.
// It never calls process.exit (bin/ does), so tests can run it in-process too.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { audit } from './engine.js';
import { ConfigError, loadConfig, type Config, type SeveritySetting } from './config.js';
import { renderJson } from './reporters/json.js';
import { renderStylish } from './reporters/stylish.js';
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

interface AuditFlags {
  format: 'stylish' | 'json';
  output?: string;
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
export function exitCodeFor(report: Report, failOn: 'error' | 'warning', failUnder?: number, maxWarnings?: number): number {
  if (report.loadErrors.length > 0 || report.summary.guides === 0) return EXIT_ERROR;
  const failing = failOn === 'warning' ? report.summary.findings : report.summary.errors;
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
  const program = new Command('guide-audit');
  program
    .description('按评估指标逐事项逐要素审核政务服务事项办事指南导出数据（Excel、CSV、JSON）')
    .version(TOOL_VERSION, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示子命令的帮助')
    .argument('[paths...]', '导出文件或文件夹')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['stylish', 'json']).default('stylish'))
    .option('-o, --output <file>', '写入文件（原子写入），而不是标准输出')
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
    .action(async (paths: string[], flags: AuditFlags) => {
      code = await runAudit(paths, flags, io);
    });

  program
    .command('schema')
    .description('输出 JSON 报告的 JSON Schema（由报告的 zod 模式生成）')
    .action(() => {
      io.stdout(renderReportSchema());
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

async function runAudit(paths: string[], flags: AuditFlags, io: CliIO): Promise<number> {
  if (paths.length === 0) {
    io.stderr('请指定要审核的导出文件或文件夹，例如：guide-audit ./exports\n（用 --help 查看用法）\n');
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
    report = await audit(paths, {
      cwd: io.cwd, config, scope: flags.scope, rules: ruleOverrides, ignore: flags.ignore,
      ...(flags.attachments.length ? { attachments: flags.attachments } : {}),
      ...(flags.catalog ? { catalog: flags.catalog } : {}),
      // The report of an earlier run inside the audited folder is not an input.
      exclude: flags.output ? [path.resolve(io.cwd, flags.output)] : [],
    });
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

  const color = flags.color && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && (io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR)) && !flags.output;
  const text = flags.format === 'json' ? renderJson(report) : renderStylish(report, { color, quiet: flags.quiet });
  if (flags.output) {
    try {
      await writeAtomic(path.resolve(io.cwd, flags.output), text);
    } catch (e) {
      io.stderr(`guide-audit：无法写入 ${flags.output}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_ERROR;
    }
  } else io.stdout(text);
  return exitCodeFor(report, flags.failOn ?? config.failOn ?? 'error', failUnder, maxWarnings);
}
