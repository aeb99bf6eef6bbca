import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { RulesError } from '../core/errors.js';
import { ruleSets, ruleSetInForceOn, selectRuleSet } from './index.js';
import { tableRows } from './rows.js';
import type { RuleRow } from './types.js';

const PROVENANCES = ['legal-text', 'official-guidance', 'secondary', 'interpretation'];

/** Every row of a table (an object with an id and a value), with its path. */
const rowsOf = (table: unknown) => tableRows(table).map(({ section, row }) => ({ path: `${section}.${row.id}`, row }));

function referenceProblems(row: Partial<RuleRow<unknown>>): string[] {
  const problems: string[] = [];
  const ref = row.reference;
  if (!ref) return ['no reference'];
  if (typeof ref.text !== 'string' || ref.text.length < 10) problems.push('reference without a text');
  if (!PROVENANCES.includes(ref.provenance)) problems.push(`provenance ${ref.provenance}`);
  if (ref.url !== undefined && !/^https:\/\//.test(ref.url)) problems.push('url is not https');
  if (typeof row.label !== 'string' || row.label.length === 0) problems.push('no label');
  if (typeof row.from !== 'string') problems.push('no from date');
  if (row.to !== null && typeof row.to === 'string' && row.to < (row.from ?? '')) problems.push('ends before it starts');
  return problems;
}

describe('rule tables', () => {
  for (const ruleSet of Object.values(ruleSets)) {
    describe(ruleSet.id, () => {
      const rows = rowsOf(ruleSet.table);

      it('has rows, each with a reference, a provenance level, a label and effective dates', () => {
        expect(rows.length).toBeGreaterThan(30);
        const bad = rows.map(({ path, row }) => ({ path, problems: referenceProblems(row) })).filter((r) => r.problems.length > 0);
        expect(bad).toEqual([]);
      });

      it('gives each row a unique id', () => {
        const ids = rows.map(({ row }) => row.id);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('keeps each row inside the regime dates', () => {
        for (const { row } of rows) {
          expect(row.from >= ruleSet.appliesFrom).toBe(true);
          expect(row.to).toBe(ruleSet.appliesTo);
        }
      });

      it('writes every amount as an exact decimal string', () => {
        const amounts = rows.filter(({ path }) => path.startsWith('amounts.'));
        expect(amounts.length).toBeGreaterThanOrEqual(10);
        for (const { row } of amounts) expect(row.value).toMatch(/^\d+$/);
      });

      it('is deeply frozen', () => {
        expect(Object.isFrozen(ruleSet)).toBe(true);
        expect(Object.isFrozen(ruleSet.table.amounts)).toBe(true);
        for (const { row } of rows) expect(Object.isFrozen(row)).toBe(true);
      });
    });
  }

  it('the walker catches a row without a reference (the check above can fail)', () => {
    const broken = { a: { id: 'x', label: 'x', value: 1, from: '2020-01-01', to: null } };
    const found = rowsOf(broken);
    expect(found).toHaveLength(1);
    expect(found.map(({ row }) => referenceProblems(row))).toEqual([['no reference']]);
  });

  // rules.md §4: amounts per option, year 1 / year 2 / year 3+ / [P90,P95) / ≥ P95.
  const figures = (id: keyof typeof ruleSets, option: 'one-third' | 'half-time' | 'full-time') => {
    const rows = ruleSets[id].table.amounts[option];
    return rows ? (['year1', 'year2', 'year3plus', 'p90p95', 'p95plus'] as const).map((k) => rows[k]?.value ?? null) : null;
  };

  it('encodes the amounts of rules.md §4, regimes side by side', () => {
    // Avenant 7: one-third legal text (art. 9-5), half and full time secondary sources.
    expect(figures('avenant-7-2019', 'one-third')).toEqual(['12000', '9000', '7000', '8350', '12000']);
    expect(figures('avenant-7-2019', 'half-time')).toEqual(['18000', '13500', '10500', '12500', '18000']);
    expect(figures('avenant-7-2019', 'full-time')).toEqual(['36000', '27000', '21000', '25000', '36000']);
    // Règlement arbitral: same figures (ameli.fr, May 2023); no one-third option.
    expect(figures('reglement-arbitral-2023', 'half-time')).toEqual(['18000', '13500', '10500', '12500', '18000']);
    expect(figures('reglement-arbitral-2023', 'full-time')).toEqual(['36000', '27000', '21000', '25000', '36000']);
    expect(figures('reglement-arbitral-2023', 'one-third')).toBeNull();
    // Convention 2024 (ameli.fr, June 2024): revalued; running one-third contracts have no year 1.
    expect(figures('convention-2024', 'half-time')).toEqual(['19000', '14000', '11000', '13000', '19000']);
    expect(figures('convention-2024', 'full-time')).toEqual(['38000', '28000', '22000', '26000', '38000']);
    expect(figures('convention-2024', 'one-third')).toEqual([null, '9450', '7350', '8767', '12600']);
  });

  it('marks the avenant 7 one-third column of target rates as legal text (art. 9-5-2-2)', () => {
    const rates = ruleSets['avenant-7-2019'].table.targets;
    if (rates.method !== 'bands') throw new Error('avenant 7 uses bands');
    const column = rates.rates['one-third'];
    expect(Object.values(column ?? {}).map((r) => [r.value, r.reference.provenance, r.reference.article])).toEqual([
      ['0.20', 'legal-text', 'art. 9-5-2-2'],
      ['0.15', 'legal-text', 'art. 9-5-2-2'],
      ['0.075', 'legal-text', 'art. 9-5-2-2'],
      ['0.04', 'legal-text', 'art. 9-5-2-2'],
      ['0', 'legal-text', 'art. 9-5-2-2'],
    ]);
    // The half/full-time cells the sources leave unknown are absent, never guessed.
    expect(rates.rates['half-time']?.['p50-p70']).toBeUndefined();
    expect(rates.rates['full-time']?.['p70-p90']).toBeUndefined();
  });

  it('keeps every amount an exact Decimal whatever the host configuration', () => {
    for (const ruleSet of Object.values(ruleSets)) {
      for (const option of Object.values(ruleSet.table.amounts)) {
        for (const row of Object.values(option)) expect(new Decimal(row.value).isInteger()).toBe(true);
      }
    }
  });
});

describe('regime selection (rules.md §1)', () => {
  it.each([
    ['2019-08-21', 'avenant-7-2019'], // day after publication in the JORF of 20 Aug 2019 (interpretation)
    ['2023-04-30', 'avenant-7-2019'],
    ['2023-05-01', 'reglement-arbitral-2023'], // in force 1 May 2023
    ['2024-06-21', 'reglement-arbitral-2023'],
    ['2024-06-22', 'convention-2024'], // in force 22 June 2024
    ['2031-01-01', 'convention-2024'],
  ])('a contract signed on %s falls under %s', (signedOn, id) => {
    expect(ruleSetInForceOn(signedOn)?.id).toBe(id);
  });

  it('refuses a date before the aid existed instead of falling back', () => {
    expect(() => selectRuleSet('2019-08-20', undefined)).toThrow(RulesError);
    try {
      selectRuleSet('2019-08-20', undefined);
    } catch (e) {
      expect((e as RulesError).code).toBe('NO_RULE_SET');
      expect((e as RulesError).issues[0]?.path).toEqual(['signedOn']);
    }
  });

  it('lets the caller force a regime', () => {
    expect(selectRuleSet('2022-01-10', 'reglement-arbitral-2023').ruleSet.id).toBe('reglement-arbitral-2023');
  });
});
