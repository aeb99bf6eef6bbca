import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { RulesError } from '../core/errors.js';
import { aidSchedule } from '../index.js';
import { RULE_SET_IDS, regimeInForceOn, ruleRow, ruleSets, selectRuleSet } from './registry.js';
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

/**
 * The numbers a label states that its row does not hold: every number of a label must be a
 * figure of the row's value (a percentage as its share), of its id, of its dates, or of its
 * reference. Names are words, not figures: percentiles (P30), calendar dates (31 Dec 2021),
 * the years that name a text (the 2024 convention), contract years (year 3) and the bounds of
 * a ratio ([0, 1]).
 */
function strayNumbers(row: RuleRow<unknown>): string[] {
  const text = row.label
    .replace(/\bP\d{2}\b/g, '')
    .replace(/\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/g, '')
    .replace(/\b(?:19|20)\d{2}\b/g, '')
    .replace(/\byears? \d+\b/g, '')
    .replace(/\b[Aa]venant \d+\b/g, '')
    .replace('[0, 1]', '');
  const held = `${JSON.stringify(row.value)} ${row.id} ${row.from} ${row.to ?? ''} ${row.reference.text} ${row.reference.article ?? ''}`;
  const figures = new Set((held.match(/\d+(?:\.\d+)?/g) ?? []).flatMap((n) => [n, String(Number(n)), String(Number(n) * 100)]));
  return (text.match(/\d+(?:[.,]\d+)?/g) ?? []).filter((n) => !figures.has(String(Number(n.replace(',', '.')))));
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
        expect(amounts.length).toBeGreaterThanOrEqual(ruleSet.contract === 'collective' ? 3 : 10);
        for (const { row } of amounts) expect(row.value).toMatch(/^\d+$/);
      });

      it('names its own regime in every row (the trace and explain look rows up by regime and id)', () => {
        for (const { row } of rows) {
          expect(row.ruleSet).toBe(ruleSet.id);
          expect(ruleRow(ruleSet.id, row.id)).toBe(row);
        }
      });

      it('never restates in a label a figure its value does not hold', () => {
        const bad = rows.map(({ row }) => ({ id: row.id, stray: strayNumbers(row) })).filter((r) => r.stray.length > 0);
        expect(bad).toEqual([]);
      });

      it('links only to regimes of the registry (revaluations and moves are data)', () => {
        const links =
          ruleSet.contract === 'individual'
            ? [...(ruleSet.table.revaluation?.value.contractsOf ?? []), ...(ruleSet.table.transfer?.value.from ?? [])]
            : [];
        for (const id of links) expect(RULE_SET_IDS as readonly string[]).toContain(id);
        expect(links).not.toContain(ruleSet.id);
      });

      it('has, in each estimate curve, the rates of every option it offers (patientTargets reads them after checking the option)', () => {
        if (ruleSet.contract !== 'individual') return;
        const { targets, newOptions } = ruleSet.table;
        if (targets.method !== 'estimate') return;
        for (const curve of Object.values(targets.curves))
          for (const option of newOptions.value) expect(curve.value.rates[option], `${curve.id} ${option}`).toBeDefined();
      });

      it('is deeply frozen', () => {
        expect(Object.isFrozen(ruleSet)).toBe(true);
        expect(Object.isFrozen(ruleSet.table.amounts)).toBe(true);
        for (const { row } of rows) expect(Object.isFrozen(row)).toBe(true);
      });
    });
  }

  it('the label check catches a label whose figure disagrees with its value (the check above can fail)', () => {
    const row = ruleSets['reglement-arbitral-2023'].table.gpPercentiles.medecinTraitant.p30;
    expect(row && strayNumbers(row)).toEqual([]);
    expect(row && strayNumbers({ ...row, label: 'more than 776 patients' })).toEqual(['776']);
    expect(row && strayNumbers({ ...row, label: 'more than 775 patients' })).toEqual([]);
  });

  it('the walker catches a row without a reference (the check above can fail)', () => {
    const broken = { a: { id: 'x', label: 'x', value: 1, from: '2020-01-01', to: null } };
    const found = rowsOf(broken);
    expect(found).toHaveLength(1);
    expect(found.map(({ row }) => referenceProblems(row))).toEqual([['no reference']]);
  });

  // Amounts per option, year 1 / year 2 / year 3+ / [P90,P95) / ≥ P95.
  const figures = (
    id: 'avenant-7-2019' | 'reglement-arbitral-2023' | 'convention-2024',
    option: 'one-third' | 'half-time' | 'full-time',
  ) => {
    const rows = ruleSets[id].table.amounts[option];
    return rows ? (['year1', 'year2', 'year3plus', 'p90p95', 'p95plus'] as const).map((k) => rows[k]?.value ?? null) : null;
  };

  it('encodes the published amounts, regimes side by side (art. 9-5; ameli.fr May 2023; ameli.fr June 2024)', () => {
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
    const amounts = Object.values(ruleSets).flatMap((set) => tableRows(set.table).filter(({ row }) => row.id.startsWith('amount.')));
    expect(amounts.length).toBeGreaterThan(40);
    for (const { row } of amounts) expect(new Decimal(String(row.value)).isInteger()).toBe(true);
  });
});

describe('collective-2026: figures that fit together', () => {
  it('asks whole patients for every half-ETP step (260 and 110 per ETP are even)', () => {
    const t = ruleSets['collective-2026'].table;
    for (const row of Object.values(t.targetsPerEtp)) expect(new Decimal(row.value).times(t.etpStep.value).isInteger()).toBe(true);
  });
});

describe('corrected provenance (audit of the sources)', () => {
  it('cites the 2026 collective-aid page, read through a paraphrase, for the GP P50 (1 045 MT, 1 514 file active)', () => {
    for (const id of ['reglement-arbitral-2023', 'convention-2024'] as const) {
      const p = ruleSets[id].table.gpPercentiles;
      expect([p.medecinTraitant.p50?.value, p.fileActive.p50?.value]).toEqual([1045, 1514]);
      expect(p.medecinTraitant.p50?.reference.provenance).toBe('secondary');
      expect(p.medecinTraitant.p50?.reference.text).toContain('Aide collective');
    }
  });

  it('cites the revaluation text (ameli.fr, June 2024) for every revalued amount of the 2024 convention, ≥ P95 included', () => {
    for (const rows of Object.values(ruleSets['convention-2024'].table.amounts)) {
      for (const row of Object.values(rows)) expect(row.reference.text).toContain('ce qui change dès juin 2024');
    }
  });

  it('marks the GP P90 1 503 and P95 1 721 as withdrawn by their only source', () => {
    const p = ruleSets['convention-2024'].table.gpPercentiles.medecinTraitant;
    expect([p.p90?.value, p.p95?.value]).toEqual([1503, 1721]);
    expect(p.p90?.withdrawn).toContain('December 2024');
    expect(p.p95?.withdrawn).toContain('December 2024');
  });

  it('says the estimate likely overstates the eased 2024 targets', () => {
    const curves = ruleSets['convention-2024'].table.targets;
    if (curves.method !== 'estimate') throw new Error('the 2024 convention uses the estimate');
    expect(curves.curves.medecinTraitant.label).toContain('likely overstates');
    expect(curves.curves.fileActive.label).toContain('likely overstates');
  });
});

describe('regime selection (each regime module: appliesFrom / appliesTo)', () => {
  it.each([
    ['2019-08-21', 'avenant-7-2019'], // day after publication in the JORF of 20 Aug 2019 (interpretation)
    ['2023-04-30', 'avenant-7-2019'],
    ['2023-05-01', 'reglement-arbitral-2023'], // in force 1 May 2023
    ['2024-06-21', 'reglement-arbitral-2023'],
    ['2024-06-22', 'convention-2024'], // in force 22 June 2024
    ['2031-01-01', 'convention-2024'],
  ])('a contract signed on %s falls under %s', (signedOn, id) => {
    expect(regimeInForceOn('individual', signedOn)?.id).toBe(id);
  });

  it('refuses a date before the aid existed instead of falling back', () => {
    expect(() => selectRuleSet('individual', '2019-08-20', undefined)).toThrow(RulesError);
    try {
      selectRuleSet('individual', '2019-08-20', undefined);
    } catch (e) {
      expect((e as RulesError).code).toBe('NO_RULE_SET');
      expect((e as RulesError).issues[0]?.path).toEqual(['signedOn']);
    }
  });

  it('closes each regime on the day before the next of its kind starts: no gap, no overlap', () => {
    const windows = (kind: 'individual' | 'collective') =>
      Object.values(ruleSets)
        .filter((r) => r.contract === kind)
        .map((r) => [r.id, r.appliesFrom, r.appliesTo]);
    expect(windows('individual')).toEqual([
      ['avenant-7-2019', '2019-08-21', '2023-04-30'],
      ['reglement-arbitral-2023', '2023-05-01', '2024-06-21'],
      ['convention-2024', '2024-06-22', null],
    ]);
    expect(windows('collective')).toEqual([['collective-2026', '2026-02-25', null]]);
  });

  it('records the forced regime among the rule-set step inputs only when one is forced', () => {
    const step = (forced?: 'reglement-arbitral-2023') =>
      aidSchedule({ signedOn: '2022-01-10', option: 'half-time', tier: 'standard', ...(forced ? { ruleSet: forced } : {}) }).trace[0];
    expect(step()?.inputs).toStrictEqual({ signedOn: '2022-01-10', contract: 'individual' });
    expect(step('reglement-arbitral-2023')?.inputs).toStrictEqual({
      signedOn: '2022-01-10',
      contract: 'individual',
      forced: 'reglement-arbitral-2023',
    });
  });

  it('lets the caller force a regime', () => {
    expect(selectRuleSet('individual', '2022-01-10', 'reglement-arbitral-2023').ruleSet.id).toBe('reglement-arbitral-2023');
  });
});
