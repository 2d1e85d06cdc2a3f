import { readFileSync } from 'node:fs';

// Read once from package.json so the report always names the installed version.
function readVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'guide-audit' && pkg.version) return pkg.version;
    } catch {
      // try the next location (dist/src vs src)
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION = readVersion();
