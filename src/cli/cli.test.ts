import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { patientTargets } from '../index.js';
import fc from 'fast-check';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { fcParams } from '../../test/arbitraries.js';
import { csvLine } from './batch.js';
import { cell, scalar } from './common.js';
import { run } from './cli.js';

/** Runs the command line in English unless the test asks for a language (French is the default). */
async function cli(given: string[], options: { stdin?: string; tty?: boolean } = {}) {
  const argv = given.includes('--lang') || given.length === 0 || given[0]?.startsWith('-') ? given : [...given, '--lang', 'en'];
  // A tiny buffer, so that writes meet backpressure as on a slow pipe.
  const stdout = new PassThrough({ highWaterMark: 16 });
  const stderr = new PassThrough({ highWaterMark: 16 });
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d: Buffer) => out.push(d.toString()));
  stderr.on('data', (d: Buffer) => err.push(d.toString()));
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([options.stdin ?? '']), stderrIsTTY: options.tty === true });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'aam-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('command line: one function per subcommand', () => {
  it('prints the targets of the published example as a table', async () => {
    const { code, stdout } = await cli([
      'targets',
      '--specialty',
      'medecine-generale',
      '--option',
      'half-time',
      '--mt',
      '920',
      '--fa',
      '1350',
      '--signed-on',
      '2023-09-01',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/medecinTraitant\s+920\s+\+195\s+1115/);
    expect(stdout).toMatch(/fileActive\s+1350\s+\+311\s+1661/);
  });

  it('prints the same result as the library with --json, and the explanation with --explain', async () => {
    const argv = [
      'targets',
      '--specialty',
      'medecine-generale',
      '--option',
      'full-time',
      '--mt',
      '920',
      '--fa',
      '1350',
      '--signed-on',
      '2023-09-01',
    ];
    const { stdout } = await cli([...argv, '--json']);
    expect(JSON.parse(stdout)).toEqual(
      patientTargets({
        signedOn: '2023-09-01',
        specialty: 'medecine-generale',
        option: 'full-time',
        patientele: { medecinTraitant: 920, fileActive: 1350 },
      }),
    );
    expect((await cli([...argv, '--explain', '--lang', 'fr'])).stdout).toContain('explication du calcul');
    expect((await cli([...argv, '--explain', '--lang', 'en'])).stdout).toContain('explanation of the computation');
  });

  it('answers eligibility, schedule and settle', async () => {
    const eligibility = await cli([
      'eligibility',
      '--signed-on',
      '2021-03-01',
      '--specialty',
      'cardiologie',
      '--sector',
      'secteur-1',
      '--fa',
      '2000',
      '--group-practice',
      'member',
      '--coordinated-practice',
      'committed',
      '--zone',
      'zip',
      '--percentile',
      'fileActive.p30=1500',
    ]);
    expect(eligibility.code).toBe(0);
    expect(eligibility.stdout).toContain('Eligible: yes; options: one-third, half-time, full-time');
    const schedule = await cli([
      'schedule',
      '--signed-on',
      '2022-09-15',
      '--option',
      'half-time',
      '--tier',
      'standard',
      '--hired-on',
      '2022-10-01',
    ]);
    expect(schedule.stdout).toContain('Total: 64 500.00 €');
    expect(schedule.stdout).toMatch(/3\s+2024-09-15\s+2025-09-14\s+11 000.00 €\s+convention-2024/);
    const settle = await cli([
      'settle',
      '--signed-on',
      '2023-09-01',
      '--option',
      'half-time',
      '--tier',
      'standard',
      '--year',
      '3',
      '--mt-start',
      '920',
      '--mt-target',
      '1115',
      '--mt-observed',
      '1017',
    ]);
    expect(settle.stdout).toMatch(/balance\s+-28.21 € \(to-recover\)/);
  });

  it('exits 1 with the error and its path on bad input', async () => {
    const { code, stderr } = await cli([
      'targets',
      '--specialty',
      'medecine-generale',
      '--option',
      'half-time',
      '--mt=-3',
      '--fa',
      '1350',
      '--signed-on',
      '2023-02-30',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('error: INVALID_INPUT at signedOn: 2023-02-30 does not exist in the calendar');
    expect(stderr).toContain('patientele.medecinTraitant: a number of patients cannot be negative');
  });

  it.each([[['frobnicate']], [[]]])('prints usage and exits 2 for %j', async (argv) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: aide-assistant-medical');
  });

  it.each([[['targets', '--bogus']], [['targets', '--percentile', 'oops']], [['batch', 'settle']]])(
    'says in one line what is wrong and where the help is, exit 2, for %j',
    async (argv) => {
      const { code, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`^error: .+ \\(see: aide-assistant-medical ${argv[0] ?? ''} --help\\)\\n$`));
    },
  );

  it('prints help on --help', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Commands') as string });
    expect(await cli(['settle', '--help'])).toMatchObject({ code: 0 });
  });

  it('runs the built-in example: a GP under two regimes, the four functions', async () => {
    const { code, stdout } = await cli(['example']);
    expect(code).toBe(0);
    for (const text of [
      'Avenant 7 (2019)',
      'Règlement arbitral (2023)',
      '▸ checkEligibility',
      '▸ patientTargets',
      '▸ aidSchedule',
      '▸ settleYear',
    ])
      expect(stdout).toContain(text);
    expect(JSON.parse((await cli(['example', '--json'])).stdout)).toHaveLength(2);
  });
});

describe('command line: batch', () => {
  const header = 'signedOn,option,tier,year,targets.fileActive.start,targets.fileActive.target,observed.fileActive,advancePaid';
  const csv = [
    header,
    '2023-09-01,half-time,standard,3,1350,1661,1400,',
    '2023-02-30,half-time,standard,3,1350,1661,1400,',
    '2024-09-01,full-time,p90-p95,4,2000,2300,2300,13000.00',
    ',,,,,,,',
  ].join('\n');
  const COLUMNS = 'row,line,ok,error,ruleSet,pricedBy,annualAid,attainment,aidDue,advance,balance,balanceKind,warnings';

  it('reads CSV, writes one CSV row per contract with its line and warnings, reports every broken row, exits 1', async () => {
    const out = join(dir, 'out.csv');
    const { code, stderr } = await cli(['batch', 'settle', file('in.csv', csv), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('row 2 (line 3): INVALID_INPUT at signedOn: 2023-02-30 does not exist in the calendar');
    expect(stderr).toContain('row 4 (line 5): INVALID_INPUT at signedOn: this field is required');
    expect(stderr).toContain('4 rows, 2 passed, 2 failed');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(COLUMNS);
    // Year 3 of a 2023 contract starts 2025-09-01: priced 11 000 by the 2024 convention; (1 400 − 1 350) / 311 = 0.1608.
    expect(lines[1]).toMatch(
      /^1,2,true,,reglement-arbitral-2023,convention-2024,11000\.00,0\.1608,1768\.49,5500\.00,-3731\.51,to-recover,/,
    );
    expect(lines[1]).toContain('advancePaid not given');
    expect(lines[3]).toMatch(/^3,4,true,,convention-2024,convention-2024,26000\.00,1\.0000,26000\.00,13000\.00,13000\.00,to-pay,/);
    expect(lines).toHaveLength(5);
  });

  it('exits 0 when every row passes', async () => {
    expect((await cli(['batch', 'settle', file('ok.csv', csv.split('\n').slice(0, 2).join('\n'))])).code).toBe(0);
  });

  it('reads JSON Lines (a broken line is a failed row with its line) and writes JSON Lines', async () => {
    const jsonl = [
      '\uFEFF{"signedOn":"2024-09-01","specialty":"medecine-generale","option":"half-time","patientele":{"medecinTraitant":920,"fileActive":1350}}',
      '',
      '{not json',
      '',
    ].join('\n');
    const { code, stdout, stderr } = await cli(['batch', 'targets', file('in.jsonl', jsonl), '--to', 'jsonl']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/row 2 \(line 3\): not valid JSON/);
    const rows = stdout
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { row: number; line: number; ok: boolean; result?: { targets: { medecinTraitant: { increase: number } } } },
      );
    expect(rows.map((r) => [r.row, r.line, r.ok])).toEqual([
      [1, 1, true],
      [2, 3, false],
    ]);
    expect(rows[0]?.result?.targets.medecinTraitant.increase).toBe(195);
  });

  it('reads a JSON array and standard input', async () => {
    const input = JSON.stringify([{ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' }]);
    expect((await cli(['batch', 'schedule', file('in.json', input)])).stdout).toContain(
      '1,,true,,reglement-arbitral-2023,standard,18000.00',
    );
    const stdin = await cli(['batch', 'eligibility', '-', '--from', 'jsonl'], {
      stdin: '{"signedOn":"2023-09-01","specialty":"medecine-generale","sector":"secteur-1","patientele":{"medecinTraitant":775}}\n',
    });
    expect(stdin.stdout).toContain('1,1,true,,reglement-arbitral-2023,false,,eligibility.gp-threshold');
  });

  it('draws a progress bar on a terminal only', async () => {
    const path = file('progress.csv', csv);
    expect((await cli(['batch', 'settle', path, '--out', join(dir, 'p.csv')], { tty: true })).stderr).toMatch(
      /\r\[█+░*\] 100% · 4 rows · 2 failed\n/,
    );
    expect((await cli(['batch', 'settle', path, '--out', join(dir, 'p.csv')])).stderr).not.toContain('█');
  });

  it('reports every failed row, on stderr or in an errors file', async () => {
    const rows = [header, ...Array.from({ length: 25 }, () => '2023-02-30,half-time,standard,3,1,2,2,')].join('\n');
    const bad = file('many-bad.csv', rows);
    const all = await cli(['batch', 'settle', bad, '--to', 'jsonl', '--out', join(dir, 'bad.jsonl')]);
    expect(all.code).toBe(1);
    expect(all.stderr.match(/^row \d+ \(line \d+\):/gm)).toHaveLength(25);
    const errors = join(dir, 'errors.csv');
    const quiet = await cli(['batch', 'settle', bad, '--out', join(dir, 'bad.csv'), '--errors', errors]);
    expect(quiet.stderr).toBe('25 rows, 0 passed, 25 failed\n');
    const report = readFileSync(errors, 'utf8').trim().split('\n');
    expect(report[0]).toBe('row,line,code,path,message');
    expect(report[25]).toBe('25,26,INVALID_INPUT,signedOn,INVALID_INPUT at signedOn: 2023-02-30 does not exist in the calendar');
  });

  it.each([
    [['batch', 'settle', 'x.csv', '--from', 'xml']],
    [['batch', 'nothing', 'x.csv']],
    [['batch', 'settle', 'x.csv', '--delimiter', '|']],
  ])('refuses bad batch flags with usage, exit 2: %j', async (argv) => {
    expect((await cli(argv)).code).toBe(2);
  });

  it('refuses a JSON file that is not an array, exit 5', async () => {
    expect((await cli(['batch', 'settle', file('object.json', '{"a":1}')])).code).toBe(5);
  });
});

// A hostile batch suite: files as they are really exported, and as they break. No row is ever
// priced from shifted columns; each bad row is reported with its line; a bad header refuses the file.
describe('command line: batch files that would price wrong money', () => {
  const header = 'signedOn,option,tier,year,targets.medecinTraitant.start,targets.medecinTraitant.target,observed.medecinTraitant';

  it('makes a row with one field too many a row error, not a shifted row (…,1017,5500,50)', async () => {
    const { code, stdout } = await cli([
      'batch',
      'settle',
      file(
        'shifted.csv',
        [
          header + ',advancePaid',
          '2023-09-01,half-time,standard,3,920,1115,1017,5500,50',
          '2023-09-01,half-time,standard,3,920,1115,1017,5500',
        ].join('\n'),
      ),
    ]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^1,2,false,"the row has 9 fields, the header 8",/);
    expect(lines[2]).toMatch(/^2,3,true,,reglement-arbitral-2023,convention-2024,11000\.00,0\.4974,5471\.79,5500\.00,-28\.21,to-recover/);
  });

  it('makes an unquoted decimal comma in a comma file a row error (…,1,017,1115,1017)', async () => {
    const { stdout } = await cli([
      'batch',
      'settle',
      file('comma.csv', [header, '2023-09-01,half-time,standard,3,920,1,017,1115'].join('\n')),
    ]);
    expect(stdout.trim().split('\n')[1]).toMatch(/^1,2,false,"the row has 8 fields, the header 7"/);
  });

  it.each([
    ['__proto__.tier', 'is not an input field'],
    ['constructor.prototype.x', 'is not an input field'],
    ['tier,tier', 'appears twice'],
    ['surprise', 'unknown column "surprise"'],
  ])('refuses a file whose header has %s before any row, exit 5', async (extra, message) => {
    const { code, stderr, stdout } = await cli([
      'batch',
      'settle',
      file('header.csv', [`${header},${extra}`, '2023-09-01,half-time,standard,3,920,1115,1017,x'].join('\n')),
    ]);
    expect(code).toBe(5);
    expect(stderr).toContain(message);
    expect(stdout.trim().split('\n').length).toBeLessThanOrEqual(1);
    expect(({} as Record<string, unknown>).tier).toBeUndefined();
  });

  it('keeps the columns it is asked to keep, so results join back to their doctors', async () => {
    const { stdout } = await cli([
      'batch',
      'settle',
      file('keep.csv', [`id,nom,${header}`, 'A-17,Dr Martin,2023-09-01,half-time,standard,3,920,1115,1017'].join('\n')),
      '--keep',
      'id,nom',
    ]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^row,line,ok,error,id,nom,ruleSet,/);
    expect(lines[1]).toMatch(/^1,2,true,,A-17,Dr Martin,reglement-arbitral-2023,/);
  });

  it('reads a French Excel export: BOM, semicolons, decimal commas, VRAI/FAUX, dates DD/MM/YYYY, Windows-1252', async () => {
    const text = `\uFEFF${header.replace(/,/g, ';')};advancePaid\n01/09/2023;half-time;standard;3;920;1115;1017;5 500,00\n`;
    const utf8 = await cli(['batch', 'settle', file('fr.csv', text)]);
    expect(utf8.stdout.trim().split('\n')[1]).toMatch(
      /^1,2,true,,reglement-arbitral-2023,convention-2024,11000\.00,0\.4974,5471\.79,5500\.00,-28\.21/,
    );
    const latin = file('fr-1252.csv', '');
    writeFileSync(
      latin,
      Buffer.from([
        ...Buffer.from('id;signedOn;specialty;sector;patientele.medecinTraitant;newlyInstalled\n'),
        ...Buffer.from('Dr '),
        0xc9,
        ...Buffer.from('lise;2024-09-01;medecine-generale;secteur-1;700;VRAI\n'),
      ]),
    );
    const eligibility = await cli(['batch', 'eligibility', latin, '--encoding', 'windows-1252', '--keep', 'id']);
    expect(eligibility.stdout.trim().split('\n')[1]).toMatch(/^1,2,true,,Dr Élise,convention-2024,true,half-time full-time,/);
  });

  it('writes a CSV a French Excel opens as it is (semicolons, BOM, decimal commas)', async () => {
    const out = join(dir, 'excel.csv');
    await cli([
      'batch',
      'settle',
      file('x.csv', [header, '2023-09-01,half-time,standard,3,920,1115,1017'].join('\n')),
      '--to',
      'excel-fr',
      '--out',
      out,
    ]);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFrow;line;ok;error;')).toBe(true);
    expect(text).toContain(';11000,00;0,4974;5471,79;5500,00;-28,21;to-recover;');
  });

  it('reports a broken quote as a row error and goes on', async () => {
    const { code, stdout } = await cli([
      'batch',
      'settle',
      file(
        'quote.csv',
        [header, '2023-09-01,half-time,"standard"x,3,920,1115,1017', '2023-09-01,half-time,standard,3,920,1115,1017'].join('\n'),
      ),
    ]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^1,2,false,"Invalid Closing Quote/);
    expect(lines[2]).toMatch(/^2,3,true,/);
  });

  it('says in one line that an input file is missing (exit 3) or an output cannot be written (exit 4)', async () => {
    const missing = await cli(['batch', 'settle', join(dir, 'nope.csv')]);
    expect(missing).toMatchObject({ code: 3, stderr: `error: cannot read ${join(dir, 'nope.csv')}: no such file\n` });
    const unwritable = await cli(['batch', 'settle', file('w.csv', header), '--out', join(dir, 'no-such-folder', 'out.csv')]);
    expect(unwritable.code).toBe(4);
    expect(unwritable.stderr).toMatch(/^error: cannot write the output .*out\.csv: /);
    expect(unwritable.stderr.split('\n')).toHaveLength(2);
  });

  it('reads CRLF lines, tab-separated files, quoted fields across lines, and says when a quote never closes', async () => {
    const crlf = await cli(['batch', 'settle', file('crlf.csv', `${header}\r\n2023-09-01,half-time,standard,3,920,1115,1017\r\n`)]);
    expect(crlf.stdout.split('\n')[1]).toMatch(/^1,2,true,/);
    const tab = await cli([
      'batch',
      'settle',
      file('tab.tsv', `${header.replace(/,/g, '\t')}\n2023-09-01\thalf-time\tstandard\t3\t920\t1115\t1017\n`),
      '--delimiter',
      'tab',
    ]);
    expect(tab.stdout.split('\n')[1]).toMatch(/^1,2,true,/);
    const multi = await cli([
      'batch',
      'settle',
      file('multi.csv', `id,${header}\n"two\nlines",2023-09-01,half-time,standard,3,920,1115,1017\n2023-09-01,half-time\n`),
      '--keep',
      'id',
      '--to',
      'jsonl',
    ]);
    const rows = multi.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { row: number; line: number; ok: boolean; kept?: { id: string } });
    expect(rows.map((r) => [r.row, r.line, r.ok, r.kept?.id])).toEqual([
      [1, 2, true, 'two\nlines'],
      [2, 4, false, ''],
    ]);
    const open = await cli(['batch', 'settle', file('open.csv', `${header}\n"2023-09-01,half-time,standard,3,920,1115,1017\n`)]);
    expect(open.stdout.split('\n')[1]).toMatch(/^1,2,false,a quote opened on line 2 is never closed/);
    const long = await cli(['batch', 'settle', file('long.csv', `${header}\n"${'x\n'.repeat(30)}\n`)]);
    expect(long.stdout.split('\n')[1]).toMatch(/^1,2,false,a quote opened on line 2 is not closed within 20 lines/);
  });

  it('refuses --keep of a column the file lacks, --keep on JSON, an unknown encoding, and folders in place of files', async () => {
    const keep = await cli(['batch', 'settle', file('k.csv', header), '--keep', 'nom']);
    expect(keep).toMatchObject({ code: 5 });
    expect(keep.stderr).toContain('--keep names "nom", which is not a column of the file');
    expect((await cli(['batch', 'settle', file('k.jsonl', '{}'), '--keep', 'id'])).code).toBe(2);
    expect((await cli(['batch', 'settle', file('e.csv', header), '--encoding', 'klingon'])).code).toBe(2);
    expect((await cli(['batch', 'settle', dir])).stderr).toContain('it is a folder');
    expect((await cli(['batch', 'settle', file('f.csv', header), '--out', dir])).code).toBe(4);
  });

  it('writes large outputs in blocks, every row there', async () => {
    const rows = [header, ...Array.from({ length: 1500 }, () => '2023-09-01,half-time,standard,3,920,1115,1017')].join('\n');
    const out = join(dir, 'large.csv');
    expect((await cli(['batch', 'settle', file('large-in.csv', rows), '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1501);
  });

  it('refuses a flag path that would reach a prototype', async () => {
    const { code, stderr } = await cli([
      'targets',
      '--signed-on',
      '2024-09-01',
      '--specialty',
      'cardiologie',
      '--option',
      'half-time',
      '--fa',
      '100',
      '--percentile',
      '__proto__.p30=1',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('is not an input field');
  });

  it('prints its version and a help per subcommand', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await cli(['batch', '--help']);
    expect(help.stdout).toContain('Usage: aide-assistant-medical batch [flags]');
    expect(help.stdout).toContain('Exit status:');
    expect(help.stdout).not.toContain('  eligibility  --signed-on');
  });
});

describe('command line: rarer shapes of results', () => {
  it('shows a schedule without hiring date, a second assistant, unavailable targets and an unmodulated year', async () => {
    const schedule = await cli([
      'schedule',
      '--signed-on',
      '2021-01-10',
      '--option',
      'half-time',
      '--specialty',
      'medecine-generale',
      '--mt',
      '900',
      '--years',
      '2',
      '--percentile',
      'medecinTraitant.p90=1500',
      '--percentile',
      'medecinTraitant.p95=1700',
    ]);
    expect(schedule.stdout).toContain('advance 12 600.00 € by hiring + 15 days');
    const second = await cli([
      'eligibility',
      '--signed-on',
      '2025-03-01',
      '--specialty',
      'medecine-generale',
      '--sector',
      'secteur-1',
      '--mt',
      '1400',
      '--zone',
      'zip',
      '--mixed-activity',
      '--disability',
      '--newly-installed',
      '--children-share',
      '0.3',
      '--ccam-share',
      '0.1',
      '--restricted-departement',
      '--group-practice',
      'member',
      '--coordinated-practice',
      'member',
    ]);
    expect(second.code).toBe(0);
    const targets = await cli([
      'targets',
      '--signed-on',
      '2024-09-01',
      '--specialty',
      'dermatologie',
      '--option',
      'half-time',
      '--fa',
      '3000',
      '--band-rate',
      'p50-p70=0.1',
    ]);
    expect(targets.stdout).toContain('unavailable: no published example for dermatologie');
    const aged = await cli([
      'targets',
      '--signed-on',
      '2024-09-01',
      '--specialty',
      'dermatologie',
      '--option',
      'half-time',
      '--fa',
      '3000',
      '--aged-65',
    ]);
    expect(aged.stdout).toMatch(/fileActive\s+3000\s+\+0\s+3000\s+0.0000\s+maintain-aged-65/);
    const settle = await cli([
      'settle',
      '--signed-on',
      '2024-09-01',
      '--option',
      'full-time',
      '--year',
      '1',
      '--advance',
      '0',
      '--attainment',
      'level',
      '--combine',
      'min',
      '--fa-start',
      '1',
      '--fa-target',
      '2',
      '--fa-observed',
      '2',
    ]);
    expect(settle.stdout).toContain('(not modulated)');
    expect(settle.stdout).toMatch(/balance\s+38 000.00 € \(to-pay\)/);
    const moved = await cli([
      'settle',
      '--signed-on',
      '2021-01-10',
      '--option',
      'half-time',
      '--tier',
      'standard',
      '--year',
      '4',
      '--moved-on',
      '2023-06-01',
      '--fa-start',
      '1',
      '--fa-target',
      '2',
      '--fa-observed',
      '2',
    ]);
    expect(moved.code).toBe(0);
  });

  it('refuses an unknown language', async () => {
    expect((await cli(['schedule', '--signed-on', '2024-09-01', '--option', 'half-time', '--tier', 'standard', '--lang', 'de'])).code).toBe(
      2,
    );
  });

  it('reads booleans from CSV, leaves absent figures empty, and infers JSON Lines output from --out', async () => {
    const rows = [
      'signedOn,specialty,sector,patientele.fileActive,newlyInstalled,percentiles.fileActive.p30',
      '2024-09-01,cardiologie,secteur-1,100,true,1500',
      '2024-09-01,cardiologie,secteur-1,100,false,1500',
    ].join('\n');
    const { stdout } = await cli(['batch', 'eligibility', file('flags.csv', rows)]);
    const rowsOut = stdout.trim().split('\n').slice(1);
    expect(rowsOut[0]).toMatch(/^1,2,true,,convention-2024,true,half-time full-time,,/);
    expect(rowsOut[1]).toMatch(/^2,3,true,,convention-2024,false,,eligibility\.specialist-threshold,/);
    const targets = await cli([
      'batch',
      'targets',
      file(
        't.csv',
        'signedOn,specialty,option,patientele.fileActive,percentiles.fileActive.p50\n2024-09-01,cardiologie,half-time,2000,2000',
      ),
    ]);
    expect(targets.stdout).toContain('1,2,true,,convention-2024,,,,,2000,400,2400,0.2002,');
    const out = join(dir, 'inferred.jsonl');
    await cli([
      'batch',
      'schedule',
      file('s.json', JSON.stringify([{ signedOn: '2024-09-01', option: 'half-time', tier: 'standard' }])),
      '--out',
      out,
    ]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ row: 1, ok: true });
  });

  it('skips blank JSON Lines, reads a JSON array from standard input, and draws the bar without a known size', async () => {
    const line = '{"signedOn":"2024-09-01","option":"half-time","tier":"standard"}';
    const { stdout, stderr } = await cli(['batch', 'schedule', '-', '--from', 'jsonl', '--to', 'jsonl'], {
      stdin: `${line}\n\n${line}\n`,
      tty: true,
    });
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toContain('\r2 rows · 0 failed\n');
    expect((await cli(['batch', 'schedule', '-', '--from', 'json'], { stdin: `[${line}]` })).stdout).toContain('1,,true,');
    expect((await cli(['batch', 'schedule', '-', '--from', 'json'], { stdin: 'nope' })).code).toBe(5);
  });
});

describe('command line: CSV lines written as csv-stringify writes them', () => {
  it('quotes a field with the delimiter, a quote or a line break, doubles its quotes, and writes French decimals with a comma (property)', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ', '1', '.', '-', 'é') }),
      fc.constantFrom('10500.00', '-1371.23', '0.4974', 'true', '', '=1+1'),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(undefined),
      fc.constantFrom({ a: 1 }, ['x', 'y']),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), fc.boolean(), (cells, excel) => {
        const shown = excel ? cells.map((c) => (typeof c === 'string' && /^-?\d+\.\d+$/.test(c) ? c.replace('.', ',') : c)) : cells;
        const expected = stringifyCsv([shown], { delimiter: excel ? ';' : ',', cast: { boolean: (value) => String(value) } });
        expect(csvLine(cells, excel)).toBe(expected);
      }),
      fcParams,
    );
    expect(csvLine(['a"b', 'x,y', 'line\nbreak', true, 12, undefined], false)).toBe('"a""b","x,y","line\nbreak",true,12,\n');
    expect(csvLine(['10500.00', 'x;y', 'a,b'], true)).toBe('10500,00;"x;y";a,b\n');
  });
});

describe('command line: a table cell read as a French spreadsheet exports it', () => {
  /** The reading of a cell without its shortcuts for whole numbers, ISO dates and words: the shortcuts must agree with it. */
  function fullReading(column: string, raw: string): unknown {
    const value = raw.trim();
    if (value === '') return undefined;
    if (/^(vrai|true)$/i.test(value)) return true;
    if (/^(faux|false)$/i.test(value)) return false;
    if (/^\d{2}\/\d{2}\/\d{4}$/.test(value)) return `${value.slice(6)}-${value.slice(3, 5)}-${value.slice(0, 2)}`;
    const french = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$|^-?\d+,\d+$/.test(value)
      ? value.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')
      : value;
    return column === 'advancePaid' || column.endsWith('.advancePaid') ? french : scalar(french);
  }

  it('reads whole numbers, ISO dates and words by their shortcuts exactly as the full reading does (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '/', ',', '.', ' ', '\u00a0', 'e', 'a', 'V', 'x', ':', 'é') }),
      fc.constantFrom(
        '850',
        '0850',
        '2023-05-01',
        '01/05/2023',
        '5 500,50',
        '1,5',
        'VRAI',
        'faux',
        'True',
        'half-time',
        '1e3',
        '-12',
        ' 42 ',
      ),
      fc.integer().map(String),
    );
    fc.assert(
      fc.property(fc.constantFrom('year', 'advancePaid', 'targets.fileActive.start', 'option'), text, (column, raw) => {
        expect(cell(column, raw)).toStrictEqual(fullReading(column, raw));
      }),
      fcParams,
    );
    expect(cell('year', '0850')).toBe(850);
    expect(cell('advancePaid', '5250')).toBe('5250');
    expect(cell('signedOn', '2023-05-01')).toBe('2023-05-01');
    expect(cell('option', 'half-time')).toBe('half-time');
    expect(cell('allowWithdrawnPercentiles', 'VRAI')).toBe(true);
  });
});

describe('command line: formatters', () => {
  it('lists second-assistant options and the newly installed basis', async () => {
    const { formatEligibility } = await import('./format.js');
    const { checkEligibility } = await import('../index.js');
    const result = checkEligibility({
      signedOn: '2025-03-01',
      specialty: 'medecine-generale',
      sector: 'secteur-1',
      patientele: { medecinTraitant: 1400 },
      zone: 'zip',
      secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true },
    });
    expect(formatEligibility(result)).toContain('Second assistant options: half-time, full-time');
    const newcomer = await cli([
      'targets',
      '--signed-on',
      '2024-09-01',
      '--specialty',
      'medecine-generale',
      '--option',
      'half-time',
      '--mt',
      '300',
      '--fa',
      '700',
      '--newly-installed',
    ]);
    expect(newcomer.stdout).toMatch(/medecinTraitant\s+300\s+\+745\s+1045\s+—\s+newly-installed-p50/);
    const refused = await cli([
      'eligibility',
      '--signed-on',
      '2024-09-01',
      '--specialty',
      'medecine-generale',
      '--sector',
      'secteur-2',
      '--mt',
      '900',
    ]);
    expect(refused.stdout).toContain('Eligible: no; options: —');
  });
});

describe('command line: collective contracts (ameli.fr collective-aid page)', () => {
  const members = file(
    'members.csv',
    [
      'id,specialty,sector,patientele.medecinTraitant,patientele.fileActive,hostsDocteurJunior',
      '0042,medecine-generale,secteur-1,900,1300,true',
      'B,medecine-generale,secteur-1,800,1200,true',
      'C,medecine-generale,secteur-1,700,1100,false',
      'D,medecine-generale,secteur-1,760,1160,false',
    ].join('\n'),
  );

  it('checks a group from a members file, identifiers kept as text: 5 ETP at most', async () => {
    const { code, stdout } = await cli([
      'eligibility',
      '--contract',
      'collective',
      '--signed-on',
      '2026-11-15',
      '--structure',
      'scm',
      '--members',
      members,
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { maxEtp: number; members: { id: string }[] };
    expect(result.maxEtp).toBe(5);
    expect(result.members[0]?.id).toBe('0042');
  });

  it('prints the schedule of 2.5 ETP (95 000 in year 1) and the targets of 2 ETP', async () => {
    const schedule = await cli(['schedule', '--contract', 'collective', '--signed-on', '2026-11-15', '--etp', '2.5']);
    expect(schedule.code).toBe(0);
    expect(schedule.stdout).toMatch(/^1\s+2026-11-15\s+2027-11-14\s+95 000\.00 €/m);
    const targets = await cli(['targets', '--contract', 'collective', '--signed-on', '2026-11-15', '--etp', '2', '--members', members]);
    expect(targets.stdout).toMatch(/group\s+medecinTraitant\s+3160\s+\+520\s+3680\s+2028-11-15/);
  });

  it('settles a group year and flags the risk below the start', async () => {
    const { stdout } = await cli([
      'settle',
      '--contract',
      'collective',
      '--signed-on',
      '2026-11-15',
      '--etp',
      '2',
      '--year',
      '3',
      '--mt-start',
      '3000',
      '--mt-target',
      '3520',
      '--mt-observed',
      '2950',
      '--fa-start',
      '4000',
      '--fa-target',
      '4220',
      '--fa-observed',
      '4100',
    ]);
    expect(stdout).toMatch(/aid due\s+20 000\.00 €/);
    expect(stdout).toMatch(/risk\s+below the start/);
  });

  it('compares individual and collective contracts for the same doctors', async () => {
    const withOption = file(
      'compare.csv',
      [
        'id,sector,patientele.medecinTraitant,patientele.fileActive,option',
        'A,secteur-1,1100,1600,full-time',
        'B,secteur-1,900,1350,half-time',
      ].join('\n'),
    );
    const { code, stdout } = await cli([
      'compare',
      '--signed-on',
      '2026-12-01',
      '--structure',
      'sisa',
      '--etp',
      '2',
      '--members',
      withOption,
    ]);
    expect(code).toBe(0);
    // Year 1: 38 000 + 19 000 individually against 2 × 38 000 collectively.
    expect(stdout).toMatch(/^1\s+57 000\.00 €\s+76 000\.00 €\s+19 000\.00 €/m);
  });

  it('reads members from JSON and JSON Lines files, and names a broken line', async () => {
    const json = file(
      'members.json',
      JSON.stringify([{ id: 'A', specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 600 }, option: 'x' }]),
    );
    const refused = await cli([
      'eligibility',
      '--contract',
      'collective',
      '--signed-on',
      '2026-11-15',
      '--structure',
      'scm',
      '--members',
      json,
    ]);
    expect(refused.code).toBe(0);
    expect(refused.stdout).toMatch(/^Eligible: no; average médecin traitant 600\.00; at most 1 ETP/);
    expect(refused.stderr).toContain('note: member columns not used here: option');
    const lines = file(
      'members.jsonl',
      `${JSON.stringify({ id: 'A', patientele: { medecinTraitant: 600, fileActive: 900 }, installedOn: '2026-06-01' })}\n\n`,
    );
    const targets = await cli(['targets', '--contract', 'collective', '--signed-on', '2026-11-15', '--etp', '1', '--members', lines]);
    expect(targets.stdout).toMatch(/^A\s+medecinTraitant\s+600\s+\+445\s+1045\s+2029-11-15/m); // own P50 after 3 years
    const broken = file('broken.jsonl', '{"id": "A"}\n{not json\n');
    const error = await cli(['targets', '--contract', 'collective', '--signed-on', '2026-11-15', '--etp', '1', '--members', broken]);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('broken.jsonl, line 2: not valid JSON');
  });

  it('compares as JSON, and shows members who could not sign and a group that cannot', async () => {
    const members = file(
      'mixed.csv',
      [
        'id,sector,patientele.medecinTraitant,patientele.fileActive,option,tier',
        'A,secteur-1,700,1100,half-time,',
        'B,secteur-1,800,1200,half-time,standard',
      ].join('\n'),
    );
    const table = await cli(['compare', '--signed-on', '2026-12-01', '--structure', 'sel', '--etp', '1', '--members', members]);
    expect(table.stdout).toContain('Collective: not eligible, 1 ETP (at most 2)');
    expect(table.stdout).toContain('• A: not eligible for an individual contract');
    expect(table.stdout).toContain('• B: individual half-time, tier standard\n');
    const json = await cli(['compare', '--signed-on', '2026-12-01', '--structure', 'scm', '--etp', '1', '--members', members, '--json']);
    expect((JSON.parse(json.stdout) as { kind: string }).kind).toBe('comparison');
  });

  it('refuses group flags without --contract collective, and an unknown contract kind', async () => {
    expect((await cli(['schedule', '--signed-on', '2026-11-15', '--option', 'half-time', '--tier', 'standard', '--etp', '2'])).code).toBe(
      2,
    );
    expect((await cli(['schedule', '--contract', 'group', '--signed-on', '2026-11-15'])).code).toBe(2);
  });
});

describe('command line: the life of a contract', () => {
  it('settles a year cut short, and lists a renewed contract’s ten years', async () => {
    const settle = await cli([
      'settle',
      '--signed-on',
      '2023-09-01',
      '--option',
      'half-time',
      '--tier',
      'standard',
      '--year',
      '3',
      '--mt-start',
      '920',
      '--mt-target',
      '1115',
      '--mt-observed',
      '1115',
      '--ended-on',
      '2026-01-15',
      '--notice-on',
      '2025-11-10',
    ]);
    expect(settle.stdout).toMatch(/aid due\s+4 128\.77 €/);
    const renewed = await cli([
      'schedule',
      '--signed-on',
      '2021-03-01',
      '--option',
      'half-time',
      '--tier',
      'standard',
      '--renewed-on',
      '2026-03-01',
      '--json',
    ]);
    expect((JSON.parse(renewed.stdout) as { years: unknown[] }).years).toHaveLength(10);
  });

  it('prints a ledger from a contract file, and runs a batch of ledgers from JSON Lines', async () => {
    const contract = {
      signedOn: '2023-09-01',
      option: 'half-time',
      tier: 'standard',
      targets: { medecinTraitant: { start: 920, target: 1115 } },
      years: [
        { year: 1, paid: [{ on: '2023-09-20', amount: '18000.00' }] },
        { year: 3, observed: { medecinTraitant: 1017 }, paid: [{ on: '2025-10-15', amount: '5500.00' }] },
      ],
    };
    const single = await cli(['ledger', '--file', file('contract.json', JSON.stringify(contract))]);
    expect(single.stdout).toMatch(/^3\s+2025-09-01\s+2026-08-31\s+5 471\.79 €\s+5 500\.00 €\s+-28\.21 €\s+to-recover/m);
    const batch = await cli(['batch', 'ledger', file('ledgers.jsonl', `${JSON.stringify(contract)}\n`)]);
    const [head, row] = batch.stdout.trim().split('\n');
    expect(head).toContain('totals.aidDue,totals.paid,totals.toPay,totals.toRecover,year1.aidDue');
    expect(row).toMatch(/^1,1,true,,reglement-arbitral-2023,/);
    expect((await cli(['batch', 'ledger', file('l.csv', 'signedOn\n2023-09-01')])).code).toBe(2);
    expect((await cli(['ledger'])).code).toBe(2);
    expect((await cli(['ledger', '--file', join(dir, 'none.json')])).code).toBe(3);
  });
});

describe('command line in French (--lang fr, the default)', () => {
  it('prints the tables in French, amounts written 18 000,00 €', async () => {
    const { code, stdout } = await cli(['example', '--lang', 'fr']);
    expect(code).toBe(0);
    // Avenant 7, half-time, year 1: 18 000 € (12 600 advanced within 30 days, 5 400 at the first anniversary).
    expect(stdout).toContain('Éligible : oui ; options : tiers temps, mi-temps');
    expect(stdout).toContain('avance 12 600,00 € au plus tard le 2021-03-30');
    expect(stdout).toContain('Total : 63 500,00 €');
    expect(stdout).toContain('Régime : Avenant 7 (2019)');
    expect(stdout).not.toMatch(/\b(half-time|full-time|tier|Rule set|Eligible)\b/);
  });

  it('is French without --lang, and words the library errors in French', async () => {
    const stderr = new PassThrough();
    const err: string[] = [];
    stderr.on('data', (d: Buffer) => err.push(d.toString()));
    const argv = ['schedule', '--signed-on', '2023-02-30', '--option', 'half-time', '--tier', 'standard'];
    const code = await run(argv, { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), stderrIsTTY: false });
    expect(code).toBe(1);
    expect(err.join('')).toBe("erreur : INVALID_INPUT en signedOn : le 2023-02-30 n'existe pas dans le calendrier\n");
  });

  it('prints a ledger in French, with its explanation', async () => {
    const contract = {
      signedOn: '2023-09-01',
      option: 'half-time',
      tier: 'standard',
      targets: { medecinTraitant: { start: 920, target: 1115 } },
      years: [{ year: 3, observed: { medecinTraitant: 1017 }, paid: [{ on: '2025-10-15', amount: '5500.00' }] }],
    };
    const { code, stdout } = await cli([
      'ledger',
      '--file',
      file('contract-fr.json', JSON.stringify(contract)),
      '--lang',
      'fr',
      '--explain',
    ]);
    expect(code).toBe(0);
    // Year 3 priced 11 000 by the 2024 convention: (1 017 − 920) / 195 = 97/195 → 5 471,79 due, 5 500 paid, 28,21 to recover.
    expect(stdout).toMatch(/^3\s+2025-09-01\s+2026-08-31\s+5 471,79 €\s+5 500,00 €\s+-28,21 €\s+à récupérer auprès du médecin/m);
    expect(stdout).toContain('Totaux : dû ');
    expect(stdout).toContain("Aide à l'emploi d'un assistant médical — explication du calcul");
  });

  it('words Node’s own flag errors in French', async () => {
    expect((await cli(['targets', '--lang', 'fr', '--signed-on'])).stderr).toMatch(
      /^erreur : l'option '--signed-on <value>' attend une valeur/,
    );
    expect((await cli(['targets', 'extra', '--lang', 'fr'])).stderr).toMatch(/^erreur : argument inattendu 'extra'/);
    expect((await cli(['ledger', '--file', join(dir, 'absent.json'), '--lang', 'fr'])).stderr).toBe(
      `erreur : impossible de lire ${join(dir, 'absent.json')} : fichier introuvable\n`,
    );
    const notAList = await cli([
      'eligibility',
      '--contract',
      'collective',
      '--signed-on',
      '2026-11-15',
      '--structure',
      'scm',
      '--members',
      file('members-object.json', '{}'),
      '--lang',
      'fr',
    ]);
    expect((await cli(['batch', 'schedule', dir, '--lang', 'fr'])).stderr).toBe(`erreur : impossible de lire ${dir} : c'est un dossier\n`);
    expect((await cli(['batch', 'schedule', dir, '--lang', 'en'])).stderr).toBe(`error: cannot read ${dir}: it is a folder\n`);
    expect(notAList).toMatchObject({ code: 2 });
    expect(notAList.stderr).toContain('members-object.json doit contenir une liste de membres');
  });

  it('refuses a language it does not speak', async () => {
    const { code, stderr } = await cli(['example', '--lang', 'de']);
    expect(code).toBe(2);
    expect(stderr).toBe('erreur : --lang vaut fr ou en (voir : aide-assistant-medical example --help)\n');
  });

  it('words its own errors in French: a bad flag, a file that cannot be read, a refused batch file', async () => {
    expect((await cli(['targets', '--bogus', '--lang', 'fr'])).stderr).toBe(
      "erreur : option inconnue '--bogus' (voir : aide-assistant-medical targets --help)\n",
    );
    const missing = await cli(['batch', 'settle', join(dir, 'absent.csv'), '--lang', 'fr']);
    expect(missing).toMatchObject({ code: 3, stderr: `erreur : impossible de lire ${join(dir, 'absent.csv')} : fichier introuvable\n` });
    const refused = await cli(['batch', 'schedule', file('refused.csv', 'signedOn,colour\n2023-09-01,blue\n'), '--lang', 'fr']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(
      'erreur : le fichier est refusé : colonne "colour" inconnue (gardez-la dans la sortie avec --keep colour)',
    );
    const rows = await cli([
      'batch',
      'schedule',
      file('rows.csv', 'signedOn,option,tier\n2023-09-01,half-time\n2023-02-30,half-time,standard\n'),
      '--lang',
      'fr',
    ]);
    expect(rows.stderr).toContain("rang 1 (ligne 2) : la ligne a 2 champs, l'en-tête 3");
    expect(rows.stderr).toContain("rang 2 (ligne 3) : INVALID_INPUT en signedOn : le 2023-02-30 n'existe pas dans le calendrier");
    expect(rows.stderr).toContain('2 rangs, 0 réussis, 2 en échec');
  });
});

describe('command line: the simulator page (simulateur)', () => {
  it('prints the path of the page, a file that opens from file://', async () => {
    const { buildPage } = await import('../../scripts/build-page.mjs');
    const built = await buildPage();
    const { code, stdout } = await cli(['simulateur']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(built.path);
    expect(readFileSync(built.path, 'utf8')).toMatch(/^<!doctype html>\n<html lang="fr">/);
  });

  it('serves the page on 127.0.0.1 until stopped, and nothing else', async () => {
    const stdout = new PassThrough();
    const lines: string[] = [];
    stdout.on('data', (d: Buffer) => lines.push(d.toString()));
    const stop = new AbortController();
    const done = run(['simulateur', '--serve'], {
      stdout,
      stderr: new PassThrough(),
      stdin: Readable.from(['']),
      stderrIsTTY: false,
      signal: stop.signal,
    });
    await expect.poll(() => lines.join('')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const url = lines.join('').trim();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Simulateur de l');
    expect((await fetch(`${url}etc/passwd`)).status).toBe(404);
    stop.abort();
    expect(await done).toBe(0);
  });

  it('refuses a port that is not one', async () => {
    const { code, stderr } = await cli(['simulateur', '--serve', '--port', 'http']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port is a number from 0 to 65535');
  });
});

describe('command line: batch --jobs in-process', () => {
  it('runs in-process when it cannot start workers (from its sources), whatever --jobs says', async () => {
    const csv = file('jobs.csv', 'signedOn,option,tier\n2023-09-01,half-time,standard\n2023-02-30,half-time,standard\n');
    const one = await cli(['batch', 'schedule', csv, '--jobs', '1']);
    const two = await cli(['batch', 'schedule', csv, '--jobs', '2']);
    expect(two).toEqual(one);
    expect(one.code).toBe(1);
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (d: Buffer) => out.push(d.toString()));
    const code = await run(['batch', 'schedule', csv, '--lang', 'en'], {
      stdout,
      stderr: new PassThrough(),
      stdin: Readable.from(['']),
      stderrIsTTY: false,
      cores: 2,
    });
    expect(code).toBe(1);
    expect(out.join('')).toBe(one.stdout);
  });

  it.each(['0', '65', 'two', '1.5'])('refuses --jobs %s', async (jobs) => {
    const { code, stderr } = await cli(['batch', 'schedule', file('j.csv', 'signedOn\n'), '--jobs', jobs]);
    expect(code).toBe(2);
    expect(stderr).toContain('--jobs is a number of workers from 1 to 64');
  });
});
