// A contract's whole life (docs/interpretations.md: the settlement of each year, the early end).
// Each year of a ledger is what settleYear gives for that year with the same facts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, fcParams } from '../../test/arbitraries.js';
import { expectRulesError, inBothLanguages } from '../../test/helpers.js';
import { aidSchedule, contractLedger, explain, settleYear } from '../index.js';

const facts = {
  signedOn: '2023-09-01',
  option: 'half-time',
  tier: 'standard',
  targets: { medecinTraitant: { start: 920, target: 1115 } },
} as const;

describe('contractLedger', () => {
  it('settles five years with the payments received, and their sum is the sum of the five settleYear results', () => {
    const ledger = contractLedger({
      ...facts,
      years: [
        { year: 1, paid: [{ on: '2023-09-20', amount: '18000.00' }] },
        { year: 2, paid: [{ on: '2024-09-01', amount: 14000 }] },
        { year: 3, observed: { medecinTraitant: 1017 }, paid: [{ on: '2025-10-15', amount: '5500.00' }] },
        {
          year: 4,
          observed: { medecinTraitant: 1115 },
          paid: [
            { on: '2026-10-20', amount: '5500.00' },
            { on: '2027-10-01', amount: '5500.00' },
          ],
        },
        { year: 5, observed: { medecinTraitant: 1100 }, paid: [{ on: '2027-10-20', amount: '5500.00' }] },
      ],
    });
    expect(ledger.years.map((y) => [y.year, y.annualAid, y.aidDue, y.paid, y.balance, y.balanceKind])).toEqual([
      [1, '18000.00', '18000.00', '18000.00', '0.00', 'settled'],
      [2, '14000.00', '14000.00', '14000.00', '0.00', 'settled'], // the 2024 convention prices year 2 from 2024-09-01
      [3, '11000.00', '5471.79', '5500.00', '-28.21', 'to-recover'], // 11 000 × 97/195
      [4, '11000.00', '11000.00', '11000.00', '0.00', 'settled'],
      [5, '11000.00', '10153.85', '5500.00', '4653.85', 'to-pay'], // 11 000 × 180/195
    ]);
    expect(ledger.totals).toEqual({ aidDue: '58625.64', paid: '54000.00', toPay: '4653.85', toRecover: '28.21' });
    expect(ledger.kind).toBe('ledger');
  });

  it('leaves a modulated year without observed counts pending, and names missing years and late payments', () => {
    const ledger = contractLedger({ ...facts, years: [{ year: 1, paid: [{ on: '2023-11-30', amount: '18000.00' }] }, { year: 3 }] });
    expect(ledger.years.map((y) => y.balanceKind)).toEqual(['settled', 'to-pay', 'pending', 'pending', 'pending']);
    expect(ledger.warnings).toContain('Year 2 has no entry: nothing received is recorded for it.');
    expect(ledger.warnings).toContain('Year 3: no observed counts, its aid due is pending.');
    expect(
      ledger.warnings.some((w) =>
        w.startsWith("Year 1: 18000.00 received on 2023-11-30, after the calendar's last date for the year (2023-10-01)"),
      ),
    ).toBe(true);
  });

  it('ends with an early end, and covers ten years once renewed', () => {
    const ended = contractLedger({
      ...facts,
      endedOn: '2026-01-15',
      noticeGivenOn: '2025-11-10',
      years: [{ year: 3, observed: { medecinTraitant: 1115 }, paid: [{ on: '2025-10-01', amount: 5500 }] }],
    });
    expect(ended.years).toHaveLength(3);
    expect(ended.years[2]).toMatchObject({ aidDue: '4128.77', balance: '-1371.23', prorata: { daysInForce: 137, daysInYear: 365 } });
    const renewed = contractLedger({ ...facts, renewedOn: '2028-09-01', years: [] });
    expect(renewed.years).toHaveLength(10);
  });

  it('refuses a year given twice, a year beyond the contract, and a year field outside the years', () => {
    expectRulesError(() => contractLedger({ ...facts, years: [{ year: 1 }, { year: 1 }] }), 'INVALID_INPUT', ['years', 1, 'year']);
    expectRulesError(() => contractLedger({ ...facts, years: [{ year: 6 }] }), 'YEAR_OUT_OF_RANGE', ['years', 0, 'year']);
    expectRulesError(() => contractLedger({ ...facts, year: 3, years: [] } as never), 'INVALID_INPUT', ['year']);
    expectRulesError(() => contractLedger({ ...facts, years: [{ year: 1, paid: [{ on: '2023-02-30', amount: 1 }] }] }), 'INVALID_INPUT', [
      'years',
      0,
      'paid',
      0,
      'on',
    ]);
  });

  it('keeps a collective contract’s ledger too, and explains itself', () => {
    const ledger = contractLedger({
      contract: 'collective',
      signedOn: '2026-03-01',
      etp: 1,
      years: [{ year: 1, paid: [{ on: '2026-03-20', amount: 38000 }] }],
    });
    expect(ledger.years[0]).toMatchObject({ aidDue: '38000.00', balanceKind: 'settled' });
    expect(ledger.contract).toBe('collective');
    expect(explain(ledger)).toContain(
      'Année 1, du 2026-03-01 au 2027-02-28 : aide due 38 000,00 €, reçu 38 000,00 €, solde 0,00 € (soldé).',
    );
  });

  it('never loses or invents a cent: each year equals settleYear with the same facts, totals are their sums (property)', () => {
    fc.assert(
      fc.property(
        contract,
        fc.array(fc.record({ seen: fc.integer({ min: 0, max: 3000 }), paid: fc.integer({ min: 0, max: 4_000_000 }) }), {
          minLength: 5,
          maxLength: 5,
        }),
        (c, perYear) => {
          const base = { ...c, targets: { fileActive: { start: 1000, target: 1400 } } };
          const years = perYear.map((y, i) => ({
            year: i + 1,
            observed: { fileActive: y.seen },
            paid: [{ on: c.signedOn, amount: (y.paid / 100).toFixed(2) }],
          }));
          const ledger = contractLedger({ ...base, years });
          let due = 0;
          let paid = 0;
          for (const y of ledger.years) {
            const alone = settleYear({ ...base, year: y.year, observed: years[y.year - 1]?.observed ?? {}, advancePaid: y.paid });
            expect([y.aidDue, y.balance]).toEqual([alone.aidDue, alone.balance]);
            due += Math.round(Number(alone.aidDue) * 100);
            paid += Math.round(Number(y.paid) * 100);
          }
          expect(Math.round(Number(ledger.totals.aidDue) * 100)).toBe(due);
          expect(Math.round(Number(ledger.totals.paid) * 100)).toBe(paid);
          expect(Math.round((Number(ledger.totals.toPay) - Number(ledger.totals.toRecover)) * 100)).toBe(due - paid);
        },
      ),
      { ...fcParams, numRuns: Math.min(fcParams.numRuns, 200) },
    );
  });
});

describe('contractLedger: the rarer inputs', () => {
  it('refuses what is not a contract, the years missing, and names the field given outside the years', () => {
    expectRulesError(() => contractLedger(null as never), 'INVALID_INPUT', []);
    expectRulesError(() => contractLedger([] as never), 'INVALID_INPUT', []);
    expectRulesError(() => contractLedger({ ...facts, advancePaid: 1, years: [] } as never), 'INVALID_INPUT', ['advancePaid']);
    expectRulesError(() => contractLedger({ ...facts, observed: {}, years: [] } as never), 'INVALID_INPUT', ['observed']);
    expect(contractLedger({ ...facts } as never).years).toHaveLength(5); // no years: five years, nothing received
    expectRulesError(() => contractLedger({ ...facts, option: 'one-third', years: [] }), 'OPTION_NOT_OFFERED', ['option']);
  });

  it('assumes the standard tier when none is given, and says so', () => {
    const { tier: _tier, ...noTier } = facts;
    const ledger = contractLedger({ ...noTier, years: [{ year: 1 }] });
    expect(ledger.years[0]?.aidDue).toBe('18000.00');
    expect(ledger.warnings.some((w) => w.startsWith('tier not given'))).toBe(true);
  });

  it('explains a ledger in both languages, pending years included', () => {
    const ledger = contractLedger({ ...facts, years: [{ year: 1, paid: [{ on: '2023-09-20', amount: '18000.00' }] }] });
    expect(explain(ledger)).toContain('Année 3, du 2025-09-01 au 2026-08-31 : aide due —, reçu 0,00 €, solde — (en attente).');
    const en = explain(ledger, { lang: 'en' });
    expect(en).toContain('Year 2, 2024-09-01 to 2025-08-31: aid due €14,000.00, received €0.00, balance €14,000.00 (to-pay).');
    expect(en).toContain('Totals: aid due €32,000.00, received €18,000.00, to pay €14,000.00, to recover €0.00.');
  });
});

describe('collective contracts over their life', () => {
  it('cuts a collective schedule at its end, and lists ten years once renewed', () => {
    const ended = aidSchedule({
      contract: 'collective',
      signedOn: '2026-03-01',
      etp: 2,
      endedOn: '2028-08-31',
      noticeGivenOn: '2028-05-01',
    });
    expect(ended.years.map((y) => [y.year, y.end, y.amount])).toEqual([
      [1, '2027-02-28', '76000.00'],
      [2, '2028-02-29', '56000.00'],
      [3, '2028-08-31', '22180.82'], // year 3 runs 2028-03-01 to 2029-02-28: 44 000 × 184/365 = 22 180.821… → 22 180.82
    ]);
    expect(ended.years[2]?.prorata).toEqual({ endedOn: '2028-08-31', daysInForce: 184, daysInYear: 365 });
    expect(ended.years[2]?.payments.map((p) => p.kind)).toEqual(['advance']);
    expect(aidSchedule({ contract: 'collective', signedOn: '2026-03-01', etp: 1, renewedOn: '2031-03-01' }).years).toHaveLength(10);
  });
});

describe('contractLedger: its messages, and where its errors point', () => {
  it('names the field of a year in the years, in both languages', () => {
    const twice = { ...facts, years: [{ year: 1 }, { year: 1 }] };
    expect(inBothLanguages((o) => contractLedger(twice, o))).toEqual({
      en: { error: 'INVALID_INPUT at years.1.year: year 1 is given twice' },
      fr: { error: "INVALID_INPUT en years.1.year : l'année 1 est donnée deux fois" },
    });
    // An observed count without its target, in year 3's entry: the error points into that entry.
    const stray = { ...facts, years: [{ year: 1 }, { year: 3, observed: { medecinTraitant: 1000, fileActive: 5 } }] };
    expectRulesError(() => contractLedger(stray), 'INVALID_INPUT', ['years', 1, 'observed', 'fileActive']);
    expect(inBothLanguages((o) => contractLedger(stray, o)).fr).toEqual({
      error:
        "INVALID_INPUT en years.1.observed.fileActive : pas d'objectif de file active : un nombre observé sans objectif ne peut pas être réglé",
    });
  });

  it('refuses what is not a contract, and a year field outside the years, in both languages', () => {
    expect(inBothLanguages((o) => contractLedger('2023-09-01' as never, o))).toEqual({
      en: { error: 'INVALID_INPUT: expected an object: the contract and its years' },
      fr: { error: 'INVALID_INPUT : objet attendu : le contrat et ses années' },
    });
    expect(inBothLanguages((o) => contractLedger({ ...facts, year: 3, years: [] } as never, o))).toEqual({
      en: { error: "INVALID_INPUT at year: a ledger takes each year's facts in `years`" },
      fr: { error: 'INVALID_INPUT en year : un suivi de contrat prend les faits de chaque année dans `years`' },
    });
  });

  it('leaves the modulated years pending without targets, and says which facts are missing, in both languages', () => {
    const { targets: _targets, ...noTargets } = facts;
    const pending = inBothLanguages(
      (o) => contractLedger({ ...noTargets, years: [{ year: 3, observed: { medecinTraitant: 1000 } }] }, o),
      (r) => (r as ReturnType<typeof contractLedger>).warnings.filter((w) => w.startsWith('Year 3') || w.startsWith('Année 3')),
    );
    expect(pending).toEqual({
      en: ['Year 3: no targets, its aid due is pending.'],
      fr: ["Année 3 : pas d'objectifs, son aide due est en attente."],
    });
    const noCounts = contractLedger({ ...facts, years: [{ year: 3 }] }, { lang: 'fr' });
    expect(noCounts.warnings).toContain('Année 3 : pas de nombres observés, son aide due est en attente.');
  });

  it("warns of a payment received after the calendar's last date for its year, not of one received on it", () => {
    // Signed 2023-09-01: year 1's balance is due by 2023-10-01 (the calendar's last date for the year).
    const late = (on: string) =>
      contractLedger({ ...facts, years: [{ year: 1, paid: [{ on, amount: '18000.00' }] }] }).warnings.filter((w) =>
        w.startsWith('Year 1:'),
      );
    expect(late('2023-10-01')).toEqual([]);
    expect(late('2023-10-02')).toEqual([
      "Year 1: 18000.00 received on 2023-10-02, after the calendar's last date for the year (2023-10-01).",
    ]);
  });
});
