import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, count, fcParams } from '../../test/arbitraries.js';
import { expectRulesError } from '../../test/helpers.js';
import { aidSchedule, checkEligibility, explain, patientTargets, settleYear, type ResultBase } from '../index.js';

// Computed when the tests run, not when the file loads (a mutant of the library then fails a test, not the file).
let settlement: ResultBase;
beforeAll(() => {
  settlement = settleYear({
    signedOn: '2023-09-01',
    option: 'half-time',
    tier: 'standard',
    year: 3,
    targets: { medecinTraitant: { start: 920, target: 1115 }, fileActive: { start: 1350, target: 1661 } },
    observed: { medecinTraitant: 1017, fileActive: 1400 },
  });
});

describe('explain', () => {
  it('explains a settlement in French by default, with every figure and its source', () => {
    const text = explain(settlement);
    expect(text).toContain('Régime du contrat : reglement-arbitral-2023. Tables : reglement-arbitral-2023 1.2.1, convention-2024 1.2.1.');
    expect(text).toContain(
      'Année 3 : aide annuelle 11 000,00 €, atteinte 49,74 %, aide due 5 471,79 €, avance 5 500,00 €, solde -28,21 €.',
    );
    expect(text).toContain("L'année 3 commence le 2025-09-01 : tarifée selon Convention médicale (2024)");
    expect(text).toContain(
      'Atteinte de la patientèle médecin traitant : (1017 − 920) / (1115 − 920), bornée entre 0 et 1 = 97/195 ≈ 49,74 %.',
    );
    // 11 000 × 97 / 195 = 5 471,794… → 5 471,79: the printed operands give the printed result.
    expect(text).toContain('Aide due = 11 000,00 € × 97/195 = 5 471,79 € (arrondi au centime, demi vers le haut).');
    expect(text).toContain('Solde = aide due 5 471,79 € − avance 5 500,00 € = -28,21 € (à récupérer auprès du médecin).');
    expect(text).toContain(
      'https://www.ameli.fr/medecin/actualites/aide-l-emploi-d-un-assistant-medical-ce-qui-change-des-juin-2024 [doctrine officielle (Assurance Maladie)]',
    );
    // One numbered step, each followed by its source, for every step of the trace.
    expect(text.match(/^ {2}\d+\. /gm)).toHaveLength(settlement.trace.length);
    expect(text.match(/^ {5}Source \([\w.-]+\) : /gm)).toHaveLength(settlement.trace.length);
  });

  it('lists the interpretations used, and the caller-supplied figures', () => {
    const text = explain(settlement);
    expect(text).toContain(
      "- atteinte d'une mesure = progression réalisée / progression requise, bornée entre 0 et 1 (settlement.attainment)",
    );
    const supplied = explain(
      patientTargets({
        signedOn: '2021-03-01',
        specialty: 'cardiologie',
        option: 'one-third',
        patientele: { fileActive: 899 },
        percentiles: { fileActive: { p30: 640, p50: 900 } },
      }),
      { lang: 'en' },
    );
    expect(supplied).toContain('Figures supplied by the caller\n  - percentile.fileActive.p30 = 640\n  - percentile.fileActive.p50 = 900');
    expect(supplied).toContain('  file active: 899 → 1079 (+180)');
    expect(supplied).toContain('Rate of band p30-p50 (one-third): 20.00 %.');
    expect(supplied).toContain('art. 9-5-2-2');
  });

  it('explains in English on request', () => {
    const text = explain(aidSchedule({ signedOn: '2022-09-15', option: 'half-time', tier: 'standard', hiredOn: '2022-10-01' }), {
      lang: 'en',
    });
    expect(text).toContain('Year 3 starts on 2024-09-15: priced by Convention médicale (2024) (revaluation of running contracts).');
    expect(text).toContain('Total (maximum, targets met): €64,500.00.');
    expect(text).toContain('Payment: €12,600.00, due by 2022-10-16.');
  });

  it('explains eligibility checks', () => {
    const text = explain(
      checkEligibility({
        signedOn: '2023-09-01',
        specialty: 'medecine-generale',
        sector: 'secteur-1',
        patientele: { medecinTraitant: 775 },
      }),
    );
    expect(text).toContain('Éligible : non ; options ouvertes : —.');
    expect(text).toContain('Condition non remplie : 775 patients médecin traitant ≤ P30 775.');
    const surgeon = checkEligibility({
      signedOn: '2024-09-01',
      specialty: 'chirurgie-viscerale',
      sector: 'secteur-1',
      patientele: { fileActive: 3000 },
      ccamFeeShare: 0.2,
      percentiles: { fileActive: { p30: 1000 } },
    });
    expect(explain(surgeon)).toContain("Condition remplie : part des honoraires d'actes techniques CCAM 0,2 ≤ 0,20.");
  });

  it('renders every step of any result without a hole', () => {
    fc.assert(
      fc.property(contract, count, count, fc.constantFrom<'fr' | 'en'>('fr', 'en'), (c, start, seen, lang) => {
        const results: ResultBase[] = [
          aidSchedule({ ...c, hiredOn: c.signedOn }),
          settleYear({ ...c, year: 3, targets: { fileActive: { start, target: start + 50 } }, observed: { fileActive: seen } }),
          patientTargets({
            signedOn: c.signedOn,
            specialty: 'medecine-generale',
            option: c.option,
            patientele: { medecinTraitant: start, fileActive: seen },
            percentiles: {
              medecinTraitant: { p50: 900, p70: 1200, p90: 1500, p95: 1700 },
              fileActive: { p30: 700, p50: 1300, p70: 1800, p90: 2300, p95: 2600 },
            },
          }),
        ];
        for (const result of results) {
          const text = explain(result, { lang });
          expect(text).not.toMatch(/undefined|NaN|\[object|→ —\.$/m);
          expect(text.match(/^ {2}\d+\. /gm)).toHaveLength(result.trace.length);
        }
      }),
      { ...fcParams, numRuns: Math.ceil(fcParams.numRuns / 3) },
    );
  });

  it.each(['fr', 'en'] as const)('covers every kind of step in %s', (lang) => {
    const results: ResultBase[] = [
      checkEligibility({
        signedOn: '2021-03-01',
        specialty: 'cardiologie',
        sector: 'secteur-2-optam-co',
        patientele: { fileActive: 2000 },
        groupPractice: 'none',
        coordinatedPractice: 'member',
        zone: 'zac',
        percentiles: { fileActive: { p30: 1000, p50: 1500 } },
      }),
      checkEligibility({
        signedOn: '2025-03-01',
        ruleSet: 'convention-2024',
        specialty: 'medecine-generale',
        sector: 'secteur-1',
        patientele: { medecinTraitant: 1400 },
        zone: 'zip',
        mixedActivity: true,
        secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true },
      }),
      aidSchedule({
        signedOn: '2021-01-10',
        option: 'half-time',
        specialty: 'cardiologie',
        patientele: { fileActive: 3000 },
        percentiles: { fileActive: { p90: 2900, p95: 3300 } },
        movedTo: { on: '2023-06-01' },
      }),
      patientTargets({ signedOn: '2024-09-01', specialty: 'dermatologie', option: 'half-time', patientele: { fileActive: 3000 } }),
      patientTargets({
        signedOn: '2024-09-01',
        specialty: 'pediatrie',
        option: 'full-time',
        newlyInstalled: true,
        patientele: { medecinTraitant: 100, fileActive: 3000 },
        percentiles: { medecinTraitant: { p50: 600 }, fileActive: { p50: 1800 } },
      }),
      patientTargets({
        signedOn: '2024-09-01',
        specialty: 'medecine-generale',
        option: 'half-time',
        aged65OrMore: true,
        patientele: { medecinTraitant: 1000, fileActive: 1500 },
      }),
      patientTargets({
        signedOn: '2021-03-01',
        specialty: 'cardiologie',
        option: 'half-time',
        bandRates: { 'p50-p70': 0.1 },
        patientele: { fileActive: 1600 },
        percentiles: { fileActive: { p30: 640, p50: 1500, p70: 2000 } },
      }),
      patientTargets({
        signedOn: '2023-09-01',
        specialty: 'psychiatrie',
        option: 'full-time',
        estimateKnots: { fileActive: { a: 700, b: 1500 } },
        patientele: { fileActive: 900 },
      }),
      settleYear({
        signedOn: '2021-01-10',
        option: 'half-time',
        year: 4,
        targets: { fileActive: { start: 10, target: 10, minimum: 9 } },
        observed: { fileActive: 9 },
        advancePaid: '100',
        policy: { attainment: 'level', combine: 'min' },
      }),
      settleYear({ signedOn: '2021-01-10', option: 'full-time', tier: 'p95-plus', year: 1 }),
    ];
    for (const result of results) {
      const text = explain(result, { lang });
      expect(text).not.toMatch(/undefined|NaN|\[object/);
      expect(text.match(/^ {2}\d+\. /gm)).toHaveLength(result.trace.length);
    }
    expect(explain(results[2] as ResultBase, { lang })).toContain(
      lang === 'fr' ? "dans les 15 jours suivant l'embauche" : 'within 15 days after hiring',
    );
    expect(explain(results[3] as ResultBase, { lang })).toContain(
      lang === 'fr' ? 'file active : indisponible' : 'file active: unavailable',
    );
    expect(explain(results[1] as ResultBase, { lang })).toContain(
      lang === 'fr' ? "(régime imposé par l'appelant)" : '(forced by the caller)',
    );
  });

  it('words every eligibility check in French', () => {
    const frenchOf = (input: Parameters<typeof checkEligibility>[0]) => explain(checkEligibility(input));
    const av7 = {
      signedOn: '2021-03-01',
      sector: 'secteur-1',
      groupPractice: 'member',
      coordinatedPractice: 'member',
      zone: 'none',
    } as const;
    const texts = [
      frenchOf({
        ...av7,
        specialty: 'medecine-generale',
        patientele: { medecinTraitant: 300 },
        childrenShare: 0.3,
        groupPractice: 'none',
        zone: 'zip',
        coordinatedPractice: 'committed',
      }),
      frenchOf({
        ...av7,
        specialty: 'medecine-generale',
        patientele: { medecinTraitant: 300 },
        disability: true,
        groupPractice: 'committed',
        zone: 'zac',
      }),
      frenchOf({
        ...av7,
        specialty: 'radiologie',
        patientele: { fileActive: 3000 },
        restrictedDepartement: false,
        newlyInstalled: true,
        coordinatedPractice: 'none',
      }),
      frenchOf({
        ...av7,
        specialty: 'radiologie',
        patientele: { fileActive: 3000 },
        restrictedDepartement: true,
        percentiles: { fileActive: { p30: 1000 } },
      }),
      frenchOf({
        signedOn: '2023-09-01',
        specialty: 'radiologie',
        sector: 'secteur-2',
        patientele: { fileActive: 900 },
        percentiles: { fileActive: { p30: 1000 } },
      }),
      frenchOf({
        signedOn: '2023-09-01',
        specialty: 'chirurgie-viscerale',
        sector: 'secteur-1',
        patientele: { fileActive: 2000 },
        ccamFeeShare: 0.25,
        percentiles: { fileActive: { p30: 1000 } },
      }),
      frenchOf({
        signedOn: '2025-03-01',
        specialty: 'medecine-generale',
        sector: 'secteur-1',
        patientele: { medecinTraitant: 1400 },
        zone: 'zip',
        mixedActivity: true,
        secondAssistant: { firstOption: 'half-time', contractYear: 3, targetsMet: true },
      }),
    ].join('\n');
    for (const phrase of [
      'Condition remplie : enfants de moins de 16 ans : 0,3 de la patientèle',
      'Condition remplie : exerce seul en zone ZIP : dispensé de la condition de groupe',
      "Condition remplie : s'engage à rejoindre un exercice coordonné dans les 2 ans.",
      'Condition remplie : médecin en situation de handicap',
      "Condition remplie : s'engage à rejoindre un groupe dans les 2 ans.",
      'Condition non remplie : ni exercice coordonné ni engagement.',
      'Condition non remplie : zone ZAC : temps plein non ouvert.',
      'Condition non remplie : Radiologie et imagerie médicale : éligible seulement dans un département listé.',
      "Condition remplie : médecin nouvellement installé : le seuil d'activité ne s'applique pas.",
      'Condition remplie : Radiologie et imagerie médicale : exerce dans un département listé.',
      'Condition remplie : file active 3000 > P30 1000.',
      'Condition non remplie : secteur 2 sans OPTAM non éligible.',
      'Condition non remplie : Radiologie et imagerie médicale est exclue de l',
      'Condition non remplie : file active 900 < P30 1000.',
      "Condition non remplie : part des honoraires d'actes techniques CCAM 0,25 ≥ 0,20.",
      "Condition remplie : Chirurgie viscérale et digestive n'est pas une spécialité exclue.",
      'Condition remplie : activité salariée mixte : éligible, contrat adapté.',
      'Condition non remplie : second assistant : conditions non remplies.',
      'Condition remplie : exerce en groupe.',
      'Condition remplie : participe à un exercice coordonné.',
    ]) {
      expect(texts).toContain(phrase);
    }
  });

  it('explains a minimal or hand-edited stored result without inventing anything', () => {
    const stored = {
      kind: 'settlement',
      ruleSet: 'reglement-arbitral-2023',
      warnings: ['Interpretation (x): y', 'a free warning'],
      trace: [
        {
          rule: 'custom.step',
          ruleSet: 'reglement-arbitral-2023',
          reference: { text: 'Some text', provenance: 'secondary' },
          inputs: {},
          output: { a: 1 },
        },
        {
          rule: 'amount.half-time.year1',
          ruleSet: 'reglement-arbitral-2023',
          reference: { text: 'Some text', provenance: 'interpretation' },
          inputs: { year: 1 },
          output: 'n/a',
        },
        {
          rule: 'settlement.combined',
          ruleSet: 'reglement-arbitral-2023',
          reference: { text: 'Some text', provenance: 'interpretation' },
          inputs: { combine: 'max' },
          output: 'abc',
        },
        {
          rule: 'settlement.balance',
          ruleSet: 'reglement-arbitral-2023',
          reference: { text: 'Some text', provenance: 'secondary' },
          inputs: {},
          output: { balance: '1', balanceKind: 'odd' },
        },
        {
          rule: 'targets.band',
          ruleSet: 'reglement-arbitral-2023',
          reference: { text: 'Some text', provenance: 'secondary' },
          inputs: { measure: 'otherMeasure', start: 1 },
          output: null,
        },
        {
          rule: 'settlement.attainment.medecinTraitant',
          ruleSet: 'reglement-arbitral-2023',
          reference: { text: 'Some text', provenance: 'interpretation' },
          inputs: { policy: 'level', observed: 1, target: 2 },
          output: '0.5',
        },
      ],
    } as unknown as ResultBase;
    for (const lang of ['fr', 'en'] as const) {
      const text = explain(stored, { lang });
      expect(text).toContain(lang === 'fr' ? 'Tables : —.' : 'Tables: —.');
      expect(text).toContain(lang === 'fr' ? 'custom.step → a : 1.' : 'custom.step → {"a":1}.');
      expect(text).toContain('n/a');
      expect(text).toContain('abc');
      expect(text).toContain('(odd)');
      expect(text).toContain('otherMeasure');
      expect(text).toContain('1 / 2');
      expect(text).toContain('a free warning');
    }
  });

  it('survives a JSON round trip: a stored result explains the same', () => {
    expect(explain(JSON.parse(JSON.stringify(settlement)) as ResultBase)).toBe(explain(settlement));
  });

  it('refuses what is not a result, and a language it does not speak', () => {
    expectRulesError(() => explain({} as ResultBase), 'INVALID_INPUT', ['kind']);
    expectRulesError(() => explain(settlement, { lang: 'de' as 'fr' }), 'INVALID_INPUT', ['lang']);
    expectRulesError(() => explain(null as unknown as ResultBase), 'INVALID_INPUT', []);
  });
});

describe('explain: every individual check worded in French, passed and not passed', () => {
  const texts = (inputs: Parameters<typeof checkEligibility>[0][]) => inputs.map((i) => explain(checkEligibility(i))).join('\n');
  it('words thresholds, surgeons, groups and coordination both ways', () => {
    const av7 = { signedOn: '2021-03-01', sector: 'secteur-1', zone: 'none' } as const;
    const text = texts([
      {
        ...av7,
        specialty: 'cardiologie',
        patientele: { fileActive: 1200 },
        percentiles: { fileActive: { p30: 1000 } },
        groupPractice: 'committed',
        coordinatedPractice: 'committed',
      },
      {
        ...av7,
        specialty: 'cardiologie',
        patientele: { fileActive: 900 },
        percentiles: { fileActive: { p30: 1000 } },
        groupPractice: 'none',
        coordinatedPractice: 'none',
      },
      {
        ...av7,
        specialty: 'medecine-generale',
        patientele: { medecinTraitant: 700 },
        groupPractice: 'member',
        coordinatedPractice: 'member',
      },
      {
        signedOn: '2024-09-01',
        sector: 'secteur-1',
        specialty: 'chirurgie-viscerale',
        ccamFeeShare: 0.2,
        patientele: { fileActive: 3000 },
        percentiles: { fileActive: { p30: 1000 } },
      },
      {
        signedOn: '2023-09-01',
        sector: 'secteur-1',
        specialty: 'chirurgie-viscerale',
        ccamFeeShare: 0.2,
        patientele: { fileActive: 3000 },
        percentiles: { fileActive: { p30: 1000 } },
      },
    ]);
    for (const phrase of [
      'Condition remplie : file active 1200 > P30 1000.', // avenant 7: strictly above P30 (secondary)
      'Condition non remplie : file active 900 ≤ P30 1000.',
      "Condition remplie : s'engage à rejoindre un groupe dans les 2 ans.",
      "Condition remplie : s'engage à rejoindre un exercice coordonné dans les 2 ans.",
      'Condition non remplie : ni exercice en groupe ni engagement.',
      'Condition remplie : 700 patients médecin traitant > P30 640.', // avenant 7: more than 640 adult MT patients
      "Condition remplie : part des honoraires d'actes techniques CCAM 0,2 ≤ 0,20.", // 2024: at most 20 %
      "Condition non remplie : part des honoraires d'actes techniques CCAM 0,2 ≥ 0,20.", // 2023: below 20 %
    ]) {
      expect(text).toContain(phrase);
    }
  });
});

describe('explain: a stored result from elsewhere, read without guessing', () => {
  it('falls back to the stored words where no row or phrase is known, in both languages', () => {
    const stored = {
      kind: 'targets',
      contract: 'collective',
      ruleSet: 'unknown-regime',
      warnings: [],
      targets: { otherMeasure: { start: 1, increase: 2, target: 3 } },
      unavailable: [{ measure: 'otherMeasure', reason: 'why' }],
      trace: [
        {
          rule: 'structure.odd',
          ruleSet: 'unknown-regime',
          reference: { text: 'T', provenance: 'interpretation' },
          inputs: { structure: 'x' },
          output: { passed: false, detail: 'd' },
        },
        {
          rule: 'member.odd',
          ruleSet: 'unknown-regime',
          reference: { text: 'T', provenance: 'secondary' },
          inputs: {},
          output: { passed: true, detail: 'kept detail' },
        },
        {
          rule: 'eligibility.odd',
          ruleSet: 'unknown-regime',
          reference: { text: 'T', provenance: 'secondary' },
          inputs: {},
          output: { passed: true, detail: 'eligibility detail' },
        },
        {
          rule: 'payments.odd',
          ruleSet: 'unknown-regime',
          reference: { text: 'T', provenance: 'secondary' },
          inputs: { amount: '12.00' },
          output: { dueBy: '2030-01-01' },
        },
        {
          rule: 'settlement.attainment.fileActive',
          ruleSet: 'unknown-regime',
          reference: { text: 'T', provenance: 'interpretation' },
          inputs: { policy: 'level', observed: 9, target: 9, minimum: 8, start: 9 },
          output: { rate: '1', fraction: '1' },
        },
        {
          rule: 'revaluation',
          ruleSet: 'unknown-regime',
          reference: { text: 'T', provenance: 'secondary' },
          inputs: { year: 2 },
          output: { revalued: true, pricedBy: 'unknown-regime' },
        },
      ],
    } as unknown as ResultBase;
    for (const lang of ['fr', 'en'] as const) {
      const text = explain(stored, { lang });
      expect(text).toContain(lang === 'fr' ? 'X ne peut pas signer le contrat collectif' : 'Condition not met: d.');
      expect(text).toContain('kept detail');
      expect(text).toContain('eligibility detail');
      expect(text).toContain(lang === 'fr' ? 'Versement : 12,00 €, au plus tard le 2030-01-01.' : 'Payment: €12.00, due by 2030-01-01.');
      expect(text).toContain(lang === 'fr' ? '9 ≥ 8 (minimum toléré), objectif atteint' : '9 ≥ 8 (tolerated minimum), target met');
      expect(text).toContain('otherMeasure');
      expect(text).toContain('unknown-regime (revalorisation des contrats en cours)'.slice(0, 14));
    }
  });
});

describe('explain: hand-edited figures, shown as they are stored', () => {
  it('writes amounts stored as numbers, keeps what is not an amount, and reads the level policy (settlement, "level")', () => {
    const schedule = aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' });
    const [first, ...rest] = schedule.years;
    const edited = (amount: unknown) => ({ ...schedule, years: [{ ...first, amount }, ...rest] }) as unknown as ResultBase;
    expect(explain(edited(18000), { lang: 'en' })).toContain('Year 1, 2023-09-01 to 2024-08-31: €18,000.00 [');
    expect(explain(edited(18000))).toContain('Année 1, du 2023-09-01 au 2024-08-31 : 18 000,00 € [');
    for (const odd of ['x18000', '18000x', '18 000'])
      expect(explain(edited(odd), { lang: 'en' }), odd).toContain(`Year 1, 2023-09-01 to 2024-08-31: ${odd} [`);
    expect(explain(edited(null), { lang: 'en' })).toContain('Year 1, 2023-09-01 to 2024-08-31: ? [');
    const step = {
      rule: 'settlement.attainment.medecinTraitant',
      ruleSet: 'reglement-arbitral-2023',
      reference: { text: 'T', provenance: 'interpretation' },
      inputs: { policy: 'level', observed: 9, target: 9, start: 5 },
      output: '1',
    };
    const level = { ...settlement, trace: [step], totals: [] } as unknown as ResultBase;
    expect(explain(level, { lang: 'en' })).toContain(
      'Attainment of the médecin traitant patientèle: 9 ≥ 9, target met, bounded to [0, 1] = 100.00 %.',
    );
    expect(explain(level)).toContain(
      'Atteinte de la patientèle médecin traitant : 9 ≥ 9, objectif atteint, bornée entre 0 et 1 = 100,00 %.',
    );
    const progress = {
      ...level,
      trace: [{ ...step, inputs: { policy: 'progress', observed: 9, target: 9, start: 5 } }],
    } as unknown as ResultBase;
    expect(explain(progress, { lang: 'en' })).toContain('(9 − 5) / (9 − 5), bounded to [0, 1] = 100.00 %.');
  });
});

describe('explain: the assistant’s conditions in French', () => {
  it('words the qualification, the deadlines, the hours and the secretary’s replacement', () => {
    const gp = { specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 900 } } as const;
    const text = [
      explain(
        checkEligibility({
          ...gp,
          signedOn: '2024-09-01',
          assistant: { hiredOn: '2024-09-02', qualification: 'none', convertedSecretary: true },
        }),
      ),
      explain(
        checkEligibility({
          ...gp,
          signedOn: '2023-09-01',
          assistant: { hiredOn: '2023-09-02', qualification: 'ide', trainingStartedOn: '2024-01-10', convertedSecretary: true },
        }),
      ),
      explain(checkEligibility({ ...gp, signedOn: '2024-09-01', assistant: { hiredOn: '2024-09-02', qualification: 'cqp' } })),
    ].join('\n');
    for (const phrase of [
      "l'assistant ne détient aucune des qualifications : la formation complète s'applique",
      'embauché le 2024-09-02 : qualification avant le 2026-09-02',
      '386 heures de formation',
      'la secrétaire devenue assistante doit être remplacée avant le 2025-03-02',
      "l'assistant détient un diplôme d'État (ide) : la formation courte s'applique",
      'embauché le 2023-09-02 : formation à commencer avant le 2025-09-02, qualification avant le 2026-09-02 ; formation commencée le 2024-01-10',
      'la secrétaire devenue assistante doit être remplacée.',
      "l'assistant détient le CQP d'assistant médical",
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
