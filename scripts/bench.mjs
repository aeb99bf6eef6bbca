// Benchmark (npm run bench; not a test). One run, one machine, a fixed mix of generated
// contracts through eligibility, targets, schedule and settlement, timed four ways:
//   (a) the library's public functions,
//   (b) its batch path (no traces),
//   (c) a plain-number reference of the same arithmetic, without validation or traces
//       (the practical upper bound),
//   (d) the same rules written as a publicodes model (the rules engine French public services use).
// Before timing, it checks that (a), (b) and (d) give the same figures on every contract
// (publicodes' timing is that checking pass itself: a second pass would only add minutes).
// Then the cold start of the global bundle and of the spreadsheet script in a fresh node:vm context.
// Usage: npm run bench [-- N]   (N contracts, default 100000)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import Engine from 'publicodes';
import * as L from '../dist/index.js';

const N = Number(process.argv[2] ?? 100_000);

// ─── the mix: GPs under the règlement arbitral and the 2024 convention ─────────────────────
let seed = 2024;
const random = (k) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % k;
};
const DAY = 86_400_000;
const FIRST = Date.UTC(2023, 4, 1);
const SPAN = (Date.UTC(2026, 11, 31) - FIRST) / DAY;
const TIERS = ['standard', 'standard', 'standard', 'p90-p95', 'p95-plus'];
const contracts = Array.from({ length: N }, () => {
  const mt = 600 + random(1600);
  const fa = 1000 + random(2200);
  const mtTarget = mt + 20 + random(300);
  const faTarget = fa + 20 + random(400);
  return {
    signedOn: new Date(FIRST + random(SPAN + 1) * DAY).toISOString().slice(0, 10),
    sector: random(10) === 0 ? 'secteur-2' : 'secteur-1',
    option: random(2) ? 'half-time' : 'full-time',
    tier: TIERS[random(5)],
    year: 3 + random(3),
    mt,
    fa,
    mtTarget,
    faTarget,
    mtObserved: mt + random(mtTarget - mt + 100) - 40,
    faObserved: fa + random(faTarget - fa + 100) - 40,
  };
});

// The inputs each function receives.
const eligibilityInput = (c) => ({
  signedOn: c.signedOn,
  specialty: 'medecine-generale',
  sector: c.sector,
  patientele: { medecinTraitant: c.mt },
});
const targetsInput = (c) => ({
  signedOn: c.signedOn,
  specialty: 'medecine-generale',
  option: c.option,
  patientele: { medecinTraitant: c.mt, fileActive: c.fa },
});
const scheduleInput = (c) => ({ signedOn: c.signedOn, option: c.option, tier: c.tier });
const settleInput = (c) => ({
  signedOn: c.signedOn,
  option: c.option,
  tier: c.tier,
  year: c.year,
  targets: { medecinTraitant: { start: c.mt, target: c.mtTarget }, fileActive: { start: c.fa, target: c.faTarget } },
  observed: { medecinTraitant: Math.max(0, c.mtObserved), fileActive: Math.max(0, c.faObserved) },
});

/** The figures compared across implementations, as text. */
const figures = (eligible, mtTarget, faTarget, amounts, aidDue, balance) =>
  [eligible, mtTarget, faTarget, ...amounts, aidDue, balance].join('|');

// ─── (a) public functions and (b) batch path ────────────────────────────────────────────────
function runPublic() {
  return contracts.map((c) => {
    const e = L.checkEligibility(eligibilityInput(c));
    const t = L.patientTargets(targetsInput(c));
    const s = L.aidSchedule(scheduleInput(c));
    const y = L.settleYear(settleInput(c));
    return figures(
      e.eligible,
      t.targets.medecinTraitant.target,
      t.targets.fileActive.target,
      s.years.map((x) => x.amount),
      y.aidDue,
      y.balance,
    );
  });
}

function runBatch() {
  const results = (many, input) => Array.from(many(contracts.map(input)), (o) => (o.ok ? o.result : undefined));
  const e = results(L.checkEligibilityMany, eligibilityInput);
  const t = results(L.patientTargetsMany, targetsInput);
  const s = results(L.aidScheduleMany, scheduleInput);
  const y = results(L.settleMany, settleInput);
  return contracts.map((_, i) =>
    figures(
      e[i].eligible,
      t[i].targets.medecinTraitant.target,
      t[i].targets.fileActive.target,
      s[i].years.map((x) => x.amount),
      y[i].aidDue,
      y[i].balance,
    ),
  );
}

// ─── (c) plain numbers: the same arithmetic, no validation, no trace, no exact decimals ─────
const AMOUNTS = {
  'reglement-arbitral-2023': { 'half-time': [18000, 13500, 10500, 12500, 18000], 'full-time': [36000, 27000, 21000, 25000, 36000] },
  'convention-2024': { 'half-time': [19000, 14000, 11000, 13000, 19000], 'full-time': [38000, 28000, 22000, 26000, 38000] },
};
const CURVES = {
  mt: { a: 865, b: 1781, 'half-time': [0.225, 0], 'full-time': [0.35, 0.05] },
  fa: { a: 1247, b: 2570, 'half-time': [0.25, 0], 'full-time': [0.375, 0] },
};
const addYears = (iso, n) => `${String(Number(iso.slice(0, 4)) + n)}${iso.slice(4)}`;
function plainAmount(c, year) {
  const regime =
    c.signedOn >= '2024-06-22' || (year >= 2 && addYears(c.signedOn, year - 1) >= '2024-06-22')
      ? 'convention-2024'
      : 'reglement-arbitral-2023';
  const row = AMOUNTS[regime][c.option];
  if (c.tier === 'p95-plus') return row[4];
  return year === 1 ? row[0] : year === 2 ? row[1] : c.tier === 'p90-p95' ? row[3] : row[2];
}
function plainTarget(x, curve, option) {
  const [top, floor] = curve[option];
  const t = Math.min(Math.max((x - curve.a) / (curve.b - curve.a), 0), 1);
  return x + Math.round((top - (top - floor) * t) * x);
}
const progress = (start, target, observed) => Math.min(Math.max((observed - start) / (target - start), 0), 1);
const cents = (x) => (Math.round(x * 100) / 100).toFixed(2);
function runPlain() {
  return contracts.map((c) => {
    const eligible = c.sector !== 'secteur-2' && c.mt > 775;
    const amounts = [1, 2, 3, 4, 5].map((y) => plainAmount(c, y).toFixed(2));
    const annual = plainAmount(c, c.year);
    const attainment = Math.max(
      progress(c.mt, c.mtTarget, Math.max(0, c.mtObserved)),
      progress(c.fa, c.faTarget, Math.max(0, c.faObserved)),
    );
    const aidDue = cents(annual * attainment);
    const balance = cents(Number(aidDue) - annual / 2);
    return figures(eligible, plainTarget(c.mt, CURVES.mt, c.option), plainTarget(c.fa, CURVES.fa, c.option), amounts, aidDue, balance);
  });
}

// ─── (d) the same rules as a publicodes model ───────────────────────────────────────────────
const amountRule = (convention, key) => {
  const table = AMOUNTS[convention ? 'convention-2024' : 'reglement-arbitral-2023'];
  return { variations: [{ si: "option = 'half-time'", alors: table['half-time'][key] }, { sinon: table['full-time'][key] }] };
};
const model = {
  signature: { valeur: '01/01/2024' },
  secteur: { valeur: "'secteur-1'" },
  option: { valeur: "'half-time'" },
  palier: { valeur: "'standard'" },
  année: { valeur: 3 },
  'patientèle MT': { valeur: 0 },
  'file active': { valeur: 0 },
  éligible: { 'toutes ces conditions': ["secteur != 'secteur-2'", 'patientèle MT > 775'] },
  // Targets: the estimate calibrated on the published examples (docs/interpretations.md, target estimate).
  'cible MT . t': { valeur: '(patientèle MT - 865) / (1781 - 865)', plancher: 0, plafond: 1 },
  'cible MT . taux': { variations: [{ si: "option = 'half-time'", alors: '0.225 - 0.225 * t' }, { sinon: '0.35 - 0.3 * t' }] },
  'cible MT . hausse': { valeur: 'taux * patientèle MT', arrondi: 'oui' },
  'cible MT': { valeur: 'patientèle MT + hausse' },
  'cible FA . t': { valeur: '(file active - 1247) / (2570 - 1247)', plancher: 0, plafond: 1 },
  'cible FA . taux': { variations: [{ si: "option = 'half-time'", alors: '0.25 - 0.25 * t' }, { sinon: '0.375 - 0.375 * t' }] },
  'cible FA . hausse': { valeur: 'taux * file active', arrondi: 'oui' },
  'cible FA': { valeur: 'file active + hausse' },
  // Amounts: a year is priced by the 2024 convention when the contract was signed under it, or
  // when the year starts on or after 2024-06-22 (year k starts k − 1 years after signature).
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].flatMap((k) => {
      const boundary = `22/06/${String(2025 - k)}`;
      const key = (tier) => (tier === 'p95-plus' ? 4 : k === 1 ? 0 : k === 2 ? 1 : tier === 'p90-p95' ? 3 : 2);
      const perTier = (conv) => ({
        variations: [
          { si: "palier = 'p95-plus'", alors: `montant ${String(k)} . ${conv ? 'convention' : 'règlement'} . p95` },
          { si: "palier = 'p90-p95'", alors: `montant ${String(k)} . ${conv ? 'convention' : 'règlement'} . p90` },
          { sinon: `montant ${String(k)} . ${conv ? 'convention' : 'règlement'} . standard` },
        ],
      });
      return [
        [
          `montant ${String(k)} . revalorisé`,
          { 'une de ces conditions': ['signature >= 22/06/2024', k >= 2 ? `signature >= ${boundary}` : 'non'] },
        ],
        ...[true, false].flatMap((conv) =>
          ['standard', 'p90-p95', 'p95-plus'].map((tier) => [
            `montant ${String(k)} . ${conv ? 'convention' : 'règlement'} . ${tier === 'standard' ? 'standard' : tier === 'p90-p95' ? 'p90' : 'p95'}`,
            amountRule(conv, key(tier)),
          ]),
        ),
        [`montant ${String(k)} . convention`, perTier(true)],
        [`montant ${String(k)} . règlement`, perTier(false)],
        [`montant ${String(k)}`, { variations: [{ si: 'revalorisé', alors: 'convention' }, { sinon: 'règlement' }] }],
      ];
    }),
  ),
  'aide annuelle': {
    variations: [1, 2, 3, 4].map((k) => ({ si: `année = ${String(k)}`, alors: `montant ${String(k)}` })).concat([{ sinon: 'montant 5' }]),
  },
  // Settlement: progress over required progress, the higher of the two measures, rounded to the cent.
  'observé MT': { valeur: 0 },
  'observé FA': { valeur: 0 },
  'cible contrat MT': { valeur: 0 },
  'cible contrat FA': { valeur: 0 },
  'atteinte MT': { valeur: '(observé MT - patientèle MT) / (cible contrat MT - patientèle MT)', plancher: 0, plafond: 1 },
  'atteinte FA': { valeur: '(observé FA - file active) / (cible contrat FA - file active)', plancher: 0, plafond: 1 },
  atteinte: { 'le maximum de': ['atteinte MT', 'atteinte FA'] },
  'aide due': { valeur: 'aide annuelle * atteinte', arrondi: '2 décimales' },
  avance: { valeur: 'aide annuelle * 50%', arrondi: '2 décimales' },
  solde: { valeur: 'aide due - avance', arrondi: '2 décimales' },
};
const engine = new Engine(model, { logger: { log() {}, warn() {}, error() {} } });
const pcDate = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
function runPublicodes() {
  return contracts.map((c) => {
    engine.setSituation({
      signature: pcDate(c.signedOn),
      secteur: `'${c.sector}'`,
      option: `'${c.option}'`,
      palier: `'${c.tier}'`,
      année: c.year,
      'patientèle MT': c.mt,
      'file active': c.fa,
      'cible contrat MT': c.mtTarget,
      'cible contrat FA': c.faTarget,
      'observé MT': Math.max(0, c.mtObserved),
      'observé FA': Math.max(0, c.faObserved),
    });
    const v = (rule) => engine.evaluate(rule).nodeValue;
    const amounts = [1, 2, 3, 4, 5].map((k) => v(`montant ${String(k)}`).toFixed(2));
    return figures(v('éligible'), v('cible MT'), v('cible FA'), amounts, v('aide due').toFixed(2), v('solde').toFixed(2));
  });
}

// ─── correctness, then timing ───────────────────────────────────────────────────────────────
function time(run) {
  const started = performance.now();
  const out = run();
  return { out, seconds: (performance.now() - started) / 1000 };
}

console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${String(os.cpus().length)} cores, Node ${process.version}`);
console.log(
  `Mix: ${N.toLocaleString('en')} generated GP contracts signed 2023-05-01 → 2026-12-31 (règlement arbitral and convention 2024),`,
);
console.log('each through checkEligibility, patientTargets, aidSchedule (5 years) and settleYear (year 3 to 5).\n');

const pub = time(runPublic);
const bat = time(runBatch);
const pcs = time(runPublicodes);
const pla = time(runPlain);
let differ = 0;
let plainDiffer = 0;
for (let i = 0; i < N; i += 1) {
  if (pub.out[i] !== bat.out[i] || pub.out[i] !== pcs.out[i]) {
    differ += 1;
    if (differ <= 3)
      console.log(`contract ${String(i)} differs:\n  library    ${pub.out[i]}\n  batch      ${bat.out[i]}\n  publicodes ${pcs.out[i]}`);
  }
  if (pub.out[i] !== pla.out[i]) plainDiffer += 1;
}
console.log(
  `Check before timing: (a), (b) and (d) ${differ === 0 ? 'agree on every contract' : `differ on ${String(differ)} contracts`}; (c) plain numbers differ on ${String(plainDiffer)} (floats).`,
);
if (differ > 0) process.exitCode = 1;

// Timed runs (the check above warmed every implementation up). publicodes is timed on its check
// pass: at its speed a second pass would add minutes, and warm-up is negligible over that time.
const runs = { a: time(runPublic), b: time(runBatch), c: time(runPlain), d: pcs };
const rate = (r) => N / r.seconds;
const fmt = (n) => Math.round(n).toLocaleString('en').padStart(11);
console.log('\n| implementation | contracts/s |');
console.log('| --- | ---: |');
console.log(`| (a) public functions | ${fmt(rate(runs.a))} |`);
console.log(`| (b) batch path | ${fmt(rate(runs.b))} |`);
console.log(`| (c) plain numbers, no validation or trace | ${fmt(rate(runs.c))} |`);
console.log(`| (d) publicodes model | ${fmt(rate(runs.d))} |`);
const ratio = (x, y) => (rate(x) / rate(y)).toFixed(1);
console.log('\nRatios:');
console.log(`  batch path vs plain numbers: plain is ${ratio(runs.c, runs.b)}× faster (target: within 10×)`);
console.log(`  batch path vs publicodes:    ${ratio(runs.b, runs.d)}× faster (target: at least 20×)`);
console.log(`  public functions vs publicodes: ${ratio(runs.a, runs.d)}× faster (target: at least 5×)`);

// ─── cold start: what a spreadsheet pays on each recalculation ─────────────────────────────
function coldStart(file, call) {
  const code = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
  const samples = [];
  for (let i = 0; i < 15; i += 1) {
    const started = performance.now();
    const context = createContext({});
    runInContext(`${code}\n;var answer = ${call};`, context);
    if (context.answer === undefined) throw new Error(`${file}: no answer`);
    samples.push(performance.now() - started);
  }
  samples.sort((x, y) => x - y);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `  ${file}: ${kib(Buffer.byteLength(code))} minified, ${kib(gzipSync(code, { level: 9 }).length)} min+gzip; load + one call: median ${samples[7].toFixed(1)} ms (min ${samples[0].toFixed(1)})`,
  );
}
console.log('\nCold start in a fresh node:vm context:');
coldStart(
  'aide-assistant-medical.global.js',
  "AideAssistantMedical.patientTargets({ signedOn: '2023-09-01', specialty: 'medecine-generale', option: 'half-time', patientele: { medecinTraitant: 920, fileActive: 1350 } })",
);
coldStart('aide-assistant-medical.gs', "AM_TARGETS('2023-09-01', 'medecine-generale', 'half-time', 920, 1350)");
