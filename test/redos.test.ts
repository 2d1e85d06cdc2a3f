// No pattern of any rule or parser may go super-linear: every one runs here on 2 MB fields built to
// provoke backtracking. vitest's per-test timeout is the guard, not a timing assertion.
import { describe, expect, it } from 'vitest';
import { audit } from '../src/engine.js';
import { analyzeAddress, splitLocations } from '../src/parsers/address.js';
import { findDurations } from '../src/parsers/duration.js';
import { analyzeHours } from '../src/parsers/hours.js';
import { analyzeLegalText, firstLawTitle, normalizeLawName, splitLegalBasis } from '../src/parsers/legal-basis.js';
import { extractPhones } from '../src/parsers/phone.js';
import { splitProcessText, stepCategories, textStepAttributes } from '../src/parsers/steps.js';
import { parseVisits } from '../src/parsers/visits.js';
import { findPersonalInfo } from '../src/parsers/personal-info.js';
import { analyzeLimit } from '../src/parsers/time-limit.js';
import { normalize } from '../src/normalize.js';
import { tempDir, writeFile } from './helpers.js';

const SIZE = 2 * 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
/** Inputs known to hurt naive patterns: long runs of what a pattern repeats, with a bad ending. */
const HOSTILE = [
  fill('1'),
  fill('0393-') + 'x',
  fill('路') + '号',
  fill('12号') + '楼',
  fill('《') + '》',
  fill('第一二三') + '条',
  fill('9:00-') + '下午',
  fill('1.') + '\n',
  fill('a ') + '!',
  fill('（') ,
  fill('、受理'),
  fill('二十个工作') + '月',
  fill('41010219900307123'),
];

describe('2 MB fields', () => {
  it('every parser finishes', () => {
    for (const s of HOSTILE) {
      splitLocations(s).slice(0, 3).forEach((l) => analyzeAddress(l));
      analyzeAddress(s);
      findDurations(s);
      analyzeHours(s);
      splitLegalBasis(s).slice(0, 3).forEach((e) => analyzeLegalText(e));
      firstLawTitle(s);
      normalizeLawName(s);
      extractPhones(s);
      splitProcessText(s).slice(0, 3).forEach((st) => textStepAttributes(st));
      stepCategories(s);
      parseVisits(s);
      findPersonalInfo(s);
      analyzeLimit({ text: s, explanation: s });
      normalize(s);
    }
    expect(true).toBe(true);
  }, 60_000);

  it('every rule finishes on a guide whose every field is 2 MB, and reports on it', async () => {
    const dir = tempDir();
    const s = HOSTILE[1]!;
    const guide = {
      事项名称: fill('许可'), 实施编码: s, 基本编码: s, 事项类型: '行政许可', 实施主体: fill('局'), 办件类型: s,
      法定办结时限: HOSTILE[11], 法定办结时限说明: HOSTILE[11], 承诺办结时限: HOSTILE[0], 承诺办结时限说明: HOSTILE[0],
      办理地点: HOSTILE[2], 办理时间: HOSTILE[6], 咨询电话: HOSTILE[1], 监督投诉电话: HOSTILE[0], 设定依据: HOSTILE[4],
      特殊环节: HOSTILE[10], 受理条件: HOSTILE[8], 办理结果: s, 是否收费: s, 到办事现场次数: HOSTILE[0], 网办深度: s,
      办理流程: HOSTILE[7],
      申请材料: [{ 材料名称: HOSTILE[9], 来源渠道: s, 来源渠道说明: HOSTILE[8], 原件份数: HOSTILE[0], 材料形式: s, 空白表格: HOSTILE[8], 示例样表: s }],
    };
    writeFile(dir, 'x/big.json', JSON.stringify({ data: [guide, { ...guide, 实施主体: '另一个局' }] }));
    const r = await audit(['x'], { cwd: dir });
    expect(r.summary.guides).toBe(2);
    expect(r.summary.findings).toBeGreaterThan(10);
  }, 120_000);
});
