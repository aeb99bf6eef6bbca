// The spreadsheet script as Google Apps Script runs it: one file, no modules, loaded in a fresh
// node:vm context with no require, module, process or timers.
import { build } from 'esbuild';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cells from '../src/sheets/cells.js';
import { appsScriptFooter } from '../src/sheets/footer.js';

type CellFn = (...args: unknown[]) => unknown;
type Sheet = Record<
  'AM_ELIGIBLE' | 'AM_TARGETS' | 'AM_SCHEDULE' | 'AM_SETTLE' | 'AM_GROUP_ELIGIBLE' | 'AM_GROUP_SCHEDULE' | 'AM_GROUP_TARGETS',
  CellFn
>;
let sandbox: Record<string, unknown>;
let script = '';

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [join(import.meta.dirname, '../src/sheets/cells.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'AideAssistantMedicalSheets',
    platform: 'neutral',
    target: 'es2019',
    write: false,
    minify: true,
  });
  script = `${bundled.outputFiles[0]?.text ?? ''}${appsScriptFooter('AideAssistantMedicalSheets')}`;
  sandbox = createContext({});
  runInContext(script, sandbox);
});

describe('spreadsheet script in a sandbox without modules', () => {
  it('has no require, module, process or timers, and declares the cell functions at top level', () => {
    const probe: unknown = runInContext(
      '[typeof require, typeof module, typeof process, typeof setTimeout, typeof AM_ELIGIBLE, typeof AM_TARGETS, typeof AM_SCHEDULE, typeof AM_SETTLE, typeof AM_GROUP_ELIGIBLE, typeof AM_GROUP_SCHEDULE, typeof AM_GROUP_TARGETS]',
      sandbox,
    );
    expect(probe).toEqual(['undefined', 'undefined', 'undefined', 'undefined', ...Array<string>(7).fill('function')]);
  });
});

describe.each([
  ['the pasted script (vm)', () => sandbox as unknown as Sheet],
  ['the module (direct import)', () => cells as unknown as Sheet],
])('cell functions through %s', (_label, load) => {
  let sheet: Sheet;
  beforeAll(() => {
    sheet = load();
  });

  // The collective contract (ameli.fr collective-aid page): a members range, one GP a row.
  it('answers for a group from a members range: maximum ETP, yearly aid per ETP, targets per ETP', () => {
    const members = [
      ['A', 'secteur-1', 900, 1300, true, false],
      ['B', 'secteur-1', 800, 1200, true, ''],
      ['', '', '', '', '', ''],
      [3, 'secteur-1', 700, 1100, '', ''],
      ['D', 'secteur-1', 760, 1160, false, false],
    ];
    expect(sheet.AM_GROUP_ELIGIBLE(new Date(2026, 10, 15), 'scm', members)).toBe('éligible : au plus 5 ETP'); // 4 + 2 × 0.5
    expect(sheet.AM_GROUP_ELIGIBLE('2026-11-15', 'sel', members)).toBe('non éligible : SEL ne peut pas signer le contrat collectif');
    expect(sheet.AM_GROUP_SCHEDULE('2026-11-15', 2.5, '')).toEqual([[95000, 70000, 55000, 55000, 55000]]);
    expect(sheet.AM_GROUP_SCHEDULE('2026-11-15', 2, 3)).toBe(44000);
    expect(sheet.AM_GROUP_SCHEDULE('2026-11-15', 1.3, 3)).toMatch(/^ERREUR : INVALID_INPUT en etp/);
    // 2 ETP: +520 médecin traitant less 100 gained earlier, +220 file active.
    const targets = [
      ['A', 900, 1300, 100, ''],
      ['B', 800, 1200, '', ''],
    ];
    expect(sheet.AM_GROUP_TARGETS('2026-11-15', 2, targets)).toEqual([[1700 + 420, 2500 + 220]]);
  });

  it('leaves a cell empty where the library gives no figure, and names a missing member id', () => {
    // A cardiologist without the P50 to extrapolate from: no target is invented (estimate knots unknown).
    expect(sheet.AM_TARGETS('2024-09-01', 'cardiologie', 'half-time', '', 2000)).toEqual([['', '']]);
    expect(sheet.AM_GROUP_TARGETS('2026-11-15', 1, [[null, 800, 1200]])).toMatch(/^ERREUR : INVALID_INPUT en members\.0\.id/);
    expect(sheet.AM_SCHEDULE(new Date(Number.NaN), 'half-time', 'standard', 1)).toMatch(/^ERREUR : INVALID_INPUT en signedOn/);
  });

  it('says why a group cannot sign, reads a training site, and puts errors in the cell', () => {
    const low = [
      ['A', 'secteur-1', 700, 1100, '', ''],
      ['B', 'secteur-1', 800, 1200, '', ''],
    ];
    expect(sheet.AM_GROUP_ELIGIBLE('2026-11-15', 'sisa', low)).toBe(
      'non éligible : moyenne de la patientèle médecin traitant des membres 750,00 (1500 / 2) < 775',
    );
    expect(sheet.AM_GROUP_ELIGIBLE('2026-11-15', 'scp', [['A', 'secteur-1', 800, 1200, '', '']], true)).toBe('éligible : au plus 1,5 ETP');
    expect(sheet.AM_GROUP_ELIGIBLE('2026-11-15', 'scp', 'A')).toMatch(/^ERREUR : INVALID_INPUT en members\.0/);
    expect(sheet.AM_GROUP_TARGETS('2026-11-15', 1.1, [['A', 800, 1200]])).toMatch(/^ERREUR : INVALID_INPUT en etp/);
  });

  it('answers plain cell values: text, numbers and Date objects', () => {
    // Sheets passes a date cell as a Date (local time) and an empty cell as ''.
    const signed = new Date(2023, 8, 1);
    expect(sheet.AM_ELIGIBLE(signed, 'medecine-generale', 'secteur-1', 776, '')).toBe('éligible : mi-temps, temps plein');
    expect(sheet.AM_ELIGIBLE('2023-09-01', 'medecine-generale', 'secteur-1', 775, '')).toBe(
      'non éligible : 775 patients médecin traitant ≤ P30 775',
    );
    expect(sheet.AM_TARGETS(signed, 'medecine-generale', 'half-time', 920, '1350')).toEqual([[1115, 1661]]);
    expect(sheet.AM_SCHEDULE('2022-09-15', 'half-time', 'standard', 3)).toBe(11000);
    expect(sheet.AM_SCHEDULE('2024-07-01', 'half-time', 'standard', '')).toEqual([[19000, 14000, 11000, 11000, 11000]]);
    expect(sheet.AM_SETTLE('2023-09-01', 'half-time', 'standard', 3, '', '', '', 920, 1115, 1017)).toEqual([[5471.79, -28.21]]); // year 3 starts 2025-09-01: revalued to 11 000
  });

  it('answers whole column ranges, one contract a row, blank rows left blank', () => {
    const dates = [[new Date(2023, 8, 1)], ['2024-09-01'], [''], ['2023-02-30']];
    const result = sheet.AM_TARGETS(
      dates,
      'medecine-generale',
      [['half-time'], ['full-time'], [''], ['half-time']],
      [[920], [920], [''], [920]],
      [[1350], [1350], [''], [1350]],
    );
    expect(result).toEqual([
      [1115, 1661],
      [1225, 1817],
      ['', ''],
      ["ERREUR : INVALID_INPUT en signedOn : le 2023-02-30 n'existe pas dans le calendrier", ''],
    ]);
  });

  it('answers a single block range holding every column', () => {
    const block = [
      ['2023-09-01', 'half-time', 'standard', 1],
      ['2022-09-15', 'half-time', 'standard', 3],
    ];
    expect(sheet.AM_SCHEDULE(block)).toEqual([[18000], [11000]]);
  });

  it('puts a readable message in the cell for bad input, never a script error', () => {
    expect(sheet.AM_ELIGIBLE('', 'astrologie', 'secteur-1', 'many', '')).toMatch(
      /^ERREUR : INVALID_INPUT en signedOn : ce champ est obligatoire/,
    );
    expect(sheet.AM_SETTLE('2023-09-01', 'half-time', 'standard', 9, 1, 2, 2)).toEqual([
      ['ERREUR : YEAR_OUT_OF_RANGE en year : un contrat dure 5 ans (indiquez renewedOn pour un contrat renouvelé)', ''],
    ]);
    expect(sheet.AM_SCHEDULE(new Date(Number.NaN), 'half-time', 'standard', 1)).toMatch(/^ERREUR : INVALID_INPUT en signedOn/);
  });

  it('computes a thousand rows in one call', () => {
    const n = 1000;
    const column = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => [f(i)]);
    const started = performance.now();
    const result = sheet.AM_SETTLE(
      column((i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`),
      'full-time',
      'standard',
      column((i) => 3 + (i % 3)),
      column((i) => 1000 + i),
      column((i) => 1300 + i),
      column((i) => 1150 + i),
    ) as unknown[][];
    expect(result).toHaveLength(n);
    expect(result[0]).toEqual([11000, 0]); // 22 000 × 150/300, advance 11 000
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('passes avenant 7 facts, specialist percentiles and an advance', () => {
    expect(sheet.AM_ELIGIBLE('2021-03-01', 'medecine-generale', 'secteur-1', 700, '', '', 'member', 'committed', 'zip')).toBe(
      'éligible : tiers temps, mi-temps, temps plein',
    );
    expect(sheet.AM_ELIGIBLE('2024-09-01', 'cardiologie', 'secteur-1', '', 2000, 1500)).toBe('éligible : mi-temps, temps plein');
    expect(sheet.AM_TARGETS('2024-09-01', 'cardiologie', 'half-time', '', 2000, '2000')).toEqual([['', 2400]]);
    expect(sheet.AM_SETTLE('2024-09-01', 'half-time', 'standard', 3, 1000, 1100, 1100, '', '', '', '5000.5')).toEqual([[11000, 5999.5]]);
  });
});

// A date cell of 22/06/2024 in a Paris spreadsheet is the instant 2024-06-21T22:00Z. The script
// may run in another time zone: the calendar date must be read in the spreadsheet's.
describe('date cells read as the sheet shows them, whatever the script time zone', () => {
  const saved = process.env.TZ;
  const sheetZone = 'Europe/Paris';
  const midnightInParis = new Date('2024-06-21T22:00:00Z'); // 2024-06-22 00:00 in Paris (summer time)
  const host = {
    SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => sheetZone }) },
    Utilities: {
      formatDate: (d: Date, zone: string) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d),
    },
  };

  it.each(['UTC', 'Europe/Paris', 'America/New_York'])(
    'gives the 2024 convention amount (19 000) to a contract signed 22/06/2024, script in %s',
    (zone) => {
      process.env.TZ = zone;
      const sandbox = createContext({ ...host });
      runInContext(script, sandbox);
      const run = runInContext('AM_SCHEDULE', sandbox) as CellFn;
      try {
        // Convention 2024 (in force 2024-06-22): 19 000 in year 1; the règlement arbitral (the day before) paid 18 000.
        expect(run(midnightInParis, 'half-time', 'standard', 1)).toBe(19000);
        const signed = runInContext('AM_ELIGIBLE', sandbox) as CellFn;
        expect(signed(midnightInParis, 'medecine-generale', 'secteur-1', 776, '')).toBe('éligible : mi-temps, temps plein');
      } finally {
        process.env.TZ = saved;
      }
    },
  );
});
