// `npm run bench [-- name…]`: runs the benchmarks, prints each figure, and writes bench/results/<scale>.json.
import fs from 'node:fs';
import path from 'node:path';
import { benchPointToGrid, type BenchResult } from './point-to-grid.ts';

const args = process.argv.slice(2);
const scale = args.find((a) => a.startsWith('--scale='))?.slice(8) ?? 'tiny';
const names = args.filter((a) => !a.startsWith('--'));
const benches: Record<string, () => BenchResult> = {
  'point-to-grid': () => benchPointToGrid(scale === 'tiny' ? 200_000 : 1_000_000),
};

const results: BenchResult[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (names.length && !names.includes(name)) continue;
  results.push(run());
}
const dir = path.resolve(import.meta.dirname, '../results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `${scale}.json`), JSON.stringify(results, null, 2) + '\n');
console.log(`wrote bench/results/${scale}.json`);
