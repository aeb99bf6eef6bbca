// Installs the packed tarball in a fresh folder and calls every public function from ESM and
// CJS; loads the global bundle in a bare node:vm context (no require, module, process or
// timers, as Google Apps Script); enforces the size budget of the global bundle (min+gzip).
// Usage: node scripts/check-package.mjs  (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

/** Budget of the global bundle, minified and gzipped, in bytes (README, "Size"). */
const BUDGET_GZIP_BYTES = 68 * 1024;
/** Budget of the simulator page (one HTML file: the library, the page's code and style), gzipped, in bytes. */
const PAGE_BUDGET_GZIP_BYTES = 76 * 1024;
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'aam-package-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// The calls every consumer makes, and the figures they must return (docs/interpretations.md, target estimate published example).
const calls = `
  const gp = { signedOn: '2023-09-01', specialty: 'medecine-generale' };
  const out = {
    eligible: L.checkEligibility({ ...gp, sector: 'secteur-1', patientele: { medecinTraitant: 776 } }).eligible,
    increase: L.patientTargets({ ...gp, option: 'half-time', patientele: { medecinTraitant: 920, fileActive: 1350 } }).targets.medecinTraitant.increase,
    year1: L.aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' }).years[0].amount,
    balance: L.settleYear({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', year: 3,
      targets: { medecinTraitant: { start: 920, target: 1115 } }, observed: { medecinTraitant: 1017 } }).balance,
    ruleSets: Object.keys(L.ruleSets).length,
    error: (() => { try { L.settleYear({}); } catch (e) { return e instanceof L.RulesError && e.code; } })(),
  };
`;
const expected = JSON.stringify({
  eligible: true,
  increase: 195,
  year1: '18000.00',
  balance: '-28.21',
  ruleSets: 4,
  error: 'INVALID_INPUT',
});

try {
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').pop();
  const consumer = join(work, 'consumer');
  run('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', join(work, tarball)], consumer);

  writeFileSync(join(consumer, 'esm.mjs'), `import * as L from 'aide-assistant-medical';\n${calls}\nconsole.log(JSON.stringify(out));`);
  writeFileSync(join(consumer, 'cjs.cjs'), `const L = require('aide-assistant-medical');\n${calls}\nconsole.log(JSON.stringify(out));`);
  for (const file of ['esm.mjs', 'cjs.cjs']) {
    const got = run('node', [file], consumer).trim();
    if (got !== expected) throw new Error(`${file}: expected ${expected}, got ${got}`);
    console.log(`packed tarball, ${file.startsWith('esm') ? 'ESM' : 'CJS'}: every function answers`);
  }
  // A RulesError thrown by the CJS build is recognised by the ESM build's class, and the other way round.
  writeFileSync(
    join(consumer, 'dual.mjs'),
    `import { createRequire } from 'node:module';\nimport * as E from 'aide-assistant-medical';\nconst C = createRequire(import.meta.url)('aide-assistant-medical');\n` +
      `const caught = (L) => { try { L.settleYear({}); } catch (e) { return e; } };\n` +
      `console.log(JSON.stringify([caught(C) instanceof E.RulesError, caught(E) instanceof C.RulesError, E.RulesError !== C.RulesError]));`,
  );
  const dual = run('node', ['dual.mjs'], consumer).trim();
  if (dual !== '[true,true,true]') throw new Error(`RulesError across ESM and CJS: ${dual}`);
  console.log('packed tarball: a RulesError of the CJS build is instanceof the ESM class, and back');

  const bin = run(
    join(consumer, 'node_modules/.bin/aide-assistant-medical'),
    [
      'targets',
      '--specialty',
      'medecine-generale',
      '--option',
      'half-time',
      '--mt',
      '920',
      '--fa',
      '1350',
      '--signed-on',
      '2023-09-01',
      '--json',
    ],
    consumer,
  );
  if (JSON.parse(bin).targets.medecinTraitant.increase !== 195) throw new Error(`command line: unexpected output ${bin}`);
  console.log('packed tarball, command line (bin): answers');
  const gs = readFileSync(join(consumer, 'node_modules/aide-assistant-medical/dist/aide-assistant-medical.gs'), 'utf8');
  const sheetBox = createContext({});
  runInContext(`${gs}\nvar answer = AM_TARGETS('2023-09-01', 'medecine-generale', 'half-time', 920, 1350);`, sheetBox);
  if (JSON.stringify(sheetBox.answer) !== '[[1115,1661]]')
    throw new Error(`spreadsheet script: unexpected ${JSON.stringify(sheetBox.answer)}`);
  console.log('packed tarball, spreadsheet script in a bare vm context: answers');

  const bundlePath = join(consumer, 'node_modules/aide-assistant-medical/dist/aide-assistant-medical.global.js');
  const bundle = readFileSync(bundlePath, 'utf8');
  const sandbox = createContext({});
  runInContext(`${bundle}\nvar L = AideAssistantMedical;\n${calls}\nvar result = JSON.stringify(out);`, sandbox);
  if (sandbox.result !== expected) throw new Error(`global bundle: expected ${expected}, got ${String(sandbox.result)}`);
  console.log('global bundle in a bare vm context (no require, module, process or timers): every function answers');

  const gzip = gzipSync(bundle, { level: 9 }).length;
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`global bundle: ${kib(Buffer.byteLength(bundle))} minified, ${kib(gzip)} min+gzip (budget ${kib(BUDGET_GZIP_BYTES)})`);
  if (gzip > BUDGET_GZIP_BYTES) throw new Error('the global bundle exceeds its size budget');

  const pagePath = join(consumer, 'node_modules/aide-assistant-medical/dist/simulateur.html');
  const page = readFileSync(pagePath);
  const shown = run('node', [join(consumer, 'node_modules/aide-assistant-medical/dist/cli.js'), 'simulateur'], consumer).trim();
  if (shown !== pagePath) throw new Error(`simulateur: printed ${shown}, expected ${pagePath}`);
  if (/\b(?:src|href)=["']?https?:/i.test(page.toString('utf8'))) throw new Error('the simulator page loads something from the network');
  const pageGzip = gzipSync(page, { level: 9 }).length;
  console.log(
    `simulator page (packed, opened by "aide-assistant-medical simulateur"): ${kib(page.length)}, ${kib(pageGzip)} gzipped (budget ${kib(PAGE_BUDGET_GZIP_BYTES)})`,
  );
  if (pageGzip > PAGE_BUDGET_GZIP_BYTES) throw new Error('the simulator page exceeds its size budget');
} finally {
  rmSync(work, { recursive: true, force: true });
}
