import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BenchResult } from './point-to-grid.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'apps/web/dist');

/** The static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`), not its dynamic ones. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]!);
  return out;
}

/**
 * What a browser must fetch before the first page runs: index.html's entry script and every chunk it imports
 * statically, transitively. Sizes gzipped as a server would send them.
 */
export function firstLoadJs(build = true): { files: { file: string; gz: number }[]; totalGz: number } {
  if (!fs.existsSync(path.join(dist, 'index.html')) && build) {
    console.log('  building the web app (apps/web/dist is missing)…');
    spawnSync('npm', ['run', 'build', '-w', 'apps/web'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = entries.map((e) => path.join(dist, e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const imp of staticImports(code)) queue.push(path.resolve(path.dirname(file), imp));
  }
  const files = [...seen].map((f) => ({
    file: path.relative(dist, f),
    gz: zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length,
  }));
  return { files, totalGz: files.reduce((a, f) => a + f.gz, 0) };
}

export function benchFirstLoadJs(): BenchResult {
  const { files, totalGz } = firstLoadJs();
  for (const f of files.sort((a, b) => b.gz - a.gz))
    console.log(`  ${(f.gz / 1024).toFixed(1).padStart(7)} KB gz  ${f.file}`);
  console.log(`  first-load JS: ${(totalGz / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
  return {
    name: 'web first-load JS (gzip)',
    value: Math.round((totalGz / 1024) * 10) / 10,
    unit: 'KB',
    limit: null,
    ratio: null,
    target: '≤ 350 KB gzipped',
  };
}
