import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeAddress, splitLocations } from './address.js';

const missing = (s: string) => analyzeAddress(s).missing;

describe('analyzeAddress: spec examples', () => {
  it.each([
    ['江州市滨江大道188号市民之家3楼B区12号窗口', []],
    ['人民路与开州路交叉口向北200米路东，原检察院4楼403房间', ['门牌号']],
    ['中原路10号行政服务中心一楼综合窗口', ['窗口号或房间号']],
    ['三海街道办事处便民服务中心12号窗口', ['街道名称', '门牌号']],
    ['市民之家三楼', ['街道名称', '门牌号', '窗口号或房间号']],
    ['江南路5号楼12号窗口', ['门牌号']],
    ['江州市人民路20号政务服务中心4楼403室', []],
    ['开州中路88号市民之家二楼③号窗口', []],
    ['江南路5号政务大厅窗口12', []],
    ['江南路5号4楼403', []],
    ['解放东路12号行政服务中心C区12号窗口', []],
    ['', ['街道名称', '门牌号', '窗口号或房间号']],
  ])('%s', (s, want) => {
    expect(missing(s)).toEqual(want);
  });
});

describe('road names', () => {
  it.each([
    ['江南路5号', '江南路'],
    ['开州中路88号', '开州中路'],
    ['江州市滨江大道188号', '滨江大道'],
    ['解放东路12号', '解放东路'],
    ['东城区南锣鼓巷8号', '南锣鼓巷'],
    ['西城区百花胡同3号', '百花胡同'],
    ['上海市长乐路100弄5号', '长乐路'],
    ['北京市长安大街1号', '长安大街'],
  ])('%s → %s', (s, road) => {
    expect(analyzeAddress(s).road).toBe(road);
  });
  it.each(['三海街道便民服务中心', '街道办事处', '通过网上渠道办理', '绿色通道', '不知道', '快递寄送', '道路运输管理所', '各街镇便民服务中心'])(
    '%s has no road', (s) => {
      expect(analyzeAddress(s).road).toBeUndefined();
    },
  );
});

describe('house numbers', () => {
  it.each([
    ['江南路5号', '5号'],
    ['人民路东段12号', '12号'],
    ['人民路中188号', '188号'],
    ['人民路 20号', '20号'],
    ['建设路12-1号', '12-1号'],
  ])('%s → %s', (s, n) => {
    expect(analyzeAddress(s).houseNumber).toBe(n);
  });
  it.each(['江南路5号楼', '江南路5号院', '江南路5号室', '江南路5号窗口', '江南路5号房', '12号窗口', '政务中心5号'])('%s has none', (s) => {
    expect(analyzeAddress(s).houseNumber).toBeUndefined();
  });
});

describe('windows and rooms', () => {
  it.each(['12号窗口', '窗口12', 'A3窗口', 'C区12号窗口', '③号窗口', '③窗口', '第5窗口', '5、6号窗口', '1-5号窗口', '窗口:8', '五号窗口'])(
    '%s is a window', (s) => {
      expect(analyzeAddress(`江南路5号${s}`).window).toBeDefined();
    },
  );
  it.each(['综合窗口', '各窗口', '一楼窗口', '服务窗口', 'B区窗口'])('%s is not', (s) => {
    const a = analyzeAddress(`江南路5号${s}`);
    expect(a.window).toBeUndefined();
    expect(a.missing).toEqual(['窗口号或房间号']);
  });
  it.each(['403室', '403房间', '4楼403', '403办公室', '4层 405'])('%s is a room', (s) => {
    expect(analyzeAddress(`江南路5号${s}`).room).toBeDefined();
  });
  it.each(['三楼', '4楼', '二层', '5号楼'])('%s is not', (s) => {
    expect(analyzeAddress(`江南路5号${s}`).room).toBeUndefined();
  });
});

describe('splitLocations', () => {
  it('splits at line breaks and semicolons, not commas', () => {
    expect(splitLocations('江州市滨江大道188号3楼A3窗口；清河县人民路1号2楼5号窗口')).toEqual([
      '江州市滨江大道188号3楼A3窗口', '清河县人民路1号2楼5号窗口',
    ]);
    expect(splitLocations('滨江大道188号3楼12号窗口\n人民路政务大厅;开州路1号5号窗口')).toHaveLength(3);
    expect(splitLocations('人民路与开州路交叉口，原检察院4楼403房间')).toHaveLength(1);
  });
  it('strips numbering and labels, drops empty parts', () => {
    expect(splitLocations('办理地点：1.滨江大道188号12号窗口；（2）人民路1号5号窗口；；\n③开州路2号3号窗口\n地址:中原路10号')).toEqual([
      '滨江大道188号12号窗口', '人民路1号5号窗口', '开州路2号3号窗口', '中原路10号',
    ]);
    expect(splitLocations(' ；\n ')).toEqual([]);
  });
  it('joins a window-only line to the address before it (HTML paragraphs)', () => {
    const parts = splitLocations('<p>江州市滨江大道188号</p><p>市民之家3楼12号窗口</p>');
    expect(parts).toHaveLength(1);
    expect(analyzeAddress(parts[0]!).missing).toEqual([]);
  });
  it('keeps circled numbers inside a part', () => {
    expect(splitLocations('开州中路88号二楼③号窗口')).toEqual(['开州中路88号二楼3号窗口']);
  });
});

describe('properties', () => {
  const alphabet = fc.constantFrom(...'路街道大巷弄号楼室窗口房间第区层东中段三海A3①0123456789-、；;\n，人民江南'.split(''), '街道', '窗口', '号窗口', '1.', '（1）');
  const addr = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), addr), (s) => {
      analyzeAddress(s);
      for (const p of splitLocations(s)) expect(p.length).toBeGreaterThan(0);
    }));
  });
  it('missing is empty iff every component is found, and in fixed order', () => {
    fc.assert(fc.property(addr, (s) => {
      const a = analyzeAddress(s);
      const want = [
        ...(a.road ? [] : ['街道名称']),
        ...(a.houseNumber ? [] : ['门牌号']),
        ...(a.window || a.room ? [] : ['窗口号或房间号']),
      ];
      expect(a.missing).toEqual(want);
    }));
  });
  it('handles 2 MB input quickly', () => {
    const big = '人民路'.repeat(700_000);
    const t0 = Date.now();
    analyzeAddress(big);
    splitLocations(big);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
