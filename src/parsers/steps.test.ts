import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SPECIAL_CATEGORY_WORDS, STEP_CATEGORY_WORDS, specialCategories, splitProcessText, stepCategories, textStepAttributes,
} from './steps.js';

describe('splitProcessText', () => {
  it.each([
    ['1.受理\n2.审查\n3.决定\n4.送达', ['1.受理', '2.审查', '3.决定', '4.送达']],
    ['1.受理：窗口人员收件；2.审查：审查材料；3.决定：作出决定；4.送达：送达结果', ['1.受理:窗口人员收件', '2.审查:审查材料', '3.决定:作出决定', '4.送达:送达结果']],
    ['1、受理 2、审查', ['1、受理', '2、审查']],
    ['（一）受理；（二）审查；（三）决定', ['(一)受理', '(二)审查', '(三)决定']],
    ['(1)受理(2)审查', ['(1)受理', '(2)审查']],
    ['受理：依据第(二)项、第(三)项审查', ['受理:依据第(二)项、第(三)项审查']],
    ['(1)受理 (2)审查', ['(1)受理', '(2)审查']],
    ['第一步：受理。第二步：审查。', ['第一步:受理', '第二步:审查']],
    ['①受理②审查③决定', ['①受理', '②审查', '③决定']],
    ['一、受理\n二、审查', ['一、受理', '二、审查']],
    ['受理\n审查\n决定', ['受理', '审查', '决定']],
    ['受理→审查→决定→送达', ['受理', '审查', '决定', '送达']],
    ['受理->审查—>决定', ['受理', '审查', '决定']],
    ['受理；审查；决定；送达', ['受理', '审查', '决定', '送达']],
    ['受理：窗口收件；时限：即时；标准：材料齐全', ['受理:窗口收件;时限:即时;标准:材料齐全']],
    ['申请人提交材料；窗口接收', ['申请人提交材料;窗口接收']],
    ['', []],
  ])('%s', (s, want) => {
    expect(splitProcessText(s)).toEqual(want);
  });

  it('numbers inside text are not numbering', () => {
    expect(splitProcessText('受理：1.5个工作日内完成，依据第2条、第3条；审查：2个工作日')).toHaveLength(2);
    expect(splitProcessText('1.受理：1.5个工作日，依据第2条\n2.审查')).toEqual(['1.受理:1.5个工作日,依据第2条', '2.审查']);
  });
  it('only the first numbering style splits', () => {
    expect(splitProcessText('(一)受理：审查标准：1.材料齐全；2.形式合法\n(二)审查')).toHaveLength(2);
  });
  it('drops a heading before the first marker, keeps other preambles', () => {
    expect(splitProcessText('办理流程如下：1.受理 2.审查')).toEqual(['1.受理', '2.审查']);
    expect(splitProcessText('申请 1.受理 2.审查')).toEqual(['申请', '1.受理', '2.审查']);
  });
  it('line breaks beat arrows and semicolons', () => {
    expect(splitProcessText('受理→审查\n决定；送达')).toEqual(['受理→审查', '决定;送达']);
  });
});

describe('stepCategories', () => {
  it('has exactly the spec words', () => {
    expect(STEP_CATEGORY_WORDS.受理).toEqual(['受理', '收件', '接件']);
    expect(STEP_CATEGORY_WORDS.送达).toHaveLength(9);
  });
  it.each([
    ['1.受理', ['受理']],
    ['窗口收件后初审', ['受理', '审查']],
    ['局长签发', ['决定']],
    ['办结', ['决定']],
    ['邮寄送达或窗口取件', ['送达']],
    ['受理、审核、审批、发证', ['受理', '审查', '决定', '送达']],
    ['提交申请', []],
    ['审查标准：材料齐全；办结时限：1天', []],
    ['向行政审批局提交，受理窗口接收', []],
    ['不予受理的，出具不予受理通知书', ['受理']],
  ])('%s', (s, want) => {
    expect([...stepCategories(s)].sort()).toEqual([...want].sort());
  });
});

describe('textStepAttributes', () => {
  const all = { time: true, person: true, standard: true };
  it.each([
    ['1.受理：窗口工作人员当场受理，审查标准为材料齐全。', all],
    ['2.决定：科长1个工作日内审批，标准为符合法定条件。', all],
    ['受理 办理人员：张三；办理时限：即时；审查标准：材料齐全', all],
    ['受理 办理人员：；办理时限：；审查标准：', { time: false, person: false, standard: false }],
    ['受理 办理人员：办理时限：审查标准：', { time: false, person: false, standard: false }],
    ['审查标准：无；办理时限：/', { time: false, person: false, standard: false }],
    ['办理时限：依法办理', { time: true, person: false, standard: false }],
    ['受理', { time: false, person: false, standard: false }],
    ['审核人对材料进行审核，2小时内完成，审核内容包括真实性', all],
    ['经办人审查，3个工作日，符合要求的予以通过', all],
    ['即办，局领导签批，条件：符合规定', all],
  ])('%s', (s, want) => {
    expect(textStepAttributes(s)).toEqual(want);
  });
});

describe('specialCategories', () => {
  it('has the spec words', () => {
    expect(SPECIAL_CATEGORY_WORDS.听证).toEqual(['听证']);
    expect(SPECIAL_CATEGORY_WORDS.现场).toEqual(expect.arrayContaining(['现场勘查', '现场核查', '现场勘验', '现场检查', '实地核查', '实地勘查']));
  });
  it.each([
    ['2.现场勘查', ['现场']],
    ['组织专家评审', ['评审']],
    ['实地核查，5个工作日', ['现场']],
    ['委托第三方技术评估', ['评审']],
    ['举行听证', ['听证']],
    ['产品检验、检测及鉴定', ['检验检测']],
    ['现场检查后组织专家论证并听证', ['现场', '评审', '听证']],
    ['无需现场勘查', []],
    ['不需要专家评审', []],
    ['不涉及听证', []],
    ['无现场勘查环节', []],
    ['现场勘查：无', []],
    ['20个工作日（不含听证、检测时间）', []],
    ['依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在内', []],
    ['无需现场勘查，需组织专家评审', ['评审']],
    ['组织专家评审，评审时间不计入办理时限', ['评审']],
    ['专家评审：组织专家对水土保持方案报告书进行技术评审，评审时间不计入办理时限', ['评审']],
    ['公示，7个自然日', []],
  ])('%s', (s, want) => {
    expect([...specialCategories(s)].sort()).toEqual([...want].sort());
  });
});

describe('properties', () => {
  const piece = fc.constantFrom('1.', '2、', '（一）', '第一步', '①', '\n', '→', '->', '；', '受理', '审查', '决定', '送达', '时限：', '标准：', '人员：', '即时', '5个工作日', '现场勘查', '无需', '不含', '、', '，', '1.5');
  const proc = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
  it('never throws on arbitrary strings; steps are non-empty', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), proc), (s) => {
      for (const p of splitProcessText(s)) expect(p.trim().length).toBeGreaterThan(0);
      stepCategories(s);
      textStepAttributes(s);
      specialCategories(s);
    }));
  });
  it('every step category found in a step is found in the whole text', () => {
    fc.assert(fc.property(proc, (s) => {
      const whole = stepCategories(splitProcessText(s).join('\n'));
      for (const p of splitProcessText(s)) for (const c of stepCategories(p)) expect(whole.has(c)).toBe(true);
    }));
  });
  it('handles 2 MB input quickly', () => {
    const big = '1.受理：窗口人员1个工作日；'.repeat(150_000);
    const t0 = Date.now();
    splitProcessText(big);
    textStepAttributes(big);
    specialCategories(big);
    stepCategories(big);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
