// Benchmark (npm run bench; not a test). One run, one machine, the same generated contracts
// through every implementation of the same work, in every repeat:
//   (a) the library's public functions,
//   (b) its batch path, streamed as users stream it (each outcome consumed as it comes),
//   (c) a plain-number reference that computes the same fields (eligibility details, targets,
//       each year's dates, amount and payments with their due dates, the settlement) without
//       validation, traces or exact decimals, and without memoising across contracts,
//   (d) the same rules written as a publicodes model, on a subset large enough to be stable.
// Before any figure is printed, the outputs are compared field by field. Then R repeats (at
// least 3), every implementation in each, in an order rotated from repeat to repeat; the rates
// printed are medians, with the ratios against the goals. Cold start of the global bundle and of
// the spreadsheet script in a fresh node:vm context, and their sizes, in the same run.
// Usage: npm run bench [-- N [R]]   (N contracts, default 20000; R repeats, default 3);
// BENCH_BASELINE=DIR compares the cold start with the bundles of another build's dist/.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import Engine from 'publicodes';
import * as L from '../dist/index.js';

const N = Number(process.argv[2] ?? 20_000);
const R = Math.max(3, Number(process.argv[3] ?? 3));
/** publicodes runs on this many of the contracts (the same ones, first of the list). */
const P = Math.min(N, 2_000);

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

/** The figures every implementation gives, as text: what publicodes computes too. */
const figures = (eligible, mtTarget, faTarget, amounts, aidDue, balance) =>
  [eligible, mtTarget, faTarget, ...amounts, aidDue, balance].join('|');
/** The fields the library and the plain reference both give: check details, each year's dates and payments. */
const details = (checks, years) =>
  [...checks, ...years.map((y) => `${y.start}..${y.end}:${y.payments.map((p) => `${p.kind} ${p.amount} ${p.dueBy}`).join(',')}`)].join('|');

/** Both: what publicodes is compared on, and the whole for the plain reference. */
function libraryFigures(e, t, s, y) {
  return {
    core: figures(
      e.eligible,
      t.targets.medecinTraitant.target,
      t.targets.fileActive.target,
      s.years.map((x) => x.amount),
      y.aidDue,
      y.balance,
    ),
    more: details(
      e.checks.map((c) => c.detail),
      s.years,
    ),
  };
}

// ─── (a) public functions and (b) batch path ────────────────────────────────────────────────
function runPublic() {
  return contracts.map((c) =>
    libraryFigures(
      L.checkEligibility(eligibilityInput(c)),
      L.patientTargets(targetsInput(c)),
      L.aidSchedule(scheduleInput(c)),
      L.settleYear(settleInput(c)),
    ),
  );
}

/** The inputs of one function, made as the batch asks for them (a generator, as a file is read). */
function* inputsOf(input) {
  for (const c of contracts) yield input(c);
}

function runBatch() {
  const streams = [
    L.checkEligibilityMany(inputsOf(eligibilityInput)),
    L.patientTargetsMany(inputsOf(targetsInput)),
    L.aidScheduleMany(inputsOf(scheduleInput)),
    L.settleMany(inputsOf(settleInput)),
  ];
  const out = [];
  for (let i = 0; i < N; i += 1) {
    const [e, t, s, y] = streams.map((stream) => {
      const outcome = stream.next().value;
      if (!outcome.ok) throw new Error(`batch row ${String(i)}: ${outcome.error.message}`);
      return outcome.result;
    });
    out.push(libraryFigures(e, t, s, y));
  }
  return out;
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
// Dates as the library's policy has them: a day past a month's end is clamped to it.
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y, m) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const iso = (y, m, d) => `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
function plusMonths(date, n) {
  const y0 = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) + n;
  const y = y0 + Math.floor((m0 - 1) / 12);
  const m = ((m0 - 1) % 12) + 1;
  return iso(y, m, Math.min(Number(date.slice(8, 10)), monthDays(y, m)));
}
const anniversary = (date, k) => plusMonths(date, 12 * k);
function dayBefore(date) {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  if (d > 1) return iso(y, m, d - 1);
  return m > 1 ? iso(y, m - 1, monthDays(y, m - 1)) : iso(y - 1, 12, 31);
}
/** Each year of a plain schedule: its dates, amount and payments (the 2023 calendar: year 1 within a month, year 2 at the anniversary, then half two months after each). */
function plainYears(c) {
  return [1, 2, 3, 4, 5].map((k) => {
    const start = anniversary(c.signedOn, k - 1);
    const next = anniversary(c.signedOn, k);
    const amount = plainAmount(c, k);
    const payments =
      k === 1
        ? [{ kind: 'full', amount: amount.toFixed(2), dueBy: plusMonths(c.signedOn, 1) }]
        : k === 2
          ? [{ kind: 'full', amount: amount.toFixed(2), dueBy: start }]
          : [
              { kind: 'advance', amount: (amount / 2).toFixed(2), dueBy: plusMonths(start, 2) },
              { kind: 'balance', amount: (amount - amount / 2).toFixed(2), dueBy: plusMonths(next, 2) },
            ];
    return { start, end: dayBefore(next), amount, payments };
  });
}
const progress = (start, target, observed) => Math.min(Math.max((observed - start) / (target - start), 0), 1);
const cents = (x) => (Math.round(x * 100) / 100).toFixed(2);
function runPlain() {
  return contracts.map((c) => {
    const eligible = c.sector !== 'secteur-2' && c.mt > 775;
    const checks = [
      c.sector === 'secteur-2' ? 'secteur-2 is not eligible' : `${c.sector} is eligible`,
      'medecine-generale is not an excluded specialty',
      `${String(c.mt)} medecinTraitant patients ${c.mt > 775 ? '>' : '≤'} P30 775`,
    ];
    const years = plainYears(c);
    const annual = plainAmount(c, c.year);
    const attainment = Math.max(
      progress(c.mt, c.mtTarget, Math.max(0, c.mtObserved)),
      progress(c.fa, c.faTarget, Math.max(0, c.faObserved)),
    );
    const aidDue = cents(annual * attainment);
    const balance = cents(Number(aidDue) - annual / 2);
    const amounts = years.map((y) => y.amount.toFixed(2));
    return {
      core: figures(eligible, plainTarget(c.mt, CURVES.mt, c.option), plainTarget(c.fa, CURVES.fa, c.option), amounts, aidDue, balance),
      more: details(checks, years),
    };
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
  return contracts.slice(0, P).map((c) => {
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
    return { core: figures(v('éligible'), v('cible MT'), v('cible FA'), amounts, v('aide due').toFixed(2), v('solde').toFixed(2)) };
  });
}

// ─── correctness first, then timing ─────────────────────────────────────────────────────────
function time(run, count) {
  const started = performance.now();
  const out = run();
  return { out, rate: count / ((performance.now() - started) / 1000) };
}

console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${String(os.cpus().length)} cores, Node ${process.version}`);
console.log(
  `Mix: ${N.toLocaleString('en')} generated GP contracts signed 2023-05-01 → 2026-12-31 (règlement arbitral and convention 2024),`,
);
console.log('each through checkEligibility, patientTargets, aidSchedule (5 years) and settleYear (year 3 to 5);');
console.log(`publicodes on the first ${P.toLocaleString('en')}; ${String(R)} repeats, order rotated, medians.\n`);

const implementations = {
  a: { name: '(a) public functions', run: runPublic, count: N },
  b: { name: '(b) batch path, streamed', run: runBatch, count: N },
  c: { name: '(c) plain numbers, same fields, no validation or trace', run: runPlain, count: N },
  d: { name: '(d) publicodes model', run: runPublicodes, count: P },
};
const check = Object.fromEntries(Object.entries(implementations).map(([k, i]) => [k, i.run()]));
let differ = 0;
let plainCore = 0;
let plainMore = 0;
for (let i = 0; i < N; i += 1) {
  const [a, b, c, d] = [check.a[i], check.b[i], check.c[i], check.d[i]];
  if (a.core !== b.core || a.more !== b.more || (d !== undefined && a.core !== d.core)) {
    differ += 1;
    if (differ <= 3)
      console.log(`contract ${String(i)} differs:\n  library    ${a.core}\n  batch      ${b.core}\n  publicodes ${d?.core ?? '—'}`);
  }
  if (a.core !== c.core) plainCore += 1;
  if (a.more !== c.more) {
    plainMore += 1;
    if (plainMore <= 3) console.log(`contract ${String(i)}, plain reference:\n  library ${a.more}\n  plain   ${c.more}`);
  }
}
console.log(
  `Check before timing: (a), (b) and (d) ${differ === 0 ? 'agree on every contract' : `differ on ${String(differ)} contracts`}; ` +
    `(c) gives the same dates, payments and check details on ${plainMore === 0 ? 'every contract' : `all but ${String(plainMore)}`}, ` +
    `the same figures on all but ${String(plainCore)} (float rounding of the aid due).`,
);
if (differ > 0 || plainMore > 0) process.exitCode = 1;

const keys = Object.keys(implementations);
const rates = Object.fromEntries(keys.map((k) => [k, []]));
for (let r = 0; r < R; r += 1) {
  for (const k of [...keys.slice(r % keys.length), ...keys.slice(0, r % keys.length)]) {
    const i = implementations[k];
    rates[k].push(time(i.run, i.count).rate);
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const rate = Object.fromEntries(keys.map((k) => [k, median(rates[k])]));
const fmt = (n) => Math.round(n).toLocaleString('en').padStart(11);
console.log('\n| implementation | contracts/s (median) | each repeat |');
console.log('| --- | ---: | --- |');
for (const k of keys) console.log(`| ${implementations[k].name} | ${fmt(rate[k])} | ${rates[k].map((x) => Math.round(x)).join(', ')} |`);
const ratio = (x, y) => rate[x] / rate[y];
const line = (text, value, goal, ok) =>
  console.log(`  ${text.padEnd(44)} ${value.toFixed(1).padStart(6)}×  (goal: ${goal}) ${ok ? 'reached' : 'not reached'}`);
console.log('\nRatios against the goals:');
line('plain reference / batch path', ratio('c', 'b'), 'within 2×', ratio('c', 'b') <= 2);
line('batch path / publicodes', ratio('b', 'd'), 'at least 100×', ratio('b', 'd') >= 100);
line('public functions / publicodes', ratio('a', 'd'), 'at least 50×', ratio('a', 'd') >= 50);

// ─── cold start: what a spreadsheet pays on each recalculation ─────────────────────────────
// With BENCH_BASELINE=DIR (the dist/ folder of another build, e.g. the previous release), each
// bundle is timed against the same file of that build, alternately, and the ratio is printed.
const baseline = process.env.BENCH_BASELINE;
function coldStart(file, call) {
  const read = (dir) => readFileSync(dir === undefined ? new URL(`../dist/${file}`, import.meta.url) : `${dir}/${file}`, 'utf8');
  const builds = { now: read(undefined), ...(baseline === undefined ? {} : { baseline: read(baseline) }) };
  const samples = Object.fromEntries(Object.keys(builds).map((k) => [k, []]));
  for (let i = 0; i < 31; i += 1) {
    for (const k of i % 2 === 0 ? Object.keys(builds) : Object.keys(builds).reverse()) {
      const started = performance.now();
      const context = createContext({});
      runInContext(`${builds[k]}\n;var answer = ${call};`, context);
      if (context.answer === undefined) throw new Error(`${file}: no answer`);
      samples[k].push(performance.now() - started);
    }
  }
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const at = (k) => median(samples[k]);
  const code = builds.now;
  console.log(
    `  ${file}: ${kib(Buffer.byteLength(code))} minified, ${kib(gzipSync(code, { level: 9 }).length)} min+gzip; load + one call: median ${at('now').toFixed(1)} ms` +
      (baseline === undefined
        ? ''
        : ` (baseline ${at('baseline').toFixed(1)} ms: ${(at('now') / at('baseline')).toFixed(2)}× its time, goal: not slower)`),
  );
}
console.log('\nCold start in a fresh node:vm context:');
coldStart(
  'aide-assistant-medical.global.js',
  "AideAssistantMedical.patientTargets({ signedOn: '2023-09-01', specialty: 'medecine-generale', option: 'half-time', patientele: { medecinTraitant: 920, fileActive: 1350 } })",
);
coldStart('aide-assistant-medical.gs', "AM_TARGETS('2023-09-01', 'medecine-generale', 'half-time', 920, 1350)");
