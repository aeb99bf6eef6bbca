import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { aidSchedule, checkEligibility, compareContracts, explain, settleYear } from '../index.js';
import { issuesInBothLanguages, type IssueInBothLanguages } from '../../test/helpers.js';
import { bi, moneyInput, parseInput, patientCount, quoted } from './schemas.js';

/** Every issue of the `INVALID_INPUT` error that `call` raises, in English and in French. */
function issues(call: () => unknown): IssueInBothLanguages[] {
  const raised = issuesInBothLanguages(call);
  expect(raised.code).toBe('INVALID_INPUT');
  return raised.issues;
}

const gp = { signedOn: '2023-09-01', specialty: 'medecine-generale', sector: 'secteur-1' } as const;
const withCount = (medecinTraitant: unknown) => () => checkEligibility({ ...gp, patientele: { medecinTraitant } } as never);
const count = ['patientele', 'medecinTraitant'];

describe('messages of the input schemas, in English and French (README, "Errors")', () => {
  it('says which field is missing, and which is not a number of patients, not whole, or too large', () => {
    expect(issues(() => parseInput(z.strictObject({ medecinTraitant: patientCount }), {}))).toEqual([
      { path: ['medecinTraitant'], en: 'this field is required', fr: 'ce champ est obligatoire' },
    ]);
    const notANumber = { path: count, en: 'expected a number of patients', fr: 'nombre de patients attendu' };
    for (const value of ['12', Infinity, Number.NaN, true, null]) expect(issues(withCount(value)), String(value)).toEqual([notANumber]);
    const notWhole = {
      path: count,
      en: 'a number of patients must be a whole number',
      fr: 'nombre de patients doit être un nombre entier',
    };
    expect(issues(withCount(775.5))).toEqual([notWhole]);
    // A whole number beyond the safe integers is refused by the integer check itself: it says "at most".
    const above = { path: count, en: 'a number of patients must be at most 1000000', fr: 'un nombre de patients est au plus 1000000' };
    expect(issues(withCount(1e20))).toEqual([above]);
    expect(issues(withCount(1_000_001))).toEqual([above]);
    expect(issues(withCount(-1))).toEqual([
      { path: count, en: 'a number of patients cannot be negative', fr: 'un nombre de patients ne peut pas être négatif' },
    ]);
    expect(parseInput(patientCount, 1_000_000)).toBe(1_000_000);
  });

  it('names a date that does not exist, in both languages (date policy: a calendar date between 2000 and 2199)', () => {
    expect(issues(() => aidSchedule({ signedOn: '2023-02-30', option: 'half-time', tier: 'standard' }))).toEqual([
      {
        path: ['signedOn'],
        en: '2023-02-30 does not exist in the calendar',
        fr: "le 2023-02-30 n'existe pas dans le calendrier",
      },
    ]);
  });

  it('takes money as a decimal string or a number with at most two decimals, and says so once otherwise', () => {
    const settle = (advancePaid: unknown) => () =>
      settleYear({
        signedOn: '2023-09-01',
        option: 'half-time',
        tier: 'standard',
        year: 3,
        targets: { medecinTraitant: { start: 920, target: 1115 } },
        observed: { medecinTraitant: 1017 },
        advancePaid,
      } as never);
    const money = {
      path: ['advancePaid'],
      en: 'expected a non-negative amount in euros with at most two decimals, at most 999999999.99',
      fr: 'montant attendu en euros, positif ou nul, avec au plus deux décimales, au plus 999999999.99',
    };
    for (const value of [12.345, -1, 1e9, 1e21, 1e-7, '12.345', '-1', '1234567890123', '1e3', ''])
      expect(issues(settle(value)), String(value)).toEqual([money]);
    const notMoney = {
      path: ['advancePaid'],
      en: 'expected an amount in euros (a decimal string such as "5250.00", or a number)',
      fr: 'montant en euros attendu (un texte décimal comme "5250.00", ou un nombre)',
    };
    for (const value of [Infinity, null, true, {}]) expect(issues(settle(value)), JSON.stringify(value)).toEqual([notMoney]);
    // Accepted amounts leave as decimal strings: a number is written as JavaScript writes it.
    expect(parseInput(moneyInput, 5250)).toBe('5250');
    expect(parseInput(moneyInput, 0.1)).toBe('0.1');
    expect(parseInput(moneyInput, -0)).toBe('0');
    expect(parseInput(moneyInput, 999_999_999.99)).toBe('999999999.99');
    expect(parseInput(moneyInput, '5250.00')).toBe('5250.00');
    expect(settle(5250)()).toMatchObject({ advance: '5250.00' });
  });

  it('lists every unknown field, and names an unknown contract kind', () => {
    expect(issues(() => aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', foo: 1, bar: 2 } as never))).toEqual([
      { path: [], en: 'unknown field(s): foo, bar', fr: 'champ(s) inconnu(s) : foo, bar' },
    ]);
    expect(
      issues(() => aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', contract: 'group' } as never)),
    ).toEqual([
      {
        path: ['contract'],
        en: "unknown contract: expected 'individual' or 'collective'",
        fr: "contrat inconnu : valeur attendue : 'individual' ou 'collective'",
      },
    ]);
  });

  it('refuses a specialist in a comparison of collective contracts, which are for GPs (collective contract, 2026)', () => {
    const member = { sector: 'secteur-1', patientele: { medecinTraitant: 900, fileActive: 1000 }, option: 'half-time' };
    expect(
      issues(() =>
        compareContracts({
          signedOn: '2026-11-15',
          structure: 'scm',
          etp: 2,
          members: [
            { id: 'A', specialty: 'medecine-generale', ...member },
            { id: 'B', specialty: 'cardiologie', ...member },
          ],
        } as never),
      ),
    ).toEqual([
      {
        path: ['members', 1, 'specialty'],
        en: "a collective contract is for GPs only: expected 'medecine-generale'",
        fr: "le contrat collectif est réservé aux médecins généralistes : valeur attendue : 'medecine-generale'",
      },
    ]);
  });

  it('phrases the type checks zod leaves unworded: what was expected, and what was received', () => {
    const schedule = aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' });
    expect(issues(() => explain({ ...schedule, warnings: 5 } as never, { lang: 'en' }))).toEqual([
      { path: ['warnings'], en: 'expected an array, received a number', fr: 'une liste attendue, reçu un nombre' },
    ]);
    expect(issues(() => explain({ ...schedule, trace: [null] } as never, { lang: 'en' }))).toEqual([
      { path: ['trace', 0], en: 'expected an object, received null', fr: 'un objet attendu, reçu null' },
    ]);
    expect(issues(() => explain({ ...schedule, ruleSet: ['x'] } as never, { lang: 'en' }))).toEqual([
      { path: ['ruleSet'], en: 'expected a string, received an array', fr: 'un texte attendu, reçu une liste' },
    ]);
    const step = schedule.trace[0];
    expect(issues(() => explain({ ...schedule, trace: [{ ...step, inputs: 'x' }] } as never, { lang: 'en' }))).toEqual([
      { path: ['trace', 0, 'inputs'], en: 'expected an object, received a string', fr: 'un objet attendu, reçu un texte' },
    ]);
    expect(issues(() => explain({ ...schedule, trace: [{ ...step, rule: undefined }] } as never, { lang: 'en' }))).toEqual([
      { path: ['trace', 0, 'rule'], en: 'this field is required', fr: 'ce champ est obligatoire' },
    ]);
    // A type with no words of its own is named as zod names it.
    expect(issues(() => parseInput(z.bigint(), 1))).toEqual([
      { path: [], en: 'expected bigint, received a number', fr: 'bigint attendu, reçu un nombre' },
    ]);
  });

  it('keeps a message that has no French as it is in both languages', () => {
    // zod's own words for a check this library did not phrase.
    expect(issues(() => parseInput(z.literal('x'), 'y'))).toEqual([{ path: [], en: 'Invalid input', fr: 'Invalid input' }]);
    expect(issues(() => parseInput(z.string({ error: bi('', 'seulement en français') }), 1))).toEqual([
      { path: [], en: '', fr: 'seulement en français' },
    ]);
  });

  it('words the accepted values of a field', () => {
    expect(quoted(['a'], 'or')).toBe("'a'");
    expect(quoted(['a', 'b'], 'ou')).toBe("'a' ou 'b'");
    expect(quoted(['a', 'b', 'c'], 'or')).toBe("'a', 'b' or 'c'");
  });
});
