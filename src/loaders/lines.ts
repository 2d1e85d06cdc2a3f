// Lines of a text stream, split as readline splits them (at \n, \r\n or a lone \r), without the
// line ends. A JSONL line is a whole guide of several kilobytes: one indexOf per line, and the
// lines of a chunk handed over together, cost much less than readline's per-line events.

/** Each chunk's complete lines (a chunk may give none); the last line may lack a line end. */
export async function* textLines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of input) {
    const text = rest + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    const lines: string[] = [];
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      pushSplit(lines, text.slice(pos, nl));
      pos = nl + 1;
    }
    rest = pos === 0 ? text : text.slice(pos);
    // A long run without \n (a file of lone \r line ends) would grow `rest` without end.
    if (rest.includes('\r')) {
      const last = rest.lastIndexOf('\r');
      if (last < rest.length - 1) {
        pushSplit(lines, rest.slice(0, last + 1));
        rest = rest.slice(last + 1);
      }
    }
    if (lines.length) yield lines;
  }
  if (rest !== '') {
    const lines: string[] = [];
    pushSplit(lines, rest);
    if (lines.length) yield lines;
  }
}

/**
 * The lines of `seg`, a text without \n that ends a line (or the input). A lone \r ends a line too
 * (readline's rule); a final \r is the \r of a \r\n, or ends the last line: it adds no line.
 */
function pushSplit(out: string[], seg: string): void {
  if (!seg.includes('\r')) {
    out.push(seg);
    return;
  }
  const parts = seg.split('\r');
  if (parts[parts.length - 1] === '') parts.pop();
  for (const p of parts) out.push(p);
}
