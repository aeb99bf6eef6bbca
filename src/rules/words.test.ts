// The small helpers the tables, the docs and the command line share: table rows, French words,
// the French labels of rows, the field paths of a schema.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldPaths } from '../core/fields.js';
import { labelFr, rowLabelFr } from './labels-fr.js';
import { ruleSets } from './registry.js';
import { tableRows } from './rows.js';
import { frEuros, frNumber, show } from './words.js';

const row = (id: string, value: unknown) => ({
  id,
  value,
  label: id,
  from: '2023-05-01',
  to: null,
  reference: { text: 'x', provenance: 'secondary' },
});

describe('table rows', () => {
  it('lists every row with its top-level section, in table order, through nested groups and past lists and nothing', () => {
    const table = {
      amounts: { half: { year1: row('a.1', '1'), year2: row('a.2', '2') } },
      none: null,
      list: [row('l', 0)],
      payments: row('p', 'x'),
    };
    expect(tableRows(table).map(({ section, row: r }) => [section, r.id])).toEqual([
      ['amounts', 'a.1'],
      ['amounts', 'a.2'],
      ['payments', 'p'],
    ]);
    expect(tableRows(row('alone', 1))).toEqual([{ section: '', row: row('alone', 1) }]);
    expect(tableRows({ id: 'no value' })).toEqual([]);
    expect(tableRows('text')).toEqual([]);
  });
});

describe('French words', () => {
  it('writes amounts from their digits only: a whole string or nothing', () => {
    expect(frEuros('-1371.2')).toBe('-1 371,20 €');
    expect(frEuros('0.05')).toBe('0,05 €');
    expect(frEuros('12.345')).toBe('12,34 €'); // never rounded: the library gives two decimals
    for (const text of ['x12.00', '12.00x', '', '-', '1e3']) expect(frEuros(text)).toBe(text);
  });

  it('shows any value as text: a dash for nothing, JSON for a structure', () => {
    expect([show(null), show(undefined), show('a'), show(2.5), show(false), show({ a: 1 }), show([1])]).toEqual([
      '—',
      '—',
      'a',
      '2.5',
      'false',
      '{"a":1}',
      '[1]',
    ]);
    expect(show(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(frNumber(2.5)).toBe('2,5');
  });

  it('labels a row in French from its own figures, and says when a collective calendar is the library’s reading', () => {
    const newly = ruleSets['reglement-arbitral-2023'].table.targets.newlyInstalled;
    expect(labelFr(newly.id, newly)).toBe('médecin nouvellement installé : atteindre le P50 de la spécialité en 3 ans');
    expect(labelFr(newly.id, undefined)).toBeUndefined();
    expect(labelFr('no such rule', newly)).toBeUndefined();
    const { targets, payments } = ruleSets['convention-2024'].table;
    const aged65 = targets.method === 'estimate' ? targets.aged65 : undefined;
    expect(aged65 && labelFr(aged65.id, aged65)).toBe('médecin de 65 ans ou plus : maintien de la patientèle, baisse de 10 % tolérée');
    const individual = payments.method === 'advance-balance' ? payments.year1 : undefined;
    const collective = ruleSets['collective-2026'].table.payments.year1;
    if (!individual) throw new Error('the 2024 convention pays an advance and a balance');
    expect(rowLabelFr(collective)).toContain(' (calendrier non publié : celui des contrats individuels)');
    expect(rowLabelFr(individual)).not.toContain('calendrier non publié');
  });
});

describe('the field paths of a schema (the batch command reads its columns from them)', () => {
  it('walks objects, unwraps optional and piped values, and merges the branches of a union', () => {
    const schema = z.strictObject({
      a: z.string(),
      b: z.optional(
        z.strictObject({
          c: z.number(),
          d: z.pipe(
            z.string(),
            z.transform((s) => s.length),
          ),
        }),
      ),
      e: z.union([z.strictObject({ f: z.string() }), z.strictObject({ f: z.string(), g: z.number() })]),
    });
    expect(fieldPaths(schema)).toEqual(['a', 'b.c', 'b.d', 'e.f', 'e.g']);
    const wrapped = z.strictObject({
      p: z.pipe(
        z.strictObject({ x: z.string() }),
        z.transform((v) => v.x),
      ),
      n: z.nullable(z.strictObject({ y: z.number() })),
    });
    expect(fieldPaths(wrapped)).toEqual(['p.x', 'n.y']);
    expect(fieldPaths(z.string())).toEqual([]);
  });
});
