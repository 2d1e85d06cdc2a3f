// A JSON parser that keeps where every value is in the text, so that a string can be replaced in place
// and every other byte of the document stays as it was (indentation, key order, number spelling).

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'scalar'; start: number; end: number };

export class JsonTreeError extends Error {}

const MAX_DEPTH = 200;

export function parseJsonTree(text: string, from = 0, to = text.length): JsonNode {
  let i = from;
  const ws = () => {
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const fail = (what: string): never => {
    throw new JsonTreeError(`JSON 第 ${i} 个字符处${what}`);
  };
  const str = (): { start: number; end: number; value: string } => {
    const start = i;
    i++;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) break;
      else i++;
    }
    if (i >= to) fail('字符串没有结束');
    i++;
    return { start, end: i, value: JSON.parse(text.slice(start, i)) as string };
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('嵌套过深');
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: { key: string; value: JsonNode }[] = [];
      ws();
      if (text[i] === '}') { i++; return { kind: 'object', start, end: i, entries }; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('应为键名');
        const key = str().value;
        ws();
        if (text[i] !== ':') fail('应为冒号');
        i++;
        entries.push({ key, value: value(depth + 1) });
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; break; }
        fail('应为逗号或右花括号');
      }
      return { kind: 'object', start, end: i, entries };
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') { i++; return { kind: 'array', start, end: i, items }; }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; break; }
        fail('应为逗号或右方括号');
      }
      return { kind: 'array', start, end: i, items };
    }
    if (c === '"') return { kind: 'string', ...str() };
    while (i < to && !/[\s,\]}]/.test(text[i]!)) i++;
    if (i === start) fail('缺少值');
    JSON.parse(text.slice(start, i)); // a number, true, false or null, or an error
    return { kind: 'scalar', start, end: i };
  };
  const root = value(0);
  ws();
  if (i !== to) fail('有多余的内容');
  return root;
}

/** The last entry of that key (JSON.parse keeps the last of duplicate keys). */
export function entryOf(node: JsonNode, key: string): JsonNode | undefined {
  if (node.kind !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const e of node.entries) if (e.key === key) found = e.value;
  return found;
}
