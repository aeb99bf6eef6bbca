// Every output of the library, pinned: a fixed, seeded set of calls of every public function
// (individual and collective contracts, every regime, the dates at each regime's edges, valid
// and invalid inputs, English and French) and what each gives, in full: the result with its
// trace, or the error with its code, message and issues, and the `explain` text of the result.
// test/outputs.test.ts compares a digest of each against test/outputs.lock.json, so any change
// to a figure, a date, a message, a warning, a trace step or an explanation turns a test red,
// and a faster implementation is proven to give byte-identical outputs.
import { createHash } from 'node:crypto';
import { LIBRARY_VERSION } from '../src/core/version.js';
import * as library from '../src/index.js';

/** One call of a public function. */
export interface OutputCase {
  readonly id: string;
  readonly fn: keyof typeof CALLS;
  readonly lang: 'en' | 'fr';
  readonly input: unknown;
}

const CALLS = {
  checkEligibility: library.checkEligibility as (input: unknown, options: { lang: 'en' | 'fr' }) => unknown,
  patientTargets: library.patientTargets as (input: unknown, options: { lang: 'en' | 'fr' }) => unknown,
  aidSchedule: library.aidSchedule as (input: unknown, options: { lang: 'en' | 'fr' }) => unknown,
  settleYear: library.settleYear as (input: unknown, options: { lang: 'en' | 'fr' }) => unknown,
  contractLedger: library.contractLedger as (input: unknown, options: { lang: 'en' | 'fr' }) => unknown,
  compareContracts: library.compareContracts as (input: unknown, options: { lang: 'en' | 'fr' }) => unknown,
};

/** A small, fixed pseudo-random sequence (the same on every machine and every version of every dependency). */
function sequence(seed: number) {
  let state = seed;
  const next = (k: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * k);
  };
  const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;
  const maybe = <T>(p: number, value: () => T): T | undefined => (next(1000) < p * 1000 ? value() : undefined);
  return { next, pick, maybe };
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const plusDays = (date: string, days: number) => iso(Date.parse(`${date}T00:00:00Z`) + days * DAY);

/** Signing dates: each regime's first and last days, a few dates the calendar policy decides, and dates in between. */
const EDGES = [
  '2019-08-20',
  '2019-08-21',
  '2020-02-29',
  '2020-09-30',
  '2020-10-01',
  '2021-01-31',
  '2022-08-31',
  '2023-04-30',
  '2023-05-01',
  '2023-08-31',
  '2023-09-01',
  '2024-02-29',
  '2024-06-21',
  '2024-06-22',
  '2025-01-31',
  '2026-02-24',
  '2026-02-25',
  '2026-10-31',
  '2026-11-01',
];

/** Drops the fields left undefined, so that an input holds only what the case gives. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The cases, in a fixed order. */
export function outputCases(): OutputCase[] {
  const r = sequence(20_260_225);
  const cases: OutputCase[] = [];
  const add = (fn: OutputCase['fn'], input: unknown) => {
    const lang = cases.length % 2 === 0 ? 'en' : 'fr';
    cases.push({ id: `${fn}-${String(cases.length)}`, fn, lang, input });
  };
  const signedOn = () => (r.next(2) === 0 ? r.pick(EDGES) : iso(Date.UTC(2019, 7, 1) + r.next(2800) * DAY));
  const count = (around: number) => Math.max(0, around - 400 + r.next(800));
  const specialties = library.specialties;
  const percentileSet = () => {
    const p30 = 200 + r.next(800);
    return clean({
      p30,
      p50: r.maybe(0.9, () => p30 + 100 + r.next(300)),
      p70: r.maybe(0.7, () => p30 + 500 + r.next(300)),
      p90: r.maybe(0.8, () => p30 + 900 + r.next(300)),
      p95: r.maybe(0.8, () => p30 + 1300 + r.next(400)),
    });
  };
  const percentiles = () => clean({ medecinTraitant: r.maybe(0.5, percentileSet), fileActive: r.maybe(0.8, percentileSet) });
  const patientele = (gp: boolean) =>
    clean({
      medecinTraitant: gp ? r.maybe(0.95, () => count(900)) : r.maybe(0.3, () => count(700)),
      fileActive: r.maybe(0.8, () => count(1500)),
    });
  const ruleSet = () => r.maybe(0.12, () => r.pick(['avenant-7-2019', 'reglement-arbitral-2023', 'convention-2024', 'collective-2026']));
  const option = () => r.pick(['one-third', 'half-time', 'half-time', 'full-time', 'full-time']);
  const tier = () => r.pick(['standard', 'standard', 'p90-p95', 'p95-plus']);
  const specialty = () =>
    r.next(3) === 0 ? r.pick(specialties) : r.pick(['medecine-generale', 'medecine-generale', 'pediatrie', 'cardiologie']);
  const move = (from: string) =>
    r.maybe(0.1, () =>
      r.next(2) === 0 ? { movedTo: { on: plusDays(from, 200 + r.next(900)) } } : { movedTo2023RulesOn: plusDays(from, r.next(1500)) },
    );
  const life = (from: string) =>
    clean({
      renewedOn: r.maybe(0.12, () => plusDays(from, 1700 + r.next(200))),
      endedOn: r.maybe(0.15, () => plusDays(from, 30 + r.next(1800))),
      noticeGivenOn: r.maybe(0.05, () => plusDays(from, 700 + r.next(900))),
    });
  /** A broken value now and then, in a field a caller gets wrong. */
  const broken = (value: unknown): unknown =>
    r.next(25) === 0 ? r.pick<unknown>(['2023-02-30', -1, 1.5, '', null, 'x', 2_000_000, { a: 1 }, [1], '2023-00-10', true]) : value;
  const members = (n: number, from: string) =>
    Array.from({ length: n }, (_, i) =>
      clean({
        id: `m${String(i + 1)}`,
        specialty: r.next(15) === 0 ? 'pediatrie' : 'medecine-generale',
        sector: r.pick(['secteur-1', 'secteur-1', 'secteur-2-optam', 'secteur-2-optam-co', 'secteur-2']),
        mep: r.maybe(0.1, () => true),
        patientele: { medecinTraitant: count(850), fileActive: count(1500) },
        installedOn: r.maybe(0.25, () => plusDays(from, -r.next(900))),
        hostsDocteurJunior: r.maybe(0.3, () => true),
        individualContract: r.maybe(0.15, () =>
          clean({ signedOn: plusDays(from, -1500), endsOn: r.maybe(0.7, () => plusDays(from, -r.next(3))) }),
        ),
        previousCollectiveEndedOn: r.maybe(0.08, () => plusDays(from, -r.next(1200))),
        waiver: r.maybe(0.05, () => true),
      }),
    );

  for (let i = 0; i < 160; i += 1) {
    const on = signedOn();
    const s = specialty();
    add(
      'checkEligibility',
      clean({
        signedOn: broken(on),
        ruleSet: ruleSet(),
        specialty: s,
        sector: r.pick(['secteur-1', 'secteur-1', 'secteur-2-optam', 'secteur-2-optam-co', 'secteur-2']),
        patientele: patientele(s === 'medecine-generale'),
        newlyInstalled: r.maybe(0.15, () => true),
        groupPractice: r.maybe(0.85, () => r.pick(['member', 'committed', 'none'])),
        coordinatedPractice: r.maybe(0.85, () => r.pick(['member', 'committed', 'none'])),
        zone: r.maybe(0.6, () => r.pick(['zip', 'zac', 'none'])),
        restrictedDepartement: r.maybe(0.1, () => r.next(2) === 0),
        ccamFeeShare: r.maybe(0.15, () => r.next(41) / 100),
        disability: r.maybe(0.08, () => true),
        childrenShare: r.maybe(0.08, () => r.next(40) / 100),
        mixedActivity: r.maybe(0.08, () => true),
        secondAssistant: r.maybe(0.08, () => ({ firstOption: option(), contractYear: 1 + r.next(6), targetsMet: r.next(2) === 0 })),
        assistant: r.maybe(0.15, () =>
          clean({
            hiredOn: plusDays(on, r.next(400)),
            qualification: r.pick(['ide', 'as', 'ap', 'cqp', 'none', 'none']),
            trainingStartedOn: r.maybe(0.3, () => plusDays(on, r.next(900))),
            convertedSecretary: r.maybe(0.2, () => true),
          }),
        ),
        percentiles: r.maybe(0.3, percentiles),
      }),
    );
  }
  for (let i = 0; i < 40; i += 1) {
    const on = r.next(2) === 0 ? r.pick(EDGES.slice(-4)) : iso(Date.UTC(2026, 0, 1) + r.next(700) * DAY);
    add(
      'checkEligibility',
      clean({
        contract: 'collective',
        signedOn: on,
        structure: r.pick(['scp', 'scm', 'sisa', 'sel', 'scm']),
        trainingSite: r.maybe(0.2, () => true),
        members: members(1 + r.next(6), on),
      }),
    );
  }
  for (let i = 0; i < 160; i += 1) {
    const on = signedOn();
    const s = specialty();
    add(
      'patientTargets',
      clean({
        signedOn: on,
        ruleSet: ruleSet(),
        specialty: s,
        option: option(),
        patientele: broken(patientele(s === 'medecine-generale')),
        newlyInstalled: r.maybe(0.12, () => true),
        aged65OrMore: r.maybe(0.1, () => true),
        percentiles: r.maybe(0.4, percentiles),
        bandRates: r.maybe(0.1, () =>
          clean({ 'p50-p70': r.maybe(0.8, () => r.next(30) / 100), 'p70-p90': r.maybe(0.8, () => r.next(20) / 100) }),
        ),
        estimateKnots: r.maybe(0.08, () => ({ fileActive: { a: 500 + r.next(400), b: 1500 + r.next(900) } })),
      }),
    );
  }
  for (let i = 0; i < 40; i += 1) {
    const on = iso(Date.UTC(2026, 1, 25) + r.next(700) * DAY);
    const n = 1 + r.next(5);
    add('patientTargets', {
      contract: 'collective',
      signedOn: on,
      etp: (1 + r.next(2 * n)) / 2,
      members: Array.from({ length: n }, (_, k) =>
        clean({
          id: `m${String(k + 1)}`,
          patientele: { medecinTraitant: count(900), fileActive: count(1500) },
          gainedUnderIndividualContract: r.maybe(0.3, () =>
            clean({ medecinTraitant: r.maybe(0.9, () => r.next(400)), fileActive: r.maybe(0.6, () => r.next(300)) }),
          ),
          installedOn: r.maybe(0.25, () => plusDays(on, -r.next(500))),
        }),
      ),
    });
  }
  for (let i = 0; i < 160; i += 1) {
    const on = signedOn();
    const derive = r.next(5) === 0;
    add(
      'aidSchedule',
      clean({
        signedOn: on,
        ruleSet: ruleSet(),
        option: option(),
        tier: derive ? undefined : broken(tier()),
        specialty: derive ? specialty() : undefined,
        patientele: derive ? patientele(true) : undefined,
        percentiles: derive ? r.maybe(0.6, percentiles) : undefined,
        allowWithdrawnPercentiles: derive ? r.maybe(0.5, () => true) : undefined,
        hiredOn: r.maybe(0.3, () => plusDays(on, r.next(120))),
        years: r.maybe(0.15, () => 1 + r.next(10)),
        assistant: r.maybe(0.05, () => r.pick(['first', 'second'])),
        ...move(on),
        ...life(on),
      }),
    );
  }
  for (let i = 0; i < 30; i += 1) {
    const on = iso(Date.UTC(2026, 0, 1) + r.next(800) * DAY);
    add(
      'aidSchedule',
      clean({ contract: 'collective', signedOn: on, etp: r.next(20) / 2, years: r.maybe(0.2, () => 1 + r.next(10)), ...life(on) }),
    );
  }
  const measure = (start: number) => {
    const target = start + r.pick([0, 0, 20 + r.next(300), 20 + r.next(300)]);
    return clean({ start, target, minimum: r.maybe(0.1, () => Math.max(0, start - r.next(100))) });
  };
  const settleFacts = (on: string) => {
    const mt = count(1000);
    const fa = count(1500);
    return clean({
      year: broken(1 + r.next(r.next(8) === 0 ? 10 : 5)),
      targets: r.maybe(0.95, () =>
        clean({ medecinTraitant: r.maybe(0.9, () => measure(mt)), fileActive: r.maybe(0.8, () => measure(fa)) }),
      ),
      observed: r.maybe(0.95, () =>
        clean({
          medecinTraitant: r.maybe(0.9, () => Math.max(0, mt - 60 + r.next(400))),
          fileActive: r.maybe(0.8, () => Math.max(0, fa - 60 + r.next(500))),
        }),
      ),
      advancePaid: r.maybe(0.25, () => r.pick<string | number>(['5500.00', '0', 9500, '10500.5', '19000.00', '6250'])),
      policy: r.maybe(0.3, () =>
        clean({
          attainment: r.maybe(0.7, () => r.pick(['progress', 'level'])),
          combine: r.maybe(0.7, () => r.pick(['mean', 'min', 'max'])),
        }),
      ),
      ...life(on),
    });
  };
  for (let i = 0; i < 200; i += 1) {
    const on = signedOn();
    add(
      'settleYear',
      clean({
        signedOn: on,
        ruleSet: ruleSet(),
        option: option(),
        tier: r.maybe(0.8, tier),
        assistant: r.maybe(0.03, () => 'second'),
        ...move(on),
        ...settleFacts(on),
      }),
    );
  }
  for (let i = 0; i < 40; i += 1) {
    const on = iso(Date.UTC(2026, 1, 20) + r.next(800) * DAY);
    add('settleYear', { contract: 'collective', signedOn: on, etp: (1 + r.next(10)) / 2, ...settleFacts(on) });
  }
  for (let i = 0; i < 60; i += 1) {
    const on = signedOn();
    const collective = r.next(5) === 0;
    const n = r.next(6) === 0 ? 3 + r.next(8) : 5;
    const mt = count(1000);
    const fa = count(1500);
    add(
      'contractLedger',
      clean({
        ...(collective ? { contract: 'collective', etp: (1 + r.next(8)) / 2 } : { option: option(), tier: r.maybe(0.8, tier) }),
        signedOn: on,
        targets: { medecinTraitant: measure(mt), fileActive: measure(fa) },
        policy: r.maybe(0.2, () => ({ combine: r.pick(['mean', 'min', 'max']) })),
        years: Array.from({ length: n }, (_, k) =>
          clean({
            year: k + 1,
            observed: r.maybe(0.8, () =>
              clean({
                medecinTraitant: Math.max(0, mt - 50 + r.next(400)),
                fileActive: r.maybe(0.7, () => Math.max(0, fa - 50 + r.next(500))),
              }),
            ),
            paid: r.maybe(0.7, () => [
              { on: plusDays(on, 365 * k + r.next(120)), amount: r.pick(['19000.00', '5500.00', '11000', '7000.50', '0']) },
            ]),
          }),
        ).filter(() => r.next(12) !== 0),
        ...life(on),
      }),
    );
  }
  for (let i = 0; i < 20; i += 1) {
    const on = iso(Date.UTC(2026, 1, 25) + r.next(700) * DAY);
    const n = 2 + r.next(4);
    add(
      'compareContracts',
      clean({
        signedOn: on,
        structure: r.pick(['scm', 'scp', 'sisa', 'sel']),
        trainingSite: r.maybe(0.2, () => true),
        etp: (1 + r.next(2 * n + 1)) / 2,
        years: r.maybe(0.2, () => 1 + r.next(8)),
        members: Array.from({ length: n }, (_, k) =>
          clean({
            id: `m${String(k + 1)}`,
            sector: r.pick(['secteur-1', 'secteur-1', 'secteur-2-optam', 'secteur-2']),
            mep: r.maybe(0.05, () => true),
            patientele: { medecinTraitant: count(900), fileActive: count(1500) },
            hostsDocteurJunior: r.maybe(0.3, () => true),
            installedOn: r.maybe(0.2, () => plusDays(on, -r.next(500))),
            option: r.pick(['half-time', 'full-time']),
            tier: r.maybe(0.7, tier),
          }),
        ),
      }),
    );
  }
  // Each edge a rule or a date policy draws, by hand, in both languages.
  for (const [fn, input] of EDGE_CASES)
    for (const lang of ['en', 'fr'] as const) cases.push({ id: `${fn}-edge-${String(cases.length)}`, fn, lang, input });
  return cases;
}

/** A GP's half-time contract under the règlement arbitral, signed 2023-09-01 (year 3 from 2025-09-01, advance due by 2025-11-01). */
const RA = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' } as const;
const BOTH = { medecinTraitant: { start: 920, target: 1115 }, fileActive: { start: 1350, target: 1661 } } as const;
const SEEN = { medecinTraitant: 1018, fileActive: 1506 } as const;

/** Hand-written calls at the edges of the rules, each with what it pins. */
const EDGE_CASES: readonly (readonly [OutputCase['fn'], unknown])[] = [
  // Settlement: targets as written in the contract (TARGET_BELOW_START, minimum ≤ target).
  ['settleYear', { ...RA, year: 3, targets: { medecinTraitant: { start: 920, target: 900 } }, observed: { medecinTraitant: 950 } }],
  [
    'settleYear',
    { ...RA, year: 3, targets: { medecinTraitant: { start: 920, target: 1000, minimum: 1001 } }, observed: { medecinTraitant: 950 } },
  ],
  // Convention 2024, aged 65 or more: maintain, the minimum may equal the target.
  [
    'settleYear',
    {
      ...RA,
      signedOn: '2024-09-01',
      year: 3,
      targets: { medecinTraitant: { start: 1000, target: 1000, minimum: 1000 } },
      observed: { medecinTraitant: 1000 },
    },
  ],
  [
    'settleYear',
    {
      ...RA,
      signedOn: '2024-09-01',
      year: 3,
      targets: { medecinTraitant: { start: 1000, target: 1000, minimum: 900 } },
      observed: { medecinTraitant: 899 },
    },
  ],
  [
    'settleYear',
    {
      ...RA,
      signedOn: '2024-09-01',
      year: 3,
      targets: { medecinTraitant: { start: 1000, target: 1000, minimum: 900 } },
      observed: { medecinTraitant: 900 },
    },
  ],
  // The attainment policies: progress and level, a maintain target met and missed.
  ['settleYear', { ...RA, year: 3, targets: BOTH, observed: SEEN, policy: { attainment: 'level', combine: 'min' } }],
  ['settleYear', { ...RA, year: 4, targets: { medecinTraitant: { start: 920, target: 920 } }, observed: { medecinTraitant: 919 } }],
  ['settleYear', { ...RA, year: 4, targets: { medecinTraitant: { start: 920, target: 920 } }, observed: { medecinTraitant: 920 } }],
  // Avenant 7 averages the two measures: one alone is settled on its own, with a warning.
  [
    'settleYear',
    {
      signedOn: '2021-03-15',
      option: 'one-third',
      tier: 'standard',
      year: 3,
      targets: { medecinTraitant: BOTH.medecinTraitant },
      observed: { medecinTraitant: 1018 },
    },
  ],
  ['settleYear', { ...RA, year: 3, targets: { medecinTraitant: BOTH.medecinTraitant }, observed: SEEN }],
  // Years 1 and 2 are never modulated: targets given are not used.
  ['settleYear', { ...RA, year: 2, targets: BOTH, observed: SEEN }],
  // An early end: on the advance's due date (paid), the day before (not yet), on an anniversary, out of the term.
  ['settleYear', { ...RA, year: 3, targets: BOTH, observed: SEEN, endedOn: '2025-11-01' }],
  ['settleYear', { ...RA, year: 3, targets: BOTH, observed: SEEN, endedOn: '2025-10-31' }],
  ['settleYear', { ...RA, year: 3, targets: BOTH, observed: SEEN, endedOn: '2026-08-31' }],
  ['settleYear', { ...RA, year: 4, targets: BOTH, observed: SEEN, endedOn: '2026-09-01' }],
  ['settleYear', { ...RA, year: 3, targets: BOTH, observed: SEEN, endedOn: '2023-08-31' }],
  ['settleYear', { ...RA, year: 5, targets: BOTH, observed: SEEN, endedOn: '2028-09-01' }],
  ['settleYear', { ...RA, year: 5, targets: BOTH, observed: SEEN, endedOn: '2028-08-31' }],
  // Two months' notice: exactly (no warning) and a day short.
  ['aidSchedule', { ...RA, endedOn: '2025-11-15', noticeGivenOn: '2025-09-16' }],
  ['aidSchedule', { ...RA, endedOn: '2025-11-15', noticeGivenOn: '2025-09-17' }],
  // Renewal: agreed in the last contract year or on its end (2027-09-02 to 2028-09-01).
  ['aidSchedule', { ...RA, renewedOn: '2027-09-01' }],
  ['aidSchedule', { ...RA, renewedOn: '2027-09-02', years: 10 }],
  ['aidSchedule', { ...RA, renewedOn: '2028-09-01', years: 11 }],
  ['aidSchedule', { ...RA, renewedOn: '2028-09-02' }],
  ['aidSchedule', { ...RA, years: 5 }],
  ['aidSchedule', { ...RA, years: 6 }],
  // The tier derived from the start, or asked for.
  ['aidSchedule', { signedOn: '2023-09-01', option: 'full-time', specialty: 'medecine-generale' }],
  ['aidSchedule', { signedOn: '2023-09-01', option: 'full-time', patientele: { medecinTraitant: 1600 } }],
  [
    'aidSchedule',
    {
      signedOn: '2023-09-01',
      option: 'full-time',
      specialty: 'medecine-generale',
      patientele: { medecinTraitant: 1600 },
      percentiles: { medecinTraitant: { p90: 1500, p95: 1700 } },
    },
  ],
  [
    'aidSchedule',
    {
      signedOn: '2023-09-01',
      option: 'full-time',
      specialty: 'cardiologie',
      patientele: { fileActive: 2600 },
      percentiles: { fileActive: { p90: 2000, p95: 2500 } },
    },
  ],
  ['aidSchedule', { signedOn: '2023-09-01', option: 'full-time', specialty: 'cardiologie', patientele: { medecinTraitant: 10 } }],
  // Contract years ending on the last day of February (leap and common years) and on 31 December.
  ['aidSchedule', { signedOn: '2023-03-01', option: 'half-time', tier: 'p90-p95' }],
  ['aidSchedule', { signedOn: '2024-01-01', option: 'full-time', tier: 'p95-plus', endedOn: '2026-06-30' }],
];

/** What a case gives, in full: the result and its explanation, or the error. */
export function render(c: OutputCase): string {
  try {
    const result = CALLS[c.fn](c.input, { lang: c.lang }) as Parameters<typeof library.explain>[0] & { kind: string };
    const explained = result.kind === 'comparison' ? '' : library.explain(result, { lang: c.lang });
    // The library's version is in every result and explanation: a release alone moves no output.
    return `${JSON.stringify(result)}\n${explained}`.split(LIBRARY_VERSION).join('<version>');
  } catch (e) {
    if (!(e instanceof library.RulesError)) throw e;
    return JSON.stringify({ error: e.name, code: e.code, message: e.message, issues: e.issues });
  }
}

/** A short digest of a case's output (64 bits: a changed output never keeps it by chance). */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
