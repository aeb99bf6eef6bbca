// Runs again, without the incremental cache, every mutant on a line that holds a surviving mutant
// in the committed results (mutation/stryker-incremental.json), and writes the new statuses back.
// Stryker's incremental mode may keep a "survived" result although a test added since kills the
// mutant: after adding tests, this gives the true score. Files whose source changed since their
// results were recorded are skipped (run `npm run mutation` first).
// Usage: node scripts/mutation-recheck.mjs [path-fragment ...]   (e.g. settle lookup)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const incrementalPath = new URL('mutation/stryker-incremental.json', root);
const reportPath = new URL('reports/mutation/recheck.json', root);
const configPath = new URL('reports/mutation/recheck.config.mjs', root);
const only = process.argv.slice(2);

const incremental = JSON.parse(readFileSync(incrementalPath, 'utf8'));
const SURVIVING = new Set(['Survived', 'NoCoverage']);
const ranges = [];
for (const [file, result] of Object.entries(incremental.files)) {
  if (only.length > 0 && !only.some((part) => file.includes(part))) continue;
  if (readFileSync(new URL(file, root), 'utf8') !== result.source) {
    console.error(`${file}: changed since its results were recorded, skipped (run npm run mutation first)`);
    continue;
  }
  const lines = new Set(result.mutants.filter((m) => SURVIVING.has(m.status)).map((m) => m.location.start.line));
  for (const line of [...lines].sort((a, b) => a - b)) ranges.push(`${file}:${String(line)}-${String(line)}`);
}
if (ranges.length === 0) {
  console.log('No surviving mutant to run again.');
  process.exit(0);
}
console.log(`Running again the mutants of ${String(ranges.length)} line(s).`);

mkdirSync(new URL('reports/mutation/', root), { recursive: true });
writeFileSync(
  configPath,
  `import base from '../../stryker.config.mjs';
export default { ...base, incremental: false, thresholds: { ...base.thresholds, break: null },
  reporters: ['json', 'progress'], jsonReporter: { fileName: 'reports/mutation/recheck.json' } };
`,
);
const run = spawnSync('npx', ['stryker', 'run', 'reports/mutation/recheck.config.mjs', '--mutate', ranges.join(','), '--force'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);

// Merge: the run's test ids are mapped to the committed ones by file and name (new tests get new ids).
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const idOf = new Map();
let nextId = 0;
for (const [file, tests] of Object.entries(incremental.testFiles))
  for (const test of tests.tests) {
    idOf.set(`${file}\u0000${test.name}`, test.id);
    nextId = Math.max(nextId, Number(test.id) + 1);
  }
const mapped = new Map();
for (const [file, tests] of Object.entries(report.testFiles)) {
  incremental.testFiles[file] = {
    ...tests,
    tests: tests.tests.map((test) => {
      const key = `${file}\u0000${test.name}`;
      if (!idOf.has(key)) idOf.set(key, String(nextId++));
      mapped.set(test.id, idOf.get(key));
      return { ...test, id: idOf.get(key) };
    }),
  };
}
const remap = (ids) => ids?.map((id) => mapped.get(id) ?? id);
const keyOf = (m) => `${m.mutatorName}|${m.replacement}|${JSON.stringify(m.location)}`;
let changed = 0;
for (const [file, result] of Object.entries(report.files)) {
  const target = incremental.files[file];
  const fresh = new Map(result.mutants.map((m) => [keyOf(m), m]));
  target.mutants = target.mutants.map((m) => {
    const now = fresh.get(keyOf(m));
    if (now === undefined) return m;
    if (now.status !== m.status) changed += 1;
    return { ...now, id: m.id, killedBy: remap(now.killedBy), coveredBy: remap(now.coveredBy) };
  });
}
writeFileSync(incrementalPath, JSON.stringify(incremental, null, 2) + '\n');
console.log(`${String(changed)} mutant(s) changed status; mutation/stryker-incremental.json updated.`);
