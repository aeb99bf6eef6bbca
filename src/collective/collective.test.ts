// The collective contract of 2026 (regime collective-2026): every expected figure below is read
// on the ameli.fr page on the collective aid (through a secondary paraphrase) unless a comment
// names one of the library's interpretations (docs/interpretations.md).
import { describe, expect, it } from 'vitest';
import { aidSchedule, checkEligibility, compareContracts, explain, patientTargets, settleYear } from '../index.js';
import type { CollectiveMember } from '../eligibility/collective.js';
import { expectRulesError, inBothLanguages } from '../../test/helpers.js';
import { isCollective } from './common.js';
import { FOUR_GPS } from '../../test/fixtures.js';

const gp = (id: string, medecinTraitant: number, extra: Partial<CollectiveMember> = {}): CollectiveMember => ({
  id,
  specialty: 'medecine-generale',
  sector: 'secteur-1',
  patientele: { medecinTraitant, fileActive: medecinTraitant + 400 },
  ...extra,
});

// Four GPs of whom two host a docteur junior: the page's own example.
const group = {
  contract: 'collective',
  signedOn: '2026-11-15',
  structure: 'scm',
  members: [gp('A', 900, { hostsDocteurJunior: true }), gp('B', 800, { hostsDocteurJunior: true }), gp('C', 700), gp('D', 760)],
} as const;

const check = <C extends { readonly rule: string }>(result: { readonly checks: readonly C[] }, rule: string) =>
  result.checks.find((c) => c.rule === rule);

describe('collective contract: eligibility', () => {
  it('gives 4 members of whom 2 host a docteur junior 5 ETP at most (ameli example: 4 + 2 × 0.5)', () => {
    const result = checkEligibility(group);
    expect(result).toMatchObject({ kind: 'eligibility', contract: 'collective', ruleSet: 'collective-2026', eligible: true, maxEtp: 5 });
    expect(result.averageMedecinTraitant).toBe('790.00');
    expect(result.members.map((m) => m.eligible)).toEqual([true, true, true, true]);
    // The bonus date (November 2026) is read as its first day: an interpretation, named.
    expect(result.warnings.some((w) => w.startsWith('Interpretation (etp.bonus-from)'))).toBe(true);
  });

  it('applies the bonuses from 2026-11-01 (interpretation of "November 2026"), not the day before', () => {
    expect(checkEligibility({ ...group, signedOn: '2026-11-01' }).maxEtp).toBe(5);
    const before = checkEligibility({ ...group, signedOn: '2026-10-31' });
    expect(before.maxEtp).toBe(4);
    expect(before.warnings.some((w) => w.includes('signed from 2026-11-01'))).toBe(true);
  });

  it('adds half an ETP per member when the structure is an approved training site (4 members → 6)', () => {
    expect(checkEligibility({ ...group, trainingSite: true }).maxEtp).toBe(6);
  });

  it('checks the average, at least 775 médecin traitant: 775.0 passes, 774.75 fails', () => {
    const at = checkEligibility({ ...group, members: [gp('A', 775), gp('B', 700), gp('C', 850), gp('D', 775)] });
    expect(at.averageMedecinTraitant).toBe('775.00');
    expect(check(at, 'threshold.average-medecin-traitant')).toMatchObject({ passed: true });
    const below = checkEligibility({ ...group, members: [gp('A', 775), gp('B', 700), gp('C', 849), gp('D', 775)] });
    expect(below.averageMedecinTraitant).toBe('774.75');
    expect(below.eligible).toBe(false);
    expect(check(below, 'threshold.average-medecin-traitant')).toMatchObject({ passed: false });
  });

  it('refuses an SEL with the structure check', () => {
    const result = checkEligibility({ ...group, structure: 'sel' });
    expect(result.eligible).toBe(false);
    expect(check(result, 'structure.sel')).toMatchObject({ passed: false, detail: 'SEL cannot sign' });
  });

  it('refuses an MEP member, and a secteur 2 member without OPTAM', () => {
    const result = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 900, { mep: true, sector: 'secteur-2' })],
    });
    expect(result.eligible).toBe(false);
    const d = result.members[3];
    expect(d?.eligible).toBe(false);
    expect(d?.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual(['member.mep', 'member.sector.secteur-2']);
  });

  it('refuses a member whose individual contract still runs on the signing date, accepts one ended the day before', () => {
    const running = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 760, { individualContract: { signedOn: '2024-01-10' } })],
    });
    expect(running.members[3]?.checks.find((c) => c.rule === 'member.no-running-individual-contract')).toMatchObject({ passed: false });
    const endsThatDay = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 760, { individualContract: { signedOn: '2024-01-10', endsOn: '2026-11-15' } })],
    });
    expect(endsThatDay.members[3]?.eligible).toBe(false);
    const ended = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 760, { individualContract: { signedOn: '2024-01-10', endsOn: '2026-11-14' } })],
    });
    expect(ended.members[3]?.eligible).toBe(true);
    expect(ended.eligible).toBe(true);
  });

  it('makes a member of an ended collective contract wait 2 years, unless the caisse waives it', () => {
    const waiting = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 760, { previousCollectiveEndedOn: '2024-11-16' })],
    });
    expect(waiting.members[3]?.checks.at(-1)).toMatchObject({ rule: 'member.waiting-period', passed: false });
    expect(waiting.members[3]?.checks.at(-1)?.detail).toContain('2026-11-16');
    const waited = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 760, { previousCollectiveEndedOn: '2024-11-15' })],
    });
    expect(waited.members[3]?.eligible).toBe(true);
    const waived = checkEligibility({
      ...group,
      members: [...group.members.slice(0, 3), gp('D', 760, { previousCollectiveEndedOn: '2025-06-01', waiver: true })],
    });
    expect(waived.members[3]?.eligible).toBe(true);
  });

  it('refuses a non-GP member', () => {
    const result = checkEligibility({ ...group, members: [...group.members.slice(0, 3), gp('D', 900, { specialty: 'cardiologie' })] });
    expect(result.members[3]?.checks[0]).toMatchObject({ rule: 'member.specialty', passed: false });
  });

  it('has no regime for a collective contract signed 2026-02-24, the day before it came into force', () => {
    expectRulesError(() => checkEligibility({ ...group, signedOn: '2026-02-24' }), 'NO_RULE_SET', ['signedOn']);
    expect(checkEligibility({ ...group, signedOn: '2026-02-25' }).ruleSet).toBe('collective-2026');
  });

  it('refuses duplicate member ids, an installation after signature, and an individual regime forced on a group', () => {
    expectRulesError(() => checkEligibility({ ...group, members: [gp('A', 900), gp('A', 800)] }), 'INVALID_INPUT', ['members', 1, 'id']);
    expectRulesError(() => checkEligibility({ ...group, members: [gp('A', 900, { installedOn: '2026-12-01' })] }), 'INVALID_INPUT', [
      'members',
      0,
      'installedOn',
    ]);
    expectRulesError(() => checkEligibility({ ...group, ruleSet: 'convention-2024' }), 'INVALID_INPUT', ['ruleSet']);
    expectRulesError(() => checkEligibility({ ...group, members: [] }), 'INVALID_INPUT', ['members']);
  });
});

describe('collective contract: schedule', () => {
  it('pays 38 000 / 28 000 / 22 000 € per ETP: 5 ETP is 190 000, 140 000, then 110 000 a year', () => {
    const result = aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 5 });
    expect(result.years.map((y) => y.amount)).toEqual(['190000.00', '140000.00', '110000.00', '110000.00', '110000.00']);
    expect(result.total).toBe('660000.00');
    expect(result).toMatchObject({ kind: 'schedule', contract: 'collective', etp: 5 });
  });

  it('pays a half ETP half of each amount (interpretation): 2.5 ETP is 95 000, 70 000, 55 000', () => {
    const result = aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 2.5, years: 3 });
    expect(result.years.map((y) => y.amount)).toEqual(['95000.00', '70000.00', '55000.00']);
    expect(result.warnings.some((w) => w.startsWith('Interpretation (etp.half-share)'))).toBe(true);
  });

  it('takes the calendar of individual contracts (interpretation): year 1 within a month, 50 % advance from year 3', () => {
    const { years, warnings } = aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 1 });
    expect(years[0]?.payments).toEqual([
      { dueBy: '2026-12-15', amount: '38000.00', kind: 'full', conditional: false, rule: 'payments.year1' },
    ]);
    expect(years[2]?.payments.map((p) => [p.dueBy, p.amount, p.kind])).toEqual([
      ['2029-01-15', '11000.00', 'advance'],
      ['2030-01-15', '11000.00', 'balance'],
    ]);
    expect(warnings.some((w) => w.startsWith('Interpretation (payments.advance)'))).toBe(true);
  });

  it('refuses an ETP that is not a multiple of half an ETP, or not positive', () => {
    expectRulesError(() => aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 1.25 }), 'INVALID_INPUT', ['etp']);
    expectRulesError(() => aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 0 }), 'INVALID_INPUT', ['etp']);
    expectRulesError(() => aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 1, years: 6 }), 'YEAR_OUT_OF_RANGE', [
      'years',
    ]);
  });
});

describe('collective contract: targets', () => {
  const members = [
    { id: 'A', patientele: { medecinTraitant: 900, fileActive: 1300 }, gainedUnderIndividualContract: { medecinTraitant: 100 } },
    { id: 'B', patientele: { medecinTraitant: 600, fileActive: 900 }, installedOn: '2025-11-16' },
  ];

  it('asks +260 médecin traitant and +110 file active per ETP within 2 years, less earlier individual gains', () => {
    const result = patientTargets({ contract: 'collective', signedOn: '2026-11-15', etp: 5, members });
    expect(result.targets).toEqual({
      medecinTraitant: { start: 1500, increase: 1200, target: 2700, dueBy: '2028-11-15' }, // 5 × 260 − 100
      fileActive: { start: 2200, increase: 550, target: 2750, dueBy: '2028-11-15' }, // 5 × 110
    });
  });

  it('never lets earlier gains push a target below the start', () => {
    const result = patientTargets({
      contract: 'collective',
      signedOn: '2026-11-15',
      etp: 1,
      members: [
        {
          id: 'A',
          patientele: { medecinTraitant: 900, fileActive: 1300 },
          gainedUnderIndividualContract: { medecinTraitant: 400, fileActive: 110 },
        },
      ],
    });
    expect(result.targets.medecinTraitant.increase).toBe(0);
    expect(result.targets.fileActive.increase).toBe(0);
  });

  it('gives a member installed less than 12 months before signature the GP P50 (1 045 / 1 514) after 3 years', () => {
    const result = patientTargets({ contract: 'collective', signedOn: '2026-11-15', etp: 5, members });
    expect(result.members).toEqual([
      {
        id: 'B',
        medecinTraitant: { start: 600, target: 1045, dueBy: '2029-11-15' },
        fileActive: { start: 900, target: 1514, dueBy: '2029-11-15' },
      },
    ]);
    // Installed exactly 12 months before: not "less than 12 months".
    const twelve = patientTargets({
      contract: 'collective',
      signedOn: '2026-11-15',
      etp: 1,
      members: [{ ...members[1], id: 'B', patientele: { medecinTraitant: 600, fileActive: 900 }, installedOn: '2025-11-15' }],
    });
    expect(twelve.members).toEqual([]);
  });
});

describe('collective contract: settlement', () => {
  const contract = {
    contract: 'collective',
    signedOn: '2026-11-15',
    etp: 2,
    targets: { medecinTraitant: { start: 3000, target: 3520 }, fileActive: { start: 4000, target: 4220 } },
  } as const;

  it('prorates year 3 by the higher attainment (interpretation) and recovers the excess advance', () => {
    // File active: (4 110 − 4 000) / 220 = 1/2; MT: 3 100 − 3 000 = 100 of 520 → 5/26. Higher: 1/2.
    const result = settleYear({ ...contract, year: 3, observed: { medecinTraitant: 3100, fileActive: 4110 } });
    expect(result).toMatchObject({
      kind: 'settlement',
      contract: 'collective',
      annualAid: '44000.00', // 2 × 22 000
      attainment: { medecinTraitant: '0.1923', fileActive: '0.5000', combined: '0.5000' },
      aidDue: '22000.00',
      advance: '22000.00', // 50 % advance (calendar of individual contracts: interpretation)
      balance: '0.00',
      balanceKind: 'settled',
    });
    expect(result.risk).toBeUndefined();
  });

  it('flags a group below its start as a termination risk, never as money', () => {
    const result = settleYear({ ...contract, year: 3, observed: { medecinTraitant: 2950, fileActive: 4100 } });
    expect(result.risk).toBe('below-start');
    expect(result.aidDue).toBe('20000.00'); // 44 000 × 100/220
    expect(result.balance).toBe('-2000.00');
    expect(result.warnings.some((w) => w.includes('may end the contract'))).toBe(true);
  });

  it('names both measures when both fell below their start, in English and in French, and in the trace', () => {
    const both = { ...contract, year: 3, observed: { medecinTraitant: 2950, fileActive: 3990 } } as const;
    const result = settleYear(both);
    expect(result.risk).toBe('below-start');
    expect(result.trace.find((s) => s.rule === 'settlement.below-start')?.inputs).toEqual({ below: 'medecinTraitant, fileActive' });
    const warned = inBothLanguages(
      (o) => settleYear(both, o),
      (r) => (r as typeof result).warnings.at(-1),
    );
    expect(warned).toEqual({
      en: "The group's medecinTraitant and fileActive fell below its start: the caisse may end the contract (a risk, not a sum).",
      fr: 'La patientèle médecin traitant et la file active du groupe sont passées sous leur niveau de départ : la caisse peut résilier le contrat (un risque, pas une somme).',
    });
    const one = inBothLanguages(
      (o) => settleYear({ ...both, observed: { medecinTraitant: 3000, fileActive: 3990 } }, o),
      (r) => (r as typeof result).warnings.at(-1),
    );
    expect(one.fr).toBe(
      'La file active du groupe est passée sous son niveau de départ : la caisse peut résilier le contrat (un risque, pas une somme).',
    );
    // At the start exactly, nothing is below.
    expect(settleYear({ ...both, observed: { medecinTraitant: 3000, fileActive: 4000 } }).risk).toBeUndefined();
  });

  it('never modulates years 1 and 2', () => {
    expect(settleYear({ ...contract, year: 2 }).aidDue).toBe('56000.00');
  });

  it('lets the caller override the policies', () => {
    const result = settleYear({ ...contract, year: 3, observed: { medecinTraitant: 3100, fileActive: 4110 }, policy: { combine: 'min' } });
    expect(result.aidDue).toBe('8461.54'); // 44 000 × 5/26 = 8 461.538… → 8 461.54
  });

  it('explains itself in French, with the group aid per ETP', () => {
    const text = explain(settleYear({ ...contract, year: 3, observed: { medecinTraitant: 3100, fileActive: 4110 } }));
    expect(text).toContain("Aide du groupe pour l'année 3 : 22 000,00 € par ETP × 2 ETP = 44 000,00 €.");
    expect(text).toContain('Régime du contrat : collective-2026.');
  });
});

describe('individual or collective? (compareContracts)', () => {
  // A real-looking group: four GPs of an SCM, two hosting a docteur junior, signing in December 2026.
  const members = FOUR_GPS;
  const result = compareContracts({ signedOn: '2026-12-01', structure: 'scm', etp: 4, members });

  it('adds the individual aids of the doctors who could sign one (convention-2024 amounts: more than 775 médecin traitant)', () => {
    expect(result.individual.map((s) => [s.id, s.eligible, s.amounts[0]])).toEqual([
      ['Dr Martin', true, '38000.00'],
      ['Dr Bernard', true, '19000.00'],
      ['Dr Petit', false, '0.00'], // 700 ≤ 775: no individual contract
      ['Dr Durand', true, '19000.00'],
    ]);
    // Year 1: 38 000 + 19 000 + 19 000 = 76 000 against 4 × 38 000 = 152 000.
    expect(result.years[0]).toEqual({ year: 1, individual: '76000.00', collective: '152000.00', difference: '76000.00' });
    // Year 3: 22 000 + 11 000 + 11 000 = 44 000 against 4 × 22 000 = 88 000.
    expect(result.years[2]).toEqual({ year: 3, individual: '44000.00', collective: '88000.00', difference: '44000.00' });
    // Totals over five years: 76 000 + 56 000 + 3 × 44 000 = 264 000; 152 000 + 112 000 + 3 × 88 000 = 528 000.
    expect(result.totals).toEqual({ individual: '264000.00', collective: '528000.00', difference: '264000.00' });
  });

  it('sets the collective targets (4 × 260 and 4 × 110) against the individual estimates', () => {
    expect(result.increase.collective).toEqual({ medecinTraitant: 1040, fileActive: 440 });
    expect(result.increase.individual.medecinTraitant).toBeGreaterThan(0);
    expect(result.collective).toMatchObject({ eligible: true, maxEtp: 5, etp: 4 });
  });

  it('says what it cannot compare, and which tier it assumed', () => {
    expect(result.notComparable.length).toBeGreaterThanOrEqual(3);
    expect(result.warnings).toContain('Dr Martin: tier not given: the standard tier is assumed for the individual contract.');
    expect(result.warnings.some((w) => w.startsWith('Dr Durand: tier not given'))).toBe(false);
  });

  it('refuses more ETP than the group may have financed', () => {
    expectRulesError(() => compareContracts({ signedOn: '2026-12-01', structure: 'scm', etp: 5.5, members }), 'INVALID_INPUT', ['etp']);
  });
});

describe('collective contract: explained in French, every check worded', () => {
  const refused = checkEligibility({
    ...group,
    structure: 'sel',
    members: [
      gp('A', 900, { mep: true, sector: 'secteur-2' }),
      gp('B', 700, { specialty: 'cardiologie', individualContract: { signedOn: '2024-01-10' } }),
      gp('C', 700, { previousCollectiveEndedOn: '2025-06-01' }),
      gp('D', 800, { previousCollectiveEndedOn: '2025-06-01', waiver: true }),
      gp('E', 800, { previousCollectiveEndedOn: '2023-06-01', individualContract: { signedOn: '2022-01-10', endsOn: '2026-01-31' } }),
    ],
  });

  it('words each refused and passed check of a group in French', () => {
    const text = explain(refused);
    for (const phrase of [
      'Condition non remplie : SEL ne peut pas signer le contrat collectif.',
      'Condition non remplie : A : médecin à exercice particulier (MEP), non admis.',
      'Condition non remplie : A : secteur 2 sans OPTAM non admis.',
      'Condition non remplie : B : Cardiologie et maladies vasculaires, spécialité non admise (médecine générale seulement).',
      'Condition non remplie : B : contrat individuel signé le 2024-01-10 encore en cours le 2026-11-15, à résilier d',
      'Condition non remplie : C : contrat collectif précédent terminé le 2025-06-01, pas de nouveau contrat avant le 2027-06-01.',
      'Condition remplie : D : délai de carence levé par le directeur de la caisse',
      'Condition remplie : E : délai de carence écoulé',
      'Condition remplie : E : contrat individuel terminé le 2026-01-31, avant la signature.',
      'Condition remplie : C : secteur 1 admis.',
      "Condition remplie : C : n'est pas médecin à exercice particulier.",
      'Condition remplie : moyenne de la patientèle médecin traitant des membres 780,00 (3900 / 5) ≥ 775.',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).toContain('Éligible : non');
  });

  it('keeps the library text in English on request', () => {
    expect(explain(refused, { lang: 'en' })).toContain('Condition not met: SEL cannot sign.');
    const year = settleYear({ contract: 'collective', signedOn: '2026-11-15', etp: 1.5, year: 2 });
    expect(explain(year, { lang: 'en' })).toContain('Group aid for year 2: €28,000.00 per ETP × 1.5 ETP = €42,000.00.');
  });

  it('summarises a group schedule and the group targets', () => {
    const schedule = explain(aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 1, years: 1 }));
    expect(schedule).toContain('Année 1, du 2026-11-15 au 2027-11-14 : 38 000,00 €');
    const targets = explain(
      patientTargets({
        contract: 'collective',
        signedOn: '2026-11-15',
        etp: 1,
        members: [{ id: 'A', patientele: { medecinTraitant: 900, fileActive: 1300 } }],
      }),
      { lang: 'en' },
    );
    expect(targets).toContain('médecin traitant patientèle: 900 → 1160 (+260)');
  });

  it('warns about a waiver with no previous collective contract, and a newly installed member already at P50', () => {
    const waiver = checkEligibility({ ...group, members: [gp('A', 900, { waiver: true })] });
    expect(waiver.warnings).toContain('waiver has no effect for A: no previous collective contract is stated.');
    const installed = checkEligibility({
      ...group,
      members: [gp('A', 900, { installedOn: '2026-06-01' }), gp('B', 900, { installedOn: '2020-06-01' })],
    });
    expect(installed.members.map((m) => m.newlyInstalled)).toEqual([true, false]);
    const above = patientTargets({
      contract: 'collective',
      signedOn: '2026-11-15',
      etp: 1,
      members: [{ id: 'A', patientele: { medecinTraitant: 1100, fileActive: 1400 }, installedOn: '2026-06-01' }],
    });
    // 1 100 ≥ P50 1 045: no own médecin traitant target; 1 400 < 1 514: a file active one.
    expect(above.members).toEqual([{ id: 'A', fileActive: { start: 1400, target: 1514, dueBy: '2029-11-15' } }]);
    const both = patientTargets({
      contract: 'collective',
      signedOn: '2026-11-15',
      etp: 1,
      members: [{ id: 'A', patientele: { medecinTraitant: 1100, fileActive: 1600 }, installedOn: '2026-06-01' }],
    });
    expect(both.members).toEqual([]);
    expect(both.warnings).toContain('A is newly installed but already at or above the GP P50: no own target.');
    expectRulesError(
      () =>
        patientTargets({
          contract: 'collective',
          signedOn: '2026-11-15',
          etp: 1,
          members: [{ id: 'A', patientele: { medecinTraitant: 1, fileActive: 1 }, installedOn: '2027-01-01' }],
        }),
      'INVALID_INPUT',
      ['members', 0, 'installedOn'],
    );
  });

  it('flags the risk below the start in any year, and refuses a year beyond the contract', () => {
    const year1 = settleYear({
      contract: 'collective',
      signedOn: '2026-11-15',
      etp: 1,
      year: 1,
      targets: { medecinTraitant: { start: 900, target: 1160 } },
      observed: { medecinTraitant: 850 },
    });
    expect(year1.risk).toBe('below-start');
    expect(year1.aidDue).toBe('38000.00');
    expectRulesError(() => settleYear({ contract: 'collective', signedOn: '2026-11-15', etp: 1, year: 6 }), 'YEAR_OUT_OF_RANGE', ['year']);
  });
});

describe('compareContracts: the cases a group meets', () => {
  const base = { signedOn: '2026-12-01', structure: 'scm', etp: 1 } as const;
  const a = { id: 'A', sector: 'secteur-1', patientele: { medecinTraitant: 900, fileActive: 1300 }, option: 'half-time' } as const;

  it('refuses more ETP than the group may have, with decimal commas in French (collective 2026, etp.docteur-junior: +0.5 per host)', () => {
    const input = {
      ...base,
      signedOn: '2026-11-15',
      members: [
        { ...a, hostsDocteurJunior: true },
        { ...a, id: 'B' },
      ],
    };
    const said = (etp: number) =>
      (['en', 'fr'] as const).map(
        (lang) => expectRulesError(() => compareContracts({ ...input, etp }, { lang }), 'INVALID_INPUT', ['etp']).issues[0]?.message,
      );
    expect(said(3)).toEqual(['the group may have at most 2.5 ETP financed, not 3', 'le groupe peut avoir au plus 2,5 ETP financés, pas 3']);
    expect(said(3.5)).toEqual([
      'the group may have at most 2.5 ETP financed, not 3.5',
      'le groupe peut avoir au plus 2,5 ETP financés, pas 3,5',
    ]);
    expect(compareContracts({ ...input, etp: 2.5 }).kind).toBe('comparison');
  });

  it('sets the collective column to 0 and says so when the group cannot sign', () => {
    const result = compareContracts({ ...base, structure: 'sel', members: [a] });
    expect(result.collective.eligible).toBe(false);
    expect(result.years[0]).toEqual({ year: 1, individual: '19000.00', collective: '0.00', difference: '-19000.00' });
    expect(result.notComparable[0]).toContain('not eligible for a collective contract');
  });

  it('uses the tier, specialty, training site, MEP flag and installation date it is given', () => {
    const result = compareContracts({
      ...base,
      etp: 2,
      trainingSite: true,
      years: 2,
      members: [
        { ...a, tier: 'p95-plus' },
        {
          id: 'B',
          specialty: 'medecine-generale',
          sector: 'secteur-1',
          mep: false,
          installedOn: '2026-03-01',
          patientele: { medecinTraitant: 800, fileActive: 1200 },
          option: 'full-time',
          hostsDocteurJunior: true,
        },
      ],
    });
    // A at ≥ P95: the year-1 amount every year (19 000); B: 38 000 then 28 000.
    expect(result.individual.map((s) => s.amounts)).toEqual([
      ['19000.00', '19000.00'],
      ['38000.00', '28000.00'],
    ]);
    expect(result.collective.maxEtp).toBe(3); // training site: + 0.5 per member
    expect(result.years).toHaveLength(2);
  });

  it('counts no increase for a member who could not sign individually, and refuses duplicate members', () => {
    const low = compareContracts({ ...base, members: [{ ...a, id: 'L', patientele: { medecinTraitant: 700, fileActive: 1000 } }] });
    expect(low.individual[0]?.increase).toBeNull();
    expect(low.increase.individual).toEqual({ medecinTraitant: 0, fileActive: 0 });
    expectRulesError(() => compareContracts({ ...base, members: [a, a] }), 'INVALID_INPUT', ['members', 1, 'id']);
  });
});

describe('collective contract: what makes an input collective, and the checks every collective input shares', () => {
  it('reads the own, plain `contract` data of an object only', () => {
    expect(isCollective({ contract: 'collective' })).toBe(true);
    expect(isCollective({ contract: 'individual' })).toBe(false);
    expect(isCollective({})).toBe(false);
    expect(isCollective(Object.create({ contract: 'collective' }) as object)).toBe(false); // inherited
    expect(
      isCollective({
        get contract() {
          return 'collective';
        },
      }),
    ).toBe(false); // an accessor, not data
    const revoked = Proxy.revocable({ contract: 'collective' }, {});
    revoked.revoke();
    expect(isCollective(revoked.proxy)).toBe(false); // unreadable: the individual reading names the problem
    for (const value of [null, undefined, 'collective', 1]) expect(isCollective(value)).toBe(false);
  });

  it('refuses two members with the same identifier, naming the second, in both languages', () => {
    const twice = { ...group, members: [gp('A', 900), gp('B', 800), gp('A', 700)] };
    expectRulesError(() => checkEligibility(twice), 'INVALID_INPUT', ['members', 2, 'id']);
    expect(inBothLanguages((o) => checkEligibility(twice, o))).toEqual({
      en: { error: 'INVALID_INPUT at members.2.id: two members share the identifier "A"' },
      fr: { error: 'INVALID_INPUT en members.2.id : deux membres ont le même identifiant "A"' },
    });
  });

  it('refuses an ETP that is not a whole number of half-ETP steps, in both languages (interpretation etp.step)', () => {
    expect(inBothLanguages((o) => aidSchedule({ contract: 'collective', signedOn: '2026-11-15', etp: 1.25 }, o))).toEqual({
      en: { error: 'INVALID_INPUT at etp: the ETP financed goes in steps of 0.5: 1.25 is not one' },
      fr: { error: "INVALID_INPUT en etp : l'ETP financé va par pas de 0,5 : 1,25 n'en est pas un" },
    });
  });
});

describe('collective contract: members at the edges of their dates', () => {
  const withA = (extra: Partial<CollectiveMember>, medecinTraitant = 900) => ({
    ...group,
    members: [gp('A', medecinTraitant, extra), ...group.members.slice(1)],
  });

  it('refuses a member installed after the signing date, and takes one installed on it (eligibility and targets, both languages)', () => {
    expect(inBothLanguages((o) => checkEligibility(withA({ installedOn: '2026-11-16' }), o))).toEqual({
      en: { error: 'INVALID_INPUT at members.0.installedOn: A is installed on 2026-11-16, after the signing date 2026-11-15' },
      fr: { error: 'INVALID_INPUT en members.0.installedOn : A est installé(e) le 2026-11-16, après la date de signature 2026-11-15' },
    });
    expect(checkEligibility(withA({ installedOn: '2026-11-15' })).eligible).toBe(true);
    const targets = (installedOn: string) => (o: { lang: 'en' | 'fr' }) =>
      patientTargets(
        {
          contract: 'collective',
          signedOn: '2026-11-15',
          etp: 1,
          members: [{ id: 'A', patientele: { medecinTraitant: 900, fileActive: 1300 }, installedOn }],
        },
        o,
      ).members;
    expect(inBothLanguages(targets('2026-11-16'))).toEqual({
      en: { error: 'INVALID_INPUT at members.0.installedOn: A is installed on 2026-11-16, after the signing date 2026-11-15' },
      fr: { error: 'INVALID_INPUT en members.0.installedOn : A est installé(e) le 2026-11-16, après la date de signature 2026-11-15' },
    });
    expect(inBothLanguages(targets('2026-11-15')).en).toEqual([
      {
        id: 'A',
        medecinTraitant: { start: 900, target: 1045, dueBy: '2029-11-15' },
        fileActive: { start: 1300, target: 1514, dueBy: '2029-11-15' },
      },
    ]);
  });

  it('marks a member newly installed less than 12 months before signing, not 12 months exactly', () => {
    expect(checkEligibility(withA({ installedOn: '2025-11-16' }, 500)).members[0]?.newlyInstalled).toBe(true);
    expect(checkEligibility(withA({ installedOn: '2025-11-15' }, 500)).members[0]?.newlyInstalled).toBe(false);
  });

  it('gives a newly installed member no target on a measure already at the GP P50 (1 045 médecin traitant)', () => {
    const result = patientTargets({
      contract: 'collective',
      signedOn: '2026-11-15',
      etp: 1,
      members: [{ id: 'B', patientele: { medecinTraitant: 1045, fileActive: 900 }, installedOn: '2026-05-15' }],
    });
    expect(result.members).toEqual([{ id: 'B', fileActive: { start: 900, target: 1514, dueBy: '2029-11-15' } }]);
  });

  it('holds a member within the waiting period after a collective contract, unless the caisse waives it (both languages)', () => {
    const waiting = (extra: Partial<CollectiveMember>) => (o: { lang: 'en' | 'fr' }) =>
      checkEligibility(withA(extra), o).members[0]?.checks.find((c) => c.rule === 'member.waiting-period');
    expect(inBothLanguages(waiting({ previousCollectiveEndedOn: '2025-01-01' }))).toMatchObject({
      en: { passed: false, detail: 'A: previous collective contract ended 2025-01-01: no new contract before 2027-01-01' },
      fr: { passed: false, detail: 'A : contrat collectif précédent terminé le 2025-01-01, pas de nouveau contrat avant le 2027-01-01' },
    });
    expect(inBothLanguages(waiting({ previousCollectiveEndedOn: '2025-01-01', waiver: true }))).toMatchObject({
      en: { passed: true, detail: "A: waiting period until 2027-01-01 waived by the caisse's director" },
      fr: {
        passed: true,
        detail: 'A : délai de carence levé par le directeur de la caisse (contrat collectif précédent terminé le 2025-01-01)',
      },
    });
    expect(inBothLanguages(waiting({ previousCollectiveEndedOn: '2024-11-15' })).en).toMatchObject({
      passed: true,
      detail: 'A: previous collective contract ended 2024-11-15, 2 years have passed',
    });
  });
});
