// `npm test`: lint, format check, typecheck, then every unit, API and browser test, and one closing line
// `N passed, N failed` that counts each check and each test. Exits non-zero on any failure.
//   node scripts/test.mjs                 everything
//   node scripts/test.mjs --only api      one vitest project (shared | web | api | e2e), no static checks
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const bin = (name) => path.join(root, 'node_modules/.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitest(project) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-vitest-')), 'report.json');
  const ok = run(`vitest: ${project}`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!fs.existsSync(out)) {
    failed++;
    failures.push(`${project} (no report: the runner crashed)`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no failed test but did fail.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  for (const f of report.testResults)
    for (const a of f.assertionResults)
      if (a.status === 'failed') failures.push(`${path.relative(root, f.name)} › ${a.fullName}`);
  for (const f of brokenFiles) failures.push(`${path.relative(root, f.name)} (did not load)`);
  if (!ok && report.numFailedTests === 0 && brokenFiles.length === 0) {
    failed++;
    failures.push(`${project} (runner exited non-zero)`);
  }
}

/**
 * The static checks are single-threaded each: run them side by side (they share nothing) and print each one's
 * output as a block when it ends, so the log stays readable.
 */
async function checksSideBySide(list) {
  const results = await Promise.all(
    list.map(
      ([label, cmd, cmdArgs]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(cmd, cmdArgs, { cwd: root, env: process.env });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (code) => {
            console.log(`\n▶ ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
            if (out) process.stdout.write(out);
            resolve({ label, ok: code === 0 });
          });
        }),
    ),
  );
  for (const r of results) {
    if (r.ok) passed++;
    else {
      failed++;
      failures.push(r.label);
    }
  }
}

if (!only) {
  await checksSideBySide([
    ['eslint', bin('eslint'), ['.', '--max-warnings=0']],
    ['prettier --check', bin('prettier'), ['--check', '.']],
    // The same two programs as `npm run typecheck`, side by side.
    ['typecheck: node (tsc)', bin('tsc'), ['-p', 'tsconfig.node.json']],
    ['typecheck: web (tsc)', bin('tsc'), ['-p', 'apps/web']],
  ]);
}
/**
 * CI's PostgreSQL run of the API suite waits mostly on the server while the browser suite waits mostly on the
 * browser: `.ci/run` hands it over here (CG_ALONGSIDE_E2E, a command; CG_ALONGSIDE_LOG, where its output goes)
 * to run beside the browser suite on a 2-core machine. It is not counted here: .ci/run reads its log as its
 * own step. Started with a lower priority, so the browser suite is not starved.
 */
function startAlongside() {
  const cmd = process.env.CG_ALONGSIDE_E2E;
  const log = process.env.CG_ALONGSIDE_LOG;
  if (!cmd || !log) return null;
  const out = fs.openSync(log, 'w');
  const started = Date.now();
  const child = spawn('nice', ['-n', '5', 'bash', '-c', cmd], { cwd: root, stdio: ['ignore', out, out] });
  console.log(`\n▶ started beside the browser suite: ${cmd}`);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      fs.writeFileSync(`${log}.rc`, `${code ?? 1} ${Math.round((Date.now() - started) / 1000)}\n`);
      resolve(code);
    }),
  );
}

for (const project of only ? [only] : ['shared', 'web', 'api', 'e2e']) {
  const alongside = project === 'e2e' ? startAlongside() : null;
  vitest(project);
  if (alongside) await alongside;
}

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
