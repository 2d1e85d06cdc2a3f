// A progress line on stderr for runs longer than a second: files, guides, rate and time left (by
// bytes read, the best measure of the work ahead). Redrawn at most ten times a second.

export interface ProgressInfo {
  done: number;
  total: number;
  guides: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface Progress {
  update(info: ProgressInfo): void;
  done(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 100;

function fmtTime(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '—';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}分${Math.round(s % 60)}秒` : `${Math.max(1, Math.round(s))}秒`;
}

export function progressLine(info: ProgressInfo, elapsedMs: number, width = 20): string {
  const frac = info.bytesTotal > 0 ? info.bytesDone / info.bytesTotal : info.total ? info.done / info.total : 0;
  const filled = Math.round(frac * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const rate = elapsedMs > 0 ? (info.guides * 1000) / elapsedMs : 0;
  const eta = frac > 0 ? ((1 - frac) * elapsedMs) / frac / 1000 : Number.NaN;
  return `${bar} ${Math.round(frac * 100)}%  文件 ${info.done}/${info.total}  事项 ${info.guides}  ${Math.round(rate)} 个/秒  剩余约 ${fmtTime(eta)}`;
}

export function createProgress(write: (s: string) => void, now: () => number = Date.now): Progress {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(info) {
      const t = now();
      if (t - start < SHOW_AFTER_MS || t - last < REDRAW_MS) return;
      last = t;
      shown = true;
      write(`\r\x1b[K${progressLine(info, t - start)}`);
    },
    done() {
      if (shown) write('\r\x1b[K');
    },
  };
}
