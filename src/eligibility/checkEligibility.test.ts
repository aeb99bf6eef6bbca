import { describe, expect, it } from 'vitest';
import { expectRulesError } from '../../test/helpers.js';
import { checkEligibility, type EligibilityInput } from '../index.js';

const gp2023 = (mt: number, extra: Partial<EligibilityInput> = {}) =>
  checkEligibility({
    signedOn: '2023-09-01',
    specialty: 'medecine-generale',
    sector: 'secteur-1',
    patientele: { medecinTraitant: mt },
    ...extra,
  });

const av7 = (extra: Partial<EligibilityInput> = {}) =>
  checkEligibility({
    signedOn: '2021-03-01',
    specialty: 'medecine-generale',
    sector: 'secteur-1',
    patientele: { medecinTraitant: 900 },
    groupPractice: 'member',
    coordinatedPractice: 'member',
    zone: 'none',
    ...extra,
  });

const rule = (result: ReturnType<typeof checkEligibility>, id: string) => result.checks.find((c) => c.rule === id);

describe('checkEligibility — règlement arbitral 2023 and convention 2024', () => {
  // ameli.fr (May 2023): GPs need more than 775 médecin traitant patients, P30 at 31 Dec 2021.
  it('rejects a GP with exactly 775 médecin traitant patients and accepts 776', () => {
    const at = gp2023(775);
    expect(at.eligible).toBe(false);
    expect(at.options).toEqual([]);
    expect(rule(at, 'eligibility.gp-threshold')).toMatchObject({ passed: false, detail: '775 medecinTraitant patients ≤ P30 775' });
    const above = gp2023(776);
    expect(above.eligible).toBe(true);
    expect(above.options).toEqual(['half-time', 'full-time']); // no one-third, no zone condition for full-time
    expect(above.ruleSet).toBe('reglement-arbitral-2023');
  });

  it('applies the same threshold under the 2024 convention', () => {
    expect(gp2023(775, { signedOn: '2024-06-22' }).eligible).toBe(false);
    expect(gp2023(776, { signedOn: '2024-06-22' }).ruleSet).toBe('convention-2024');
    expect(gp2023(776, { signedOn: '2024-06-22' }).eligible).toBe(true);
  });

  it.each([
    ['secteur-1', true],
    ['secteur-2-optam', true],
    ['secteur-2-optam-co', true],
    ['secteur-2', false],
  ] as const)('sector %s eligible: %s (ameli.fr 2023)', (sector, eligible) => {
    const result = gp2023(900, { sector });
    expect(result.eligible).toBe(eligible);
    expect(rule(result, `eligibility.sector.${sector}`)?.reference.provenance).toBe('official-guidance');
  });

  it.each(['radiologie', 'radiotherapie', 'stomatologie', 'anesthesiologie', 'anatomo-cytopathologie', 'medecine-nucleaire'] as const)(
    'excludes %s (ameli.fr 2023)',
    (specialty) => {
      const result = checkEligibility({
        signedOn: '2023-09-01',
        specialty,
        sector: 'secteur-1',
        patientele: { fileActive: 5000 },
        percentiles: { fileActive: { p30: 1000 } },
      });
      expect(result.eligible).toBe(false);
      expect(rule(result, 'eligibility.excluded-specialties')?.passed).toBe(false);
    },
  );

  const surgeon = (signedOn: string, ccamFeeShare: number, specialty: EligibilityInput['specialty'] = 'chirurgie-orthopedique') =>
    checkEligibility({
      signedOn,
      specialty,
      sector: 'secteur-1',
      patientele: { fileActive: 2000 },
      ccamFeeShare,
      percentiles: { fileActive: { p30: 1000 } },
    });

  it('requires surgeons below 20 % of CCAM fees in 2023: 0.1999 passes, 0.20 fails', () => {
    expect(surgeon('2023-09-01', 0.1999).eligible).toBe(true);
    expect(surgeon('2023-09-01', 0.2).eligible).toBe(false);
  });

  it('accepts exactly 20 % of CCAM fees from 2024 ("80 % and more clinical fees"), and extends the rule to ENT and gynaecology', () => {
    expect(surgeon('2024-07-01', 0.2).eligible).toBe(true);
    expect(surgeon('2024-07-01', 0.2001).eligible).toBe(false);
    expect(surgeon('2024-07-01', 0.35, 'oto-rhino-laryngologie').eligible).toBe(false);
    // In 2023 ENT was not subject to the rule: the share is not asked.
    expect(rule(surgeon('2023-09-01', 0.35, 'oto-rhino-laryngologie'), 'eligibility.surgical-ccam-share')).toBeUndefined();
  });

  it('asks a surgeon for the CCAM share instead of guessing', () => {
    expectRulesError(
      () =>
        checkEligibility({
          signedOn: '2023-09-01',
          specialty: 'chirurgie-viscerale',
          sector: 'secteur-1',
          patientele: { fileActive: 2000 },
        }),
      'MISSING_INPUT',
      ['ccamFeeShare'],
    );
  });

  it('reads other specialties on the file active, at least their P30 (caller-supplied): 999 fails, 1000 passes', () => {
    const cardio = (fa: number) =>
      checkEligibility({
        signedOn: '2023-09-01',
        specialty: 'cardiologie',
        sector: 'secteur-1',
        patientele: { fileActive: fa },
        percentiles: { fileActive: { p30: 1000 } },
      });
    expect(cardio(999).eligible).toBe(false);
    expect(cardio(1000).eligible).toBe(true);
    expect(cardio(1000).warnings).toContain('Caller-supplied figure: P30 of fileActive for cardiologie = 1000.');
    expect(cardio(1000).trace.find((s) => s.rule === 'percentile.fileActive.p30')?.reference.provenance).toBe('caller-supplied');
  });

  it("asks for a specialty's P30 the library does not know", () => {
    expectRulesError(
      () => checkEligibility({ signedOn: '2023-09-01', specialty: 'dermatologie', sector: 'secteur-1', patientele: { fileActive: 3000 } }),
      'MISSING_INPUT',
      ['percentiles', 'fileActive', 'p30'],
    );
  });

  it('accepts newly installed doctors below the threshold (ameli.fr 2023)', () => {
    const result = gp2023(120, { newlyInstalled: true });
    expect(result.eligible).toBe(true);
    expect(rule(result, 'eligibility.newly-installed')?.passed).toBe(true);
    expect(rule(result, 'eligibility.gp-threshold')).toBeUndefined();
  });

  it('accepts doctors with a disability, warning that the terms are set case by case', () => {
    const result = gp2023(300, { disability: true });
    expect(result.eligible).toBe(true);
    expect(result.warnings.some((w) => w.includes('case by case'))).toBe(true);
  });

  it('accepts mixed salaried activity under the 2024 convention, with a warning', () => {
    const result = gp2023(900, { signedOn: '2024-09-01', mixedActivity: true });
    expect(rule(result, 'eligibility.mixed-activity')?.passed).toBe(true);
    expect(result.warnings.some((w) => w.startsWith('Mixed salaried activity'))).toBe(true);
  });
});

describe('checkEligibility — avenant 7 (2019)', () => {
  // Seed brochures: GPs more than 640 adult médecin traitant patients.
  it('rejects a GP with 640 adult MT patients and accepts 641', () => {
    expect(av7({ patientele: { medecinTraitant: 640 } }).eligible).toBe(false);
    expect(av7({ patientele: { medecinTraitant: 641 } }).eligible).toBe(true);
    expect(rule(av7({ patientele: { medecinTraitant: 641 } }), 'eligibility.gp-threshold')?.detail).toBe(
      '641 medecinTraitant (adults) patients > P30 640',
    );
  });

  it('opens one-third and half-time, and full-time only in a ZIP zone', () => {
    expect(av7().options).toEqual(['one-third', 'half-time']);
    expect(av7({ zone: 'zip' }).options).toEqual(['one-third', 'half-time', 'full-time']);
    expect(rule(av7(), 'eligibility.full-time.zip')).toMatchObject({ passed: false, scope: 'full-time' });
  });

  it('opens full-time in a ZAC zone from avenant 8 when the patientèle is at least P50 (caller-supplied)', () => {
    const zac = (mt: number) => av7({ zone: 'zac', patientele: { medecinTraitant: mt }, percentiles: { medecinTraitant: { p50: 1000 } } });
    expect(zac(999).options).toEqual(['one-third', 'half-time']);
    expect(zac(1000).options).toEqual(['one-third', 'half-time', 'full-time']);
  });

  it('does not open full-time in a ZAC zone before 2020-10-01, and says the date is uncertain', () => {
    const result = av7({ signedOn: '2020-09-30', zone: 'zac', percentiles: { medecinTraitant: { p50: 800 } } });
    expect(result.options).toEqual(['one-third', 'half-time']);
    expect(result.warnings.some((w) => w.includes('Avenant 8'))).toBe(true);
  });

  it('warns when the ZAC route cannot be evaluated for lack of a P50', () => {
    const result = av7({ zone: 'zac' });
    expect(result.options).toEqual(['one-third', 'half-time']);
    expect(result.warnings.some((w) => w.includes('percentiles.medecinTraitant.p50'))).toBe(true);
  });

  it('requires group and coordinated practice, or a commitment within 2 years', () => {
    expect(av7({ groupPractice: 'committed', coordinatedPractice: 'committed' }).eligible).toBe(true);
    expect(av7({ groupPractice: 'none' }).eligible).toBe(false);
    expect(av7({ coordinatedPractice: 'none' }).eligible).toBe(false);
  });

  it('exempts a doctor alone in a ZIP zone from the group condition (secondary source)', () => {
    const result = av7({ groupPractice: 'none', zone: 'zip' });
    expect(result.eligible).toBe(true);
    expect(rule(result, 'eligibility.group-practice.zip-exemption')?.reference.provenance).toBe('secondary');
  });

  it('asks for the facts avenant 7 depends on', () => {
    const base = {
      signedOn: '2021-03-01',
      specialty: 'medecine-generale',
      sector: 'secteur-1',
      patientele: { medecinTraitant: 900 },
    } as const;
    expectRulesError(() => checkEligibility(base), 'MISSING_INPUT', ['groupPractice']);
    expectRulesError(() => checkEligibility({ ...base, groupPractice: 'member' }), 'MISSING_INPUT', ['zone']);
    expectRulesError(() => checkEligibility({ ...base, groupPractice: 'member', zone: 'none' }), 'MISSING_INPUT', ['coordinatedPractice']);
  });

  it('accepts OPTAM-CO as an interpretation, named in the warnings', () => {
    const result = av7({ sector: 'secteur-2-optam-co' });
    expect(result.eligible).toBe(true);
    expect(result.warnings.some((w) => w.startsWith('Interpretation (eligibility.sector.secteur-2-optam-co)'))).toBe(true);
    expect(av7({ sector: 'secteur-2' }).eligible).toBe(false);
  });

  it('exempts GPs with more than 20 % of children, and RQTH doctors, from the threshold', () => {
    expect(av7({ patientele: { medecinTraitant: 300 }, childrenShare: 0.21 }).eligible).toBe(true);
    expect(av7({ patientele: { medecinTraitant: 300 }, childrenShare: 0.2 }).eligible).toBe(false);
    expect(av7({ patientele: { medecinTraitant: 300 }, disability: true }).eligible).toBe(true);
  });

  it('restricts radiology to listed départements and asks whether the doctor is in one', () => {
    const radio = (restrictedDepartement?: boolean) =>
      av7({
        specialty: 'radiologie',
        patientele: { fileActive: 3000 },
        percentiles: { fileActive: { p30: 1000 } },
        ...(restrictedDepartement === undefined ? {} : { restrictedDepartement }),
      });
    expectRulesError(() => radio(), 'MISSING_INPUT', ['restrictedDepartement']);
    expect(radio(true).eligible).toBe(true);
    expect(radio(false).eligible).toBe(false);
  });

  it('reads other specialties strictly above their P30 under avenant 7: 1000 fails, 1001 passes', () => {
    const cardio = (fa: number) =>
      av7({ specialty: 'cardiologie', patientele: { fileActive: fa }, percentiles: { fileActive: { p30: 1000 } } });
    expect(cardio(1000).eligible).toBe(false);
    expect(cardio(1001).eligible).toBe(true);
    expect(cardio(1001).warnings.some((w) => w.includes('annex listing them is not encoded'))).toBe(true);
  });
});

describe('checkEligibility — results', () => {
  it('returns a frozen, JSON-serialisable result whose trace starts with the regime', () => {
    const result = gp2023(900);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.checks[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.trace[0]).toMatchObject({ rule: 'rule-set', output: { ruleSet: 'reglement-arbitral-2023' } });
  });

  it('flags a forced regime as a what-if', () => {
    const result = gp2023(900, { ruleSet: 'convention-2024' });
    expect(result.ruleSet).toBe('convention-2024');
    expect(result.warnings[0]).toContain('what-if');
  });

  it('names the inputs the regime has no rule for instead of ignoring them silently', () => {
    const result = gp2023(900, { groupPractice: 'none', childrenShare: 0.3, ccamFeeShare: 0.5, zone: 'zip' });
    expect(result.eligible).toBe(true);
    for (const field of ['groupPractice', 'childrenShare', 'ccamFeeShare', 'zone']) {
      expect(result.warnings).toContain(
        `${field} has no effect for this doctor under reglement-arbitral-2023: no rule of that regime uses it.`,
      );
    }
    expect(av7({ mixedActivity: true }).warnings.some((w) => w.startsWith('mixedActivity has no effect'))).toBe(true);
    expect(av7().warnings.some((w) => w.includes('has no effect'))).toBe(false);
  });
});

// The assistant: qualifications (arrêté of 7 November 2019), training deadlines (avenant 7
// art. 9-2: start within 2 years, qualified within 3; convention 2024: qualified within 2 years,
// secondary), training hours (386, or 112 with a State diploma: official guidance).
describe('checkEligibility — the assistant', () => {
  const gp = { specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 900 } } as const;

  it('gives an assistant hired 2024-09-02 without the CQP the 2024 convention deadline: qualified by 2026-09-02', () => {
    const result = checkEligibility({ ...gp, signedOn: '2024-09-01', assistant: { hiredOn: '2024-09-02', qualification: 'none' } });
    expect(result.assistant).toEqual({
      qualified: false,
      trainingHours: 386,
      trainingStartBy: null,
      qualifiedBy: '2026-09-02',
      secretaryReplaceBy: null,
    });
    const check = result.checks.find((c) => c.rule === 'assistant.training-deadline');
    expect(check?.reference.provenance).toBe('secondary');
    expect(result.eligible).toBe(true);
  });

  it('under avenant 7: training to start within 2 years and qualified within 3 (art. 9-2); a late start fails its check', () => {
    const av7 = { ...gp, signedOn: '2021-03-01', groupPractice: 'member', coordinatedPractice: 'member', zone: 'none' } as const;
    const result = checkEligibility({
      ...av7,
      assistant: { hiredOn: '2021-03-15', qualification: 'ide', trainingStartedOn: '2023-04-01' },
    });
    expect(result.assistant).toMatchObject({ trainingHours: 112, trainingStartBy: '2023-03-15', qualifiedBy: '2024-03-15' });
    const check = result.checks.find((c) => c.rule === 'assistant.training-deadline');
    expect(check).toMatchObject({ passed: false, scope: 'assistant' });
    expect(check?.reference).toMatchObject({ provenance: 'legal-text', article: 'art. 9-2' });
  });

  it('asks nothing more of a CQP holder, and dates a converted secretary’s replacement (2024: within 6 months)', () => {
    const cqp = checkEligibility({
      ...gp,
      signedOn: '2024-09-01',
      assistant: { hiredOn: '2024-09-02', qualification: 'cqp', convertedSecretary: true },
    });
    expect(cqp.assistant).toEqual({
      qualified: true,
      trainingHours: null,
      trainingStartBy: null,
      qualifiedBy: null,
      secretaryReplaceBy: '2025-03-02',
    });
    const ra = checkEligibility({
      ...gp,
      signedOn: '2023-09-01',
      assistant: { hiredOn: '2023-09-02', qualification: 'as', convertedSecretary: true },
    });
    expect(ra.assistant).toMatchObject({
      trainingHours: 112,
      trainingStartBy: '2025-09-02',
      qualifiedBy: '2026-09-02',
      secretaryReplaceBy: null,
    });
    expect(ra.warnings.some((w) => w.startsWith('Interpretation (assistant.secretary-conversion)'))).toBe(true);
  });
});

describe('what a missing fact is asked for, in both languages', () => {
  const gp = { specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 900 } } as const;
  const messages = (call: (lang: 'en' | 'fr') => unknown, path: readonly string[]) =>
    (['en', 'fr'] as const).map((lang) => expectRulesError(() => call(lang), 'MISSING_INPUT', path).issues[0]?.message);

  it('asks an avenant 7 doctor for coordinated practice (avenant 7, eligibility.coordinated-practice: a condition of the contract)', () => {
    const input = { ...gp, signedOn: '2020-09-01', groupPractice: 'member', zone: 'none' } as const;
    expect(messages((lang) => checkEligibility(input, { lang }), ['coordinatedPractice'])).toEqual([
      'Avenant 7 (2019) needs coordinatedPractice: coordinated practice is a condition of avenant 7',
      "Avenant 7 (2019) demande coordinatedPractice : l'exercice coordonné est une condition de l'avenant 7",
    ]);
  });

  it('asks for the zone of a doctor who wants a second assistant (convention 2024, eligibility.second-assistant: ZIP zones only)', () => {
    const input = {
      ...gp,
      signedOn: '2024-09-01',
      secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true },
    } as const;
    expect(messages((lang) => checkEligibility(input, { lang }), ['zone'])).toEqual([
      'Convention médicale (2024) needs zone: a second assistant is open only in a ZIP zone',
      "Convention médicale (2024) demande zone : un second assistant n'est ouvert qu'en zone ZIP",
    ]);
  });
});
