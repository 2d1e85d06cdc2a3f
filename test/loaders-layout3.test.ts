// Layout 3: national exchange / vendor JSON with snake_case or UPPER_CASE keys.
import { describe, expect, it } from 'vitest';
import { collect, errorsOf, guidesOf, tempDir, writeFile } from './helpers.js';

const SNAKE = {
  task_name: '建筑工程施工许可', task_code: '11410900MB0000000E3000101001000', catalog_code: '000101001000',
  dept_name: '某市住房和城乡建设局', dept_code: '11410900MB0000000E', task_type: '01', use_level: '3',
  project_type: '2', anticipate_day: '15', anticipate_type: '1', anticipate_explain: '自受理之日起15个工作日',
  promise_day: '5', promise_type: '1', limit_scene_num: '1', link_way: '0393-0000000', supervise_way: '0393-12345',
  window: { transact_addr: '某市某路1号市民之家二楼B区8号窗口', transact_time: '星期一至星期五：上午9:00-12:00，下午13:00-17:00', window_tel: '0393-6661882' },
  bylaw: [{ law_name: '《建筑工程施工许可管理办法》', law_number: '住房和城乡建设部令第18号', clause_number: '第二条', clause_content: '在中华人民共和国境内从事各类房屋建筑……' }],
  special: [{ special_name: '现场勘查', special_date: '5', special_date_type: '1', special_desc: '对施工现场进行勘查' }],
  extend: { online_handle_depth: '全程网办', result_name: '建筑工程施工许可证' },
  materials: [
    { material_name: '建筑工程施工许可申请表', material_type: '2', source_type: '10', original_amount: 1, copy_amount: 0, form_guid: 'a1b2', example_guid: 'c3d4', is_need: '3' },
    { material_name: '建设工程规划许可证', material_type: '1', source_type: '20', source_explain: '自然资源和规划部门', original_amount: 0, copy_amount: 1 },
  ],
};

const UPPER = {
  TASK_NAME: '食品经营许可', TASK_CODE: '11441900MB1234567Y4000101002000', DEPT_NAME: '某县市场监督管理局',
  TASK_TYPE: '01', TASK_TYPE_TEXT: '行政许可', PROJECT_TYPE: '1', PROJECT_TYPE_TEXT: '承诺件',
  ANTICIPATE_DAY: 20, ANTICIPATE_TYPE: '1', ANTICIPATE_TYPE_TEXT: '工作日',
  PROMISE_DAY: 10, PROMISE_TYPE: '2', PROMISE_TYPE_TEXT: '自然日',
  TRANSACT_ADDR: '某县人民路1号<br/>便民服务中心2楼<b>5号窗口</b>', TRANSACT_TIME: '周一至周五&nbsp;9:00-17:00',
  LINK_WAY: '0769\u0000-12345678', WBSD_LEVEL_TEXT: 'III级',
  AUDIT_MATERIAL: [{ MATERIAL_NAME: '食品经营许可申请书', SOURCE_TYPE: '10', SOURCE_TYPE_TEXT: '申请人自备', ORIGINAL_AMOUNT: '1' }],
};

describe('layout 3 JSON', () => {
  const dir = tempDir();

  it('reads snake_case keys with nested window, bylaw, special, extend and materials', async () => {
    const file = writeFile(dir, 'snake.json', JSON.stringify({ code: 200, custom: { total: 1 }, data: [SNAKE] }));
    const [g] = guidesOf(await collect(file));
    expect(g).toMatchObject({
      name: '建筑工程施工许可', code: SNAKE.task_code, baseCode: '000101001000', itemType: '行政许可', level: '市级', levelCode: '3',
      caseType: '承诺件', department: '某市住房和城乡建设局', departmentCode: '11410900MB0000000E', visits: '1', onlineDepth: '全程网办', result: '建筑工程施工许可证',
    });
    expect(g!.legalLimit).toMatchObject({ number: '15', unit: '工作日', explanation: '自受理之日起15个工作日' });
    expect(g!.windows).toEqual([{ address: SNAKE.window.transact_addr, hours: SNAKE.window.transact_time, phone: '0393-6661882' }]);
    expect(g!.legalBasis[0]).toMatchObject({ name: '《建筑工程施工许可管理办法》', article: '第二条' });
    expect(g!.specialEntries[0]).toMatchObject({ name: '现场勘查', limit: '5' });
    expect(g!.materials.map((m) => [m.name, m.type, m.source, m.necessity, m.blankForm])).toEqual([
      ['建筑工程施工许可申请表', '申请表格文书', '申请人自备', '容缺后补', 'a1b2'],
      ['建设工程规划许可证', '证件证书证明', '政府部门核发', undefined, undefined],
    ]);
  });

  it('reads step lists under process / procedure with the vendors\' step keys', async () => {
    const steps = (a: string, p: string, st: string) => [
      { step_name: '受理', [a]: '1个工作日', [p]: '窗口受理人员', [st]: '申请材料齐全' },
      { step_name: '决定', [a]: '1个工作日', [p]: '分管负责人', [st]: '符合法定条件' },
    ];
    const file = writeFile(dir, 'steps.json', JSON.stringify([
      { ...SNAKE, process: steps('time_limit', 'handle_person', 'audit_standard') },
      { ...SNAKE, procedure: steps('step_time', 'step_post', 'step_standard') },
    ]));
    for (const g of guidesOf(await collect(file))) {
      expect(g.steps.map((s) => [s.name, s.limit, s.person, s.standard])).toEqual([
        ['受理', '1个工作日', '窗口受理人员', '申请材料齐全'],
        ['决定', '1个工作日', '分管负责人', '符合法定条件'],
      ]);
    }
  });

  it('a *_TEXT companion labels its field even when only the code key is a known synonym', async () => {
    const file = writeFile(dir, 'depth.json', JSON.stringify({ data: [{ TASK_NAME: '食品经营许可', TASK_CODE: UPPER.TASK_CODE, ONLINE_HANDLE_DEPTH: '2', ONLINE_HANDLE_DEPTH_TEXT: 'II级' }] }));
    const [g] = guidesOf(await collect(file));
    expect(g!.onlineDepth).toBe('II级');
  });

  it('reads UPPER_CASE keys, prefers *_TEXT labels, and cleans HTML and control characters', async () => {
    const file = writeFile(dir, 'upper.json', JSON.stringify({ data: [UPPER] }));
    const events = await collect(file);
    expect(errorsOf(events)).toEqual([]);
    const [g] = guidesOf(events);
    expect(g).toMatchObject({ name: '食品经营许可', itemType: '行政许可', caseType: '承诺件', onlineDepth: 'III级' });
    expect(g!.promisedLimit).toMatchObject({ number: '10', unit: '自然日' });
    expect(g!.address).toBe('某县人民路1号\n便民服务中心2楼5号窗口');
    expect(g!.hours).toBe('周一至周五 9:00-17:00');
    expect(g!.consultPhones[0]!.value).toBe('0769-12345678');
    expect(g!.materials[0]).toMatchObject({ name: '食品经营许可申请书', source: '申请人自备', original: '1' });
  });
});

describe('big JSON documents are streamed element by element', () => {
  const dir = tempDir();
  const load = async (file: string) => {
    const { loadFile } = await import('../src/loaders/index.js');
    const out = [];
    for await (const ev of loadFile({ abs: file, display: 'big.json' }, undefined, { jsonStreamThreshold: 0 })) out.push(ev);
    return out;
  };

  it('finds the array under nested wrappers and yields the same guides as a whole parse', async () => {
    const guides = Array.from({ length: 50 }, (_, i) => ({ ...SNAKE, task_name: `事项{"[${i}]"}\\`, task_code: `${i}` }));
    const text = JSON.stringify({ code: 200, msg: '成功[{', custom: { data: [1, 2] }, data: { total: 50, list: guides } }, null, 1);
    const file = writeFile(dir, 'big.json', text);
    const streamed = guidesOf(await load(file));
    const whole = guidesOf(await collect(file, 'big.json'));
    expect(streamed).toHaveLength(50);
    expect(streamed).toEqual(whole);
    expect(streamed[7]!.name).toBe('事项{"[7]"}\\');
    expect(streamed[7]!.loc).toEqual({ file: 'big.json', index: 7 });
  });

  it('reports a truncated document as a load error after the guides it could read', async () => {
    const text = JSON.stringify([SNAKE, SNAKE, SNAKE]);
    const file = writeFile(dir, 'cut.json', text.slice(0, text.length - 200));
    const events = await load(file);
    expect(guidesOf(events)).toHaveLength(2);
    expect(errorsOf(events)).toHaveLength(1);
  });
});
