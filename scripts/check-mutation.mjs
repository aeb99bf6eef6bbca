// Checks the committed mutation results (mutation/stryker-incremental.json, written by
// `npm run mutation`) against the committed source, without running a mutant: a full run takes
// longer than CI's budget. It fails when a file's recorded source differs from the file (the
// results are stale: run `npm run mutation` and commit the incremental file), and prints each
// file's score against the goals (money, rules and date paths at least 95 %, the rest 90 %).
// Usage: node scripts/check-mutation.mjs
import { readdirSync, readFileSync } from 'node:fs';
import config from '../stryker.config.mjs';

const report = JSON.parse(readFileSync(new URL('../mutation/stryker-incremental.json', import.meta.url), 'utf8'));
/** The money, rules and date paths: their goal is 95 %, every other file's 90 %. */
const CORE =
  /^src\/(core\/(money|dates|ratio)|rules\/|settlement\/|schedule\/aidSchedule|targets\/patientTargets|eligibility\/checkEligibility)/;
const DETECTED = new Set(['Killed', 'Timeout']);
const VALID = (m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status);

let stale = 0;
const rows = [];
let killed = 0;
let valid = 0;
for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  let source;
  try {
    source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  } catch {
    source = undefined;
  }
  const current = source === result.source;
  if (!current) stale += 1;
  const mutants = result.mutants.filter(VALID);
  // Mutants a comment disables (each with its reason: an internal invariant), not those of module-level code.
  const ignored = result.mutants.filter((m) => m.status === 'Ignored' && !String(m.statusReason).startsWith('Static')).length;
  const k = mutants.filter((m) => DETECTED.has(m.status)).length;
  killed += k;
  valid += mutants.length;
  const score = mutants.length === 0 ? 100 : (k / mutants.length) * 100;
  const goal = CORE.test(file) ? 95 : 90;
  rows.push(
    `| ${file} | ${String(mutants.length)} | ${String(ignored)} | ${score.toFixed(2)} % | ${String(goal)} % | ${current ? (score >= goal ? 'reached' : 'not reached') : 'STALE: source changed since the run'} |`,
  );
}
// The files the configuration mutates (its patterns are folders: src/x/**/*.ts) that have no results yet.
const listed = (dir) =>
  readdirSync(new URL(`../${dir}`, import.meta.url), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listed(`${dir}/${e.name}`) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [`${dir}/${e.name}`] : [],
  );
const configured = config.mutate.filter((p) => !p.startsWith('!')).flatMap((p) => listed(p.replace(/\/\*\*\/\*\.ts$/, '')));
/** Whether a file declares only types (nothing runs, nothing to mutate: Stryker reports no result for it). */
const typesOnly = (file) =>
  !/\b(const|let|var|function|class|enum)\b/.test(
    readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
  );
const missing = configured.filter((f) => !(f in report.files) && !typesOnly(f));
for (const file of missing) rows.push(`| ${file} | | | | ${CORE.test(file) ? '95' : '90'} % | no results committed yet |`);
console.log('| file | mutants | disabled | score | goal | |\n| --- | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
console.log(`\nAll files: ${String(killed)} of ${String(valid)} mutants detected, ${((killed / valid) * 100).toFixed(2)} %.`);
if (stale > 0) {
  console.error(
    `${String(stale)} file(s) changed since the committed mutation run: run npm run mutation and commit mutation/stryker-incremental.json.`,
  );
  process.exit(1);
}
console.log('The committed mutation results are those of the committed source.');
