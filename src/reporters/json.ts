import type { Report } from '../report.js';

/** The JSON contract, pretty-printed with a trailing newline. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/** Arrays and objects with at least this many entries are written an entry at a time. */
const STREAM_MIN = 32;
/** Containers this shallow are always written an entry at a time (the report and its sections). */
const STREAM_DEPTH = 2;

/**
 * The same bytes as `JSON.stringify(report, null, 2) + '\n'`, in pieces. A province's report has
 * hundreds of thousands of findings and thousands of departments' scores; one string of it (twice
 * the size in memory, plus its UTF-8 copy) would cost several times the memory of the audit itself.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  yield* chunks(report, '', 0);
  yield '\n';
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* chunks(value: unknown, pad: string, depth: number): Generator<string> {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield leaf(value, pad);
    return;
  }
  const inner = pad + '  ';
  if (Array.isArray(value)) {
    if (value.length < STREAM_MIN && depth >= STREAM_DEPTH) {
      yield leaf(value, pad);
      return;
    }
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let k = 0; k < value.length; k++) {
      yield inner;
      // An element JSON cannot write (undefined, a function) is written as null.
      if (skipped(value[k])) yield 'null';
      else yield* chunks(value[k], inner, depth + 1);
      yield k < value.length - 1 ? ',\n' : '\n';
    }
    yield pad + ']';
    return;
  }
  const keys = Object.keys(value).filter((k) => !skipped((value as Record<string, unknown>)[k]));
  if (keys.length < STREAM_MIN && depth >= STREAM_DEPTH) {
    yield leaf(value, pad);
    return;
  }
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let k = 0; k < keys.length; k++) {
    yield `${inner}${JSON.stringify(keys[k])}: `;
    yield* chunks((value as Record<string, unknown>)[keys[k]!], inner, depth + 1);
    yield k < keys.length - 1 ? ',\n' : '\n';
  }
  yield pad + '}';
}

// JSON text holds no raw line breaks inside strings: every \n is between tokens.
function leaf(value: unknown, pad: string): string {
  const json = JSON.stringify(value, null, 2);
  return pad && json.includes('\n') ? json.replace(/\n/g, '\n' + pad) : json;
}
