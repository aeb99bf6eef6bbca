// French at every door: with `lang: 'fr'` what a person reads (warnings, check details,
// unavailable reasons, error messages) is French, and the French explain is free of English.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { FOUR_GPS } from './fixtures.js';
import { expectRulesError } from './helpers.js';

type Run = (input: unknown, options?: library.CallOptions) => library.ResultBase;
const functions: Record<string, Run> = {
  checkEligibility: library.checkEligibility as Run,
  aidSchedule: library.aidSchedule as Run,
  patientTargets: library.patientTargets as Run,
  settleYear: library.settleYear as Run,
};

/** Every golden scenario's input, with its function: cases across the regimes, each with its source. */
const dir = join(import.meta.dirname, 'golden');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => {
    const suite = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { function: string; scenarios: { name: string; input: unknown }[] };
    return suite.scenarios.map((s) => ({ name: `${suite.function}: ${s.name}`, run: functions[suite.function] as Run, input: s.input }));
  });

const group = {
  contract: 'collective',
  signedOn: '2026-11-15',
  structure: 'scm',
  members: FOUR_GPS.map((m) => ({ id: m.id, specialty: 'medecine-generale', sector: m.sector, patientele: m.patientele })),
};
const eligibilityCases = [
  {
    signedOn: '2021-03-01',
    specialty: 'medecine-generale',
    sector: 'secteur-1',
    patientele: { medecinTraitant: 920, fileActive: 1350 },
    groupPractice: 'member',
    coordinatedPractice: 'committed',
    zone: 'zac',
  },
  {
    signedOn: '2023-09-01',
    specialty: 'chirurgie-viscerale',
    sector: 'secteur-2-optam',
    patientele: { fileActive: 900 },
    ccamFeeShare: 0.25,
    percentiles: { fileActive: { p30: 1000 } },
  },
  { signedOn: '2025-02-01', specialty: 'medecine-generale', sector: 'secteur-2', patientele: { medecinTraitant: 700 }, zone: 'zip' },
  group,
];

const RA_INPUT = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' } as const;

/** English words that must not reach a French reader (identifiers, URLs and rule ids are left out first). */
const ENGLISH =
  /\b(the|and|of|is|not|with|for|by|full|half|time|third|amended|true|false|yes|no|tier|given|supplied|caller|targets?|years?|advance|balance|payments?|amount|rates?|band|unavailable|known|none|eligible|group|within|below|above|after|before|must|cannot|has|effect)\b/i;

/** The words of a French text that are not identifiers: tokens with a dot, a hyphen, a slash or camelCase are codes. */
function englishIn(text: string): string[] {
  const words = text
    .replace(/https?:\S+/g, ' ')
    .replace(/Source \([^)]*\)/g, ' ') // a step's rule id
    .replace(/\([a-z0-9]+(?:[.-][A-Za-z0-9-]+)+\)/g, ' ') // "(payments.later-years)"
    .split(/[\s,;:()«»"'’[\]=→/]+/)
    .filter((w) => w !== '' && !/[.\-_]/.test(w) && !/[a-z][A-Z]/.test(w));
  return words.filter((w) => ENGLISH.test(w));
}

describe('French at every door (lang: fr)', () => {
  it('has golden cases to read', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const c of cases) {
    it(`explains in French without English words: ${c.name}`, () => {
      const result = c.run(c.input, { lang: 'fr' });
      const text = library.explain(result, { lang: 'fr' });
      expect(englishIn(text)).toEqual([]);
      expect(englishIn(result.warnings.join('\n'))).toEqual([]);
    });
  }

  it.each(eligibilityCases.map((input, n) => [n, input] as const))('words every check of eligibility case %i in French', (_, input) => {
    const result = library.checkEligibility(input as library.EligibilityInput, { lang: 'fr' });
    const details = result.checks.map((c) => c.detail).join('\n');
    expect(englishIn(details)).toEqual([]);
    expect(englishIn(result.warnings.join('\n'))).toEqual([]);
    expect(englishIn(library.explain(result))).toEqual([]);
  });

  it('explains a group’s collective contract in French without English words: eligibility, targets, schedule, settlement', () => {
    const members = FOUR_GPS.map((m) => ({ id: m.id, patientele: m.patientele }));
    const base = { contract: 'collective', signedOn: '2026-11-15', etp: 4 } as const;
    const targets = library.patientTargets({ ...base, members }, { lang: 'fr' });
    const results: library.ResultBase[] = [
      library.checkEligibility(group as library.CollectiveEligibilityInput, { lang: 'fr' }),
      targets,
      library.aidSchedule(base, { lang: 'fr' }),
      library.settleYear(
        {
          ...base,
          year: 3,
          targets: {
            medecinTraitant: { start: targets.targets.medecinTraitant.start, target: targets.targets.medecinTraitant.target },
            fileActive: { start: targets.targets.fileActive.start, target: targets.targets.fileActive.target },
          },
          observed: { medecinTraitant: targets.targets.medecinTraitant.start + 500, fileActive: targets.targets.fileActive.start },
        },
        { lang: 'fr' },
      ),
    ];
    for (const result of results) {
      expect(englishIn(library.explain(result))).toEqual([]);
      expect(englishIn(result.warnings.join('\n'))).toEqual([]);
    }
  });

  it('writes the same figures in both languages: only the words change', () => {
    const input = {
      signedOn: '2023-09-01',
      specialty: 'medecine-generale',
      sector: 'secteur-1',
      patientele: { medecinTraitant: 920, fileActive: 1350 },
    } as const;
    const en = library.checkEligibility(input);
    const fr = library.checkEligibility(input, { lang: 'fr' });
    expect(fr.eligible).toBe(en.eligible);
    expect(fr.options).toEqual(en.options);
    // Règlement arbitral 2023: more than P30 775 médecin traitant patients (ameli, mai 2023).
    expect(en.checks.find((c) => c.rule === 'eligibility.gp-threshold')?.detail).toBe('920 medecinTraitant patients > P30 775');
    expect(fr.checks.find((c) => c.rule === 'eligibility.gp-threshold')?.detail).toBe('920 patients médecin traitant > P30 775');
  });

  it('words an error in French, with the same code and path', () => {
    const input = {
      signedOn: '2023-09-01',
      option: 'half-time',
      tier: 'standard',
      year: 3,
      targets: { medecinTraitant: { start: 900, target: 1100 } },
    } as const;
    const en = expectRulesError(() => library.settleYear(input), 'MISSING_INPUT', ['observed', 'medecinTraitant']);
    const fr = expectRulesError(() => library.settleYear(input, { lang: 'fr' }), 'MISSING_INPUT', ['observed', 'medecinTraitant']);
    expect(en.issues[0]?.message).toBe('give the medecinTraitant count observed at the end of the year');
    expect(fr.issues[0]?.message).toBe("indiquez la patientèle médecin traitant observée en fin d'année");
    expect(fr.message).toBe("MISSING_INPUT en observed.medecinTraitant : indiquez la patientèle médecin traitant observée en fin d'année");
  });

  it('words a schema error in French: a date that does not exist, a missing field, an unknown field', () => {
    const e = expectRulesError(
      () => library.aidSchedule({ signedOn: '2023-04-31', tier: 'standard', extra: 1 } as never, { lang: 'fr' }),
      'INVALID_INPUT',
    );
    expect(e.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['signedOn', "le 2023-04-31 n'existe pas dans le calendrier"],
      ['option', 'ce champ est obligatoire'],
      ['', 'champ(s) inconnu(s) : extra'],
    ]);
  });

  it('words a batch row error in French', () => {
    const [row] = [...library.aidScheduleMany([{ signedOn: '2023-09-01', option: 'one-third', tier: 'standard' }], { lang: 'fr' })];
    expect(row?.ok).toBe(false);
    if (row?.ok === false)
      expect(row.error.issues[0]?.message).toBe(
        "Règlement arbitral (2023) n'offre pas l'option tiers temps aux contrats (options : mi-temps, temps plein)",
      );
  });

  it('refuses a language it does not speak, in both languages', () => {
    const input = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' } as const;
    const e = expectRulesError(() => library.aidSchedule(input, { lang: 'de' } as never), 'INVALID_INPUT', ['lang']);
    expect(e.issues[0]?.message).toBe("unknown language: expected 'en' or 'fr'");
    expectRulesError(() => [...library.aidScheduleMany([input], { lang: 'es' } as never)], 'INVALID_INPUT', ['lang']);
    expectRulesError(() => library.explain(library.aidSchedule(input), { lang: 'de' } as never), 'INVALID_INPUT', ['lang']);
  });

  it('words every issue of a schema error in French, and counts the others in the message', () => {
    const e = expectRulesError(
      () => library.aidSchedule({ signedOn: '2023-02-30', option: 'x', tier: 'y' } as never, { lang: 'fr' }),
      'INVALID_INPUT',
    );
    expect(e.message).toBe("INVALID_INPUT en signedOn : le 2023-02-30 n'existe pas dans le calendrier (et 2 autres)");
    expect(e.issues.map((i) => i.message)).toEqual([
      "le 2023-02-30 n'existe pas dans le calendrier",
      "option inconnu(e) : valeur attendue : 'one-third', 'half-time' ou 'full-time'",
      "palier inconnu(e) : valeur attendue : 'standard', 'p90-p95' ou 'p95-plus'",
    ]);
    const two = expectRulesError(
      () => library.aidSchedule({ signedOn: '2023-02-30', option: 'x', tier: 'standard' } as never, { lang: 'fr' }),
      'INVALID_INPUT',
    );
    expect(two.message).toMatch(/\(et 1 autre\)$/);
    const root = expectRulesError(() => library.aidSchedule({ ...RA_INPUT, extra: 1 } as never, { lang: 'fr' }), 'INVALID_INPUT', []);
    expect(root.message).toBe('INVALID_INPUT : champ(s) inconnu(s) : extra');
  });

  it.each([
    [[], 'un objet attendu, reçu une liste'],
    ['920', 'un objet attendu, reçu un texte'],
    [true, 'un objet attendu, reçu un booléen'],
    [null, 'un objet attendu, reçu null'],
    [920, 'un objet attendu, reçu un nombre'],
  ])('says in French what it received instead of an object: %j', (patientele, message) => {
    const input = { signedOn: '2023-09-01', specialty: 'medecine-generale', sector: 'secteur-1', patientele };
    const e = expectRulesError(() => library.checkEligibility(input as never, { lang: 'fr' }), 'INVALID_INPUT', ['patientele']);
    expect(e.issues[0]?.message).toBe(message);
  });

  it('takes empty options as English, and refuses options that are not an object', () => {
    expect(library.aidSchedule(RA_INPUT, {}).warnings).toEqual(library.aidSchedule(RA_INPUT).warnings);
    expectRulesError(() => library.aidSchedule(RA_INPUT, 'fr' as never), 'INVALID_INPUT');
    expectRulesError(() => library.aidSchedule(RA_INPUT, { lang: 'fr', trace: true } as never), 'INVALID_INPUT', []);
  });

  it('explains a renewed contract, and one ended early with short notice, in French without English words', () => {
    const renewed = library.aidSchedule(
      { signedOn: '2021-03-01', option: 'half-time', tier: 'standard', renewedOn: '2025-09-01' },
      { lang: 'fr' },
    );
    const ended = library.settleYear(
      {
        ...RA_INPUT,
        year: 3,
        endedOn: '2026-01-31',
        noticeGivenOn: '2025-12-15',
        targets: { medecinTraitant: { start: 920, target: 1115 } },
        observed: { medecinTraitant: 1000 },
      },
      { lang: 'fr' },
    );
    for (const result of [renewed, ended]) {
      expect(englishIn(library.explain(result))).toEqual([]);
      expect(englishIn(result.warnings.join('\n'))).toEqual([]);
    }
    expect(ended.warnings).toContain(
      'Le préavis donné le 2025-12-15 fait moins de 2 mois avant la fin au 2026-01-31 : la fin peut être refusée ou reportée.',
    );
  });

  it('writes amounts the French way from their digits: frEuros', () => {
    expect(library.frEuros('18000.00')).toBe('18 000,00 €');
    expect(library.frEuros('-4921.87')).toBe('-4 921,87 €');
    expect(library.frEuros('5')).toBe('5,00 €');
    expect(library.frEuros('1234567.5')).toBe('1 234 567,50 €');
    expect(library.frEuros('not an amount')).toBe('not an amount');
    expect(Object.isFrozen(library.vocabularyFr.options)).toBe(true);
    expect(library.vocabularyFr.balances['to-recover']).toBe('à récupérer auprès du médecin');
  });

  it('keeps English the default: results and errors read as before', () => {
    const input = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard', year: 3 } as const;
    const e = expectRulesError(() => library.settleYear(input), 'MISSING_INPUT', ['targets']);
    expect(e.message).toBe('MISSING_INPUT at targets: from year 3 the aid depends on the contract targets: give at least one');
  });
});
