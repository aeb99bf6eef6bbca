// The command line: one subcommand per public function, a batch mode over CSV or JSON files,
// and the built-in example. An adapter over the public API; nothing here is imported by it.
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { aidScheduleMany, checkEligibilityMany, patientTargetsMany, settleMany, type BatchOutcome } from '../batch/many.js';
import { RulesError } from '../core/errors.js';
import { checkEligibility, type EligibilityInput } from '../eligibility/checkEligibility.js';
import type { CollectiveEligibilityInput } from '../eligibility/collective.js';
import { compareContracts, type CompareInput } from '../compare/compareContracts.js';
import type { CollectiveScheduleInput } from '../schedule/collective.js';
import type { CollectiveSettleInput } from '../settlement/collective.js';
import type { CollectiveTargetsInput } from '../targets/collective.js';
import { explain } from '../explain/explain.js';
import { ruleSets } from '../rules/registry.js';
import { aidSchedule, type ScheduleInput } from '../schedule/aidSchedule.js';
import { settleYear, type SettleInput } from '../settlement/settleYear.js';
import { patientTargets, type TargetsInput } from '../targets/patientTargets.js';
import {
  formatComparison,
  formatEligibility,
  formatGroupEligibility,
  formatGroupTargets,
  formatSchedule,
  formatSettlement,
  formatTargets,
} from './format.js';

/** The streams the command line talks to (injected, so tests run it in-process). */
export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** Whether stderr is a terminal (the progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
}

const USAGE = `Usage: aide-assistant-medical <command> [flags]

Commands (each prints a readable table, or JSON with --json; --explain adds the step-by-step
explanation, in French unless --lang en):
  eligibility  --signed-on DATE --specialty SLUG --sector SECTOR [--mt N] [--fa N]
               [--newly-installed] [--disability] [--group-practice member|committed|none]
               [--coordinated-practice member|committed|none] [--zone zip|zac|none]
               [--restricted-departement] [--ccam-share SHARE] [--children-share SHARE]
               [--mixed-activity] [--percentile MEASURE.PXX=N]...
  targets      --signed-on DATE --specialty SLUG --option OPTION [--mt N] [--fa N]
               [--newly-installed] [--aged-65] [--percentile MEASURE.PXX=N]... [--band-rate BAND=RATE]...
  schedule     --signed-on DATE --option OPTION (--tier TIER | --specialty SLUG --mt N [--fa N])
               [--hired-on DATE] [--years N] [--moved-on DATE [--moved-to ID]] [--percentile MEASURE.PXX=N]...
  settle       --signed-on DATE --option OPTION --year N [--tier TIER]
               [--mt-start N --mt-target N --mt-observed N] [--fa-start N --fa-target N --fa-observed N]
               [--advance EUROS] [--attainment progress|level] [--combine mean|min|max] [--moved-on DATE [--moved-to ID]]
  batch        eligibility|targets|schedule|settle FILE|- [--from csv|jsonl|json] [--to csv|jsonl]
               [--out FILE] [--trace]
               Reads one contract per row (CSV columns or JSON fields named as the function's
               input, nested with dots: patientele.medecinTraitant), writes one result per row.
               A bad row is reported with its number and the batch goes on; the exit status is 1
               when any row failed.
  compare      --signed-on DATE --structure scp|scm|sisa --etp N --members FILE [--training-site] [--years N]
               Individual or collective? Each member's individual contract against the group's
               collective one, year by year (members need an "option" column: half-time|full-time).
  example      Runs the four functions for a GP under avenant 7 and under the règlement arbitral.

Collective contracts (a group of GPs: SCP, SCM or SISA): add --contract collective to
eligibility, targets, schedule or settle, with --members FILE (CSV, JSON array or JSON Lines:
one member a row, columns named as the input, e.g. id, sector, patientele.medecinTraitant,
hostsDocteurJunior), --structure, --etp N and --training-site where they apply.

Common flags: --rule-set ID (force a regime), --json, --explain, --lang fr|en, --help
Regimes: ${Object.keys(ruleSets).join(' | ')}.
Options: one-third | half-time | full-time. Tiers: standard | p90-p95 | p95-plus.
Sectors: secteur-1 | secteur-2-optam | secteur-2-optam-co | secteur-2. Dates: YYYY-MM-DD.
`;

class UsageError extends Error {}

type Values = Record<string, string | boolean | string[] | undefined>;
type Row = Record<string, unknown>;

const common = {
  'signed-on': { type: 'string' },
  'rule-set': { type: 'string' },
  json: { type: 'boolean' },
  explain: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  percentile: { type: 'string', multiple: true },
  contract: { type: 'string' },
} as const;

/** Flags of a group's collective contract. */
const group = {
  members: { type: 'string' },
  structure: { type: 'string' },
  'training-site': { type: 'boolean' },
  etp: { type: 'string' },
} as const;

const FLAGS = {
  eligibility: {
    ...common,
    ...group,
    specialty: { type: 'string' },
    sector: { type: 'string' },
    mt: { type: 'string' },
    fa: { type: 'string' },
    'newly-installed': { type: 'boolean' },
    disability: { type: 'boolean' },
    'group-practice': { type: 'string' },
    'coordinated-practice': { type: 'string' },
    zone: { type: 'string' },
    'restricted-departement': { type: 'boolean' },
    'ccam-share': { type: 'string' },
    'children-share': { type: 'string' },
    'mixed-activity': { type: 'boolean' },
  },
  targets: {
    ...common,
    ...group,
    specialty: { type: 'string' },
    option: { type: 'string' },
    mt: { type: 'string' },
    fa: { type: 'string' },
    'newly-installed': { type: 'boolean' },
    'aged-65': { type: 'boolean' },
    'band-rate': { type: 'string', multiple: true },
  },
  schedule: {
    ...common,
    ...group,
    option: { type: 'string' },
    tier: { type: 'string' },
    specialty: { type: 'string' },
    mt: { type: 'string' },
    fa: { type: 'string' },
    'hired-on': { type: 'string' },
    years: { type: 'string' },
    'moved-on': { type: 'string' },
    'moved-to': { type: 'string' },
  },
  settle: {
    ...common,
    ...group,
    option: { type: 'string' },
    tier: { type: 'string' },
    year: { type: 'string' },
    'mt-start': { type: 'string' },
    'mt-target': { type: 'string' },
    'mt-observed': { type: 'string' },
    'fa-start': { type: 'string' },
    'fa-target': { type: 'string' },
    'fa-observed': { type: 'string' },
    advance: { type: 'string' },
    attainment: { type: 'string' },
    combine: { type: 'string' },
    'moved-on': { type: 'string' },
    'moved-to': { type: 'string' },
  },
  batch: {
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    trace: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  compare: {
    ...group,
    'signed-on': { type: 'string' },
    years: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  example: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
} satisfies Record<string, ParseArgsConfig['options']>;

type Command = keyof typeof FLAGS;

/** A flag or CSV value as the library expects it: numbers for numeric text, booleans for true/false. */
function scalar(value: string): string | number | boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
}

/** Sets `value` at a dotted path of `target`, creating the objects on the way. */
function setPath(target: Row, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Row;
  });
  node[keys[keys.length - 1] ?? path] = value;
}

/** Builds an object from dotted keys, dropping empty values. */
function fromPaths(entries: readonly (readonly [string, unknown])[]): Row {
  const row: Row = {};
  for (const [path, value] of entries) {
    if (value === undefined || value === '' || value === false) continue;
    setPath(row, path, value);
  }
  return row;
}

/** One CSV record (strings by column) as an input object. Money stays text, the rest is typed. */
function fromCsvRecord(record: Record<string, string>): Row {
  return fromPaths(
    Object.entries(record).map(
      ([column, value]) => [column, column === 'advancePaid' ? value : value === '' ? undefined : scalar(value)] as const,
    ),
  );
}

/** The member fields each command reads; a members file may hold more columns, named in a note. */
const MEMBER_FIELDS = {
  eligibility: [
    'id',
    'specialty',
    'sector',
    'mep',
    'patientele',
    'installedOn',
    'hostsDocteurJunior',
    'individualContract',
    'previousCollectiveEndedOn',
    'waiver',
  ],
  targets: ['id', 'patientele', 'gainedUnderIndividualContract', 'installedOn'],
  compare: ['id', 'specialty', 'sector', 'mep', 'patientele', 'hostsDocteurJunior', 'installedOn', 'option', 'tier'],
} as const;

/** Keeps the fields a command reads from each member; the others are named once on stderr. */
function keepFields(rows: unknown[], fields: readonly string[], notes: string[]): unknown[] {
  const dropped = new Set<string>();
  const kept = rows.map((row) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) {
      if (fields.includes(key)) out[key] = value;
      else dropped.add(key);
    }
    return out;
  });
  if (dropped.size > 0) notes.push(`note: member columns not used here: ${[...dropped].join(', ')}`);
  return kept;
}

/** The members of a group, from a CSV, JSON (an array) or JSON Lines file. Identifiers stay text. */
function readMembers(file: string | undefined, fields: readonly string[], notes: string[]): unknown[] | undefined {
  if (file === undefined) return undefined;
  return keepFields(readMemberRows(file), fields, notes);
}

function readMemberRows(file: string): unknown[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (/\.json$/i.test(file)) {
    return jsonArray(text);
  }
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    return text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch (e) {
          throw new UsageError(`${file}, line ${String(i + 1)}: not valid JSON (${(e as Error).message})`);
        }
      });
  }
  const records: Record<string, string>[] = parseCsvSync(text, { columns: true, trim: true, skip_empty_lines: true });
  return records.map((record) => {
    const row = fromCsvRecord(record);
    if (record.id !== undefined) row.id = record.id;
    return row;
  });
}

/** The input of a collective contract, built from its flags. */
function collectiveInput(command: 'eligibility' | 'targets' | 'schedule' | 'settle', v: Values, notes: string[]): Row {
  const base: [string, unknown][] = [
    ['contract', 'collective'],
    ['signedOn', str(v, 'signed-on')],
    ['ruleSet', str(v, 'rule-set')],
  ];
  switch (command) {
    case 'eligibility':
      return fromPaths([
        ...base,
        ['structure', str(v, 'structure')],
        ['trainingSite', v['training-site']],
        ['members', readMembers(str(v, 'members'), MEMBER_FIELDS.eligibility, notes)],
      ]);
    case 'targets':
      return fromPaths([...base, ['etp', num(v, 'etp')], ['members', readMembers(str(v, 'members'), MEMBER_FIELDS.targets, notes)]]);
    case 'schedule':
      return fromPaths([...base, ['etp', num(v, 'etp')], ['years', num(v, 'years')]]);
    case 'settle':
      return fromPaths([...base, ['etp', num(v, 'etp')], ...settlementFlags(v)]);
  }
}

/** The flags every settlement shares: year, targets, observed counts, advance and policy. */
function settlementFlags(v: Values): [string, unknown][] {
  return [
    ['year', num(v, 'year')],
    ['targets.medecinTraitant.start', num(v, 'mt-start')],
    ['targets.medecinTraitant.target', num(v, 'mt-target')],
    ['observed.medecinTraitant', num(v, 'mt-observed')],
    ['targets.fileActive.start', num(v, 'fa-start')],
    ['targets.fileActive.target', num(v, 'fa-target')],
    ['observed.fileActive', num(v, 'fa-observed')],
    ['advancePaid', str(v, 'advance')],
    ['policy.attainment', str(v, 'attainment')],
    ['policy.combine', str(v, 'combine')],
  ];
}

function str(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

function num(values: Values, key: string): string | number | boolean | undefined {
  const v = str(values, key);
  return v === undefined ? undefined : scalar(v);
}

function assignments(values: Values, key: string, prefix: string): [string, unknown][] {
  const list = values[key];
  return (Array.isArray(list) ? list : []).map((item) => {
    const [path, value] = item.split('=');
    if (path === undefined || value === undefined || path === '') throw new UsageError(`--${key} expects NAME=VALUE, got "${item}"`);
    return [`${prefix}${path}`, scalar(value)];
  });
}

/** The input of a subcommand, built from its flags. */
function inputFrom(command: Exclude<Command, 'batch' | 'example' | 'compare'>, v: Values, notes: string[]): Row {
  const contract = str(v, 'contract');
  if (contract !== undefined && contract !== 'individual' && contract !== 'collective')
    throw new UsageError('--contract is individual or collective');
  if (contract === 'collective') return collectiveInput(command, v, notes);
  for (const flag of Object.keys(group)) if (v[flag] !== undefined) throw new UsageError(`--${flag} goes with --contract collective`);
  const base: [string, unknown][] = [
    ['signedOn', str(v, 'signed-on')],
    ['ruleSet', str(v, 'rule-set')],
  ];
  const percentiles = assignments(v, 'percentile', 'percentiles.');
  switch (command) {
    case 'eligibility':
      return fromPaths([
        ...base,
        ['specialty', str(v, 'specialty')],
        ['sector', str(v, 'sector')],
        ['patientele', {}],
        ['patientele.medecinTraitant', num(v, 'mt')],
        ['patientele.fileActive', num(v, 'fa')],
        ['newlyInstalled', v['newly-installed']],
        ['disability', v.disability],
        ['groupPractice', str(v, 'group-practice')],
        ['coordinatedPractice', str(v, 'coordinated-practice')],
        ['zone', str(v, 'zone')],
        ['restrictedDepartement', v['restricted-departement']],
        ['ccamFeeShare', num(v, 'ccam-share')],
        ['childrenShare', num(v, 'children-share')],
        ['mixedActivity', v['mixed-activity']],
        ...percentiles,
      ]);
    case 'targets':
      return fromPaths([
        ...base,
        ['specialty', str(v, 'specialty')],
        ['option', str(v, 'option')],
        ['patientele', {}],
        ['patientele.medecinTraitant', num(v, 'mt')],
        ['patientele.fileActive', num(v, 'fa')],
        ['newlyInstalled', v['newly-installed']],
        ['aged65OrMore', v['aged-65']],
        ...percentiles,
        ...assignments(v, 'band-rate', 'bandRates.'),
      ]);
    case 'schedule':
      return fromPaths([
        ...base,
        ['option', str(v, 'option')],
        ['tier', str(v, 'tier')],
        ['specialty', str(v, 'specialty')],
        ['patientele.medecinTraitant', num(v, 'mt')],
        ['patientele.fileActive', num(v, 'fa')],
        ['hiredOn', str(v, 'hired-on')],
        ['years', num(v, 'years')],
        ['movedTo.on', str(v, 'moved-on')],
        ['movedTo.ruleSet', str(v, 'moved-to')],
        ...percentiles,
      ]);
    case 'settle':
      return fromPaths([
        ...base,
        ['option', str(v, 'option')],
        ['tier', str(v, 'tier')],
        ...settlementFlags(v),
        ['movedTo.on', str(v, 'moved-on')],
        ['movedTo.ruleSet', str(v, 'moved-to')],
      ]);
  }
}

type AnyResult = Parameters<typeof explain>[0];

const SINGLE = {
  eligibility: (input: Row) => {
    if (input.contract === 'collective') {
      const r = checkEligibility(input as unknown as CollectiveEligibilityInput);
      return { result: r as AnyResult, text: formatGroupEligibility(r) };
    }
    const r = checkEligibility(input as unknown as EligibilityInput);
    return { result: r as AnyResult, text: formatEligibility(r) };
  },
  targets: (input: Row) => {
    if (input.contract === 'collective') {
      const r = patientTargets(input as unknown as CollectiveTargetsInput);
      return { result: r as AnyResult, text: formatGroupTargets(r) };
    }
    const r = patientTargets(input as unknown as TargetsInput);
    return { result: r as AnyResult, text: formatTargets(r) };
  },
  schedule: (input: Row) => {
    const r =
      input.contract === 'collective'
        ? aidSchedule(input as unknown as CollectiveScheduleInput)
        : aidSchedule(input as unknown as ScheduleInput);
    return { result: r as AnyResult, text: formatSchedule(r) };
  },
  settle: (input: Row) => {
    const r =
      input.contract === 'collective' ? settleYear(input as unknown as CollectiveSettleInput) : settleYear(input as unknown as SettleInput);
    return { result: r as AnyResult, text: formatSettlement(r) };
  },
};

/** One CSV line; booleans written as true/false. */
function csvLine(cells: readonly unknown[]): string {
  return stringifyCsv([cells], { cast: { boolean: (value) => String(value) } });
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function describeError(e: RulesError): string {
  return [`error: ${e.message}`, ...e.issues.slice(1).map((i) => `       ${i.path.join('.') || '(input)'}: ${i.message}`)].join('\n');
}

const MANY = { eligibility: checkEligibilityMany, targets: patientTargetsMany, schedule: aidScheduleMany, settle: settleMany } as const;

/** The columns of the CSV output of a batch, per function: [header, value of a result]. */
const COLUMNS: Record<keyof typeof MANY, [string, (r: Row) => unknown][]> = {
  eligibility: [
    ['ruleSet', (r) => r.ruleSet],
    ['eligible', (r) => r.eligible],
    ['options', (r) => (r.options as string[]).join(' ')],
    [
      'failedChecks',
      (r) =>
        (r.checks as { passed: boolean; scope: string; rule: string }[])
          .filter((c) => !c.passed && c.scope === 'doctor')
          .map((c) => c.rule)
          .join(' '),
    ],
  ],
  targets: [
    ['ruleSet', (r) => r.ruleSet],
    ...(['medecinTraitant', 'fileActive'] as const).flatMap((m) =>
      (['start', 'increase', 'target', 'rate'] as const).map((k): [string, (r: Row) => unknown] => [
        `${m}.${k}`,
        (r) => (r.targets as Record<string, Row | undefined>)[m]?.[k],
      ]),
    ),
    ['unavailable', (r) => (r.unavailable as { measure: string }[]).map((u) => u.measure).join(' ')],
  ],
  schedule: [
    ['ruleSet', (r) => r.ruleSet],
    ['tier', (r) => r.tier],
    ...[1, 2, 3, 4, 5].flatMap((n): [string, (r: Row) => unknown][] => [
      [`year${String(n)}.amount`, (r) => (r.years as Row[])[n - 1]?.amount],
      [`year${String(n)}.pricedBy`, (r) => (r.years as Row[])[n - 1]?.pricedBy],
    ]),
    ['total', (r) => r.total],
  ],
  settle: [
    ['ruleSet', (r) => r.ruleSet],
    ['pricedBy', (r) => r.pricedBy],
    ['annualAid', (r) => r.annualAid],
    ['attainment', (r) => (r.attainment as Row).combined],
    ['aidDue', (r) => r.aidDue],
    ['advance', (r) => r.advance],
    ['balance', (r) => r.balance],
    ['balanceKind', (r) => r.balanceKind],
  ],
};

/**
 * The inputs of a JSON Lines file. A line that is not JSON is yielded as null (the batch then
 * fails that row) and its reason is kept in `unreadable` until the row is reported.
 */
async function* jsonLines(input: Readable, unreadable: Map<number, string>): AsyncGenerator {
  let index = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as unknown;
    } catch (e) {
      unreadable.set(index, `not valid JSON: ${(e as Error).message}`);
      yield null;
    }
    index += 1;
  }
}

function progressBar(io: Io, size: number | undefined) {
  let bytes = 0;
  let last = 0;
  const draw = (rows: number, failed: number, final = false) => {
    const now = Date.now();
    if (!io.stderrIsTTY || (!final && now - last < 200)) return;
    last = now;
    const ratio = size ? Math.min(bytes / size, 1) : 0;
    const bar = size ? `[${'█'.repeat(Math.round(ratio * 24)).padEnd(24, '░')}] ${String(Math.round(ratio * 100)).padStart(3)}% · ` : '';
    io.stderr.write(`\r${bar}${rows.toLocaleString('en')} rows · ${failed.toLocaleString('en')} failed${final ? '\n' : ''}`);
  };
  return {
    count: (chunk: Buffer | string) => {
      bytes += chunk.length;
    },
    draw,
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(String(chunk));
  return chunks.join('');
}

/** The inputs of a JSON file: an array, read whole (JSON Lines is the streaming format). */
function jsonArray(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the batch file is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new UsageError('a JSON batch file holds an array of inputs (use JSON Lines for one input per line)');
  return parsed;
}

async function batch(values: Values, positionals: string[], io: Io): Promise<number> {
  const [fn, file] = positionals;
  if (fn === undefined || !(fn in MANY) || file === undefined)
    throw new UsageError('batch needs a function (eligibility, targets, schedule or settle) and a file (or - for standard input)');
  const kind = fn as keyof typeof MANY;
  const from = str(values, 'from') ?? (/\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : /\.json$/i.test(file) ? 'json' : 'csv');
  const to = str(values, 'to') ?? (str(values, 'out')?.match(/\.(jsonl|ndjson)$/i) ? 'jsonl' : 'csv');
  if (!['csv', 'jsonl', 'json'].includes(from) || !['csv', 'jsonl'].includes(to))
    throw new UsageError('--from is csv, jsonl or json; --to is csv or jsonl');

  const size = file === '-' ? undefined : statSync(file).size;
  const unreadable = new Map<number, string>();
  const progress = progressBar(io, size);
  const source: Readable = file === '-' ? io.stdin : createReadStream(file);
  source.on('data', progress.count);
  const rows: AsyncIterable<unknown> | Iterable<unknown> =
    from === 'csv'
      ? (async function* () {
          for await (const record of source.pipe(
            parseCsv({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
          )) {
            yield fromCsvRecord(record as Record<string, string>);
          }
        })()
      : from === 'jsonl'
        ? jsonLines(source, unreadable)
        : jsonArray(file === '-' ? await readAll(io.stdin) : readFileSync(file, 'utf8'));

  const outPath = str(values, 'out');
  const out: Writable = outPath === undefined ? io.stdout : createWriteStream(outPath);
  const columns = COLUMNS[kind];
  if (to === 'csv') await write(out, csvLine(['row', 'ok', 'error', ...columns.map(([h]) => h)]));
  let total = 0;
  let failed = 0;
  const outcomes = (
    MANY[kind] as (rows: unknown, options: { trace: boolean }) => AsyncIterable<BatchOutcome<Row>> | Iterable<BatchOutcome<Row>>
  )(rows, {
    trace: values.trace === true,
  });
  for await (const outcome of outcomes) {
    const rowNumber = outcome.index + 1;
    total += 1;
    let error: string | undefined;
    if (!outcome.ok) {
      failed += 1;
      error = unreadable.get(outcome.index) ?? outcome.error.message;
      unreadable.delete(outcome.index);
      if (failed <= 20) await write(io.stderr, `${io.stderrIsTTY ? '\r' : ''}row ${String(rowNumber)}: ${error}\n`);
    }
    if (to === 'csv') {
      const result = outcome.ok ? outcome.result : undefined;
      await write(out, csvLine([rowNumber, outcome.ok, error ?? '', ...columns.map(([, get]) => (result ? (get(result) ?? '') : ''))]));
    } else {
      await write(
        out,
        `${JSON.stringify(outcome.ok ? { row: rowNumber, ok: true, result: outcome.result } : { row: rowNumber, ok: false, error: outcome.error })}\n`,
      );
    }
    progress.draw(total, failed);
  }
  progress.draw(total, failed, true);
  if (out !== io.stdout) {
    out.end();
    await once(out, 'finish');
  }
  if (failed > 20) await write(io.stderr, `… and ${String(failed - 20)} more failed rows (see the output)\n`);
  await write(io.stderr, `${String(total)} rows, ${String(total - failed)} passed, ${String(failed)} failed\n`);
  return failed > 0 ? 1 : 0;
}

async function example(values: Values, io: Io): Promise<number> {
  const gp = { specialty: 'medecine-generale', patientele: { medecinTraitant: 920, fileActive: 1350 } } as const;
  const contracts = [
    {
      title: 'Avenant 7 (2019): a GP signing on 2021-03-01',
      signedOn: '2021-03-01',
      eligibility: { groupPractice: 'member', coordinatedPractice: 'member', zone: 'none' },
      // The 2019 GP percentiles above P30 are not published in the sources the library reads:
      // the example supplies hypothetical values, recorded as caller-supplied in the results.
      percentiles: { medecinTraitant: { p50: 1000 }, fileActive: { p30: 1000, p50: 1500 } },
      hiredOn: '2021-03-15',
    },
    {
      title: 'Règlement arbitral (2023): a GP signing on 2023-09-01',
      signedOn: '2023-09-01',
      eligibility: {},
      percentiles: undefined,
      hiredOn: undefined,
    },
  ];
  const all: unknown[] = [];
  for (const c of contracts) {
    const eligibility = checkEligibility({ ...gp, signedOn: c.signedOn, sector: 'secteur-1', ...c.eligibility } as EligibilityInput);
    const targets = patientTargets({
      ...gp,
      signedOn: c.signedOn,
      option: 'half-time',
      ...(c.percentiles ? { percentiles: c.percentiles } : {}),
    });
    const schedule = aidSchedule({
      signedOn: c.signedOn,
      option: 'half-time',
      tier: 'standard',
      ...(c.hiredOn ? { hiredOn: c.hiredOn } : {}),
    });
    const contractTargets: Row = {};
    const observed: Row = {};
    for (const [measure, t] of Object.entries(targets.targets) as [string, { start: number; target: number; increase: number }][]) {
      contractTargets[measure] = { start: t.start, target: t.target };
      observed[measure] = t.start + Math.round(t.increase / 2);
    }
    const settlement = settleYear({
      signedOn: c.signedOn,
      option: 'half-time',
      tier: 'standard',
      year: 3,
      targets: contractTargets,
      observed,
    } as SettleInput);
    if (values.json === true) {
      all.push({ contract: c.title, eligibility, targets, schedule, settlement });
      continue;
    }
    const rule = '═'.repeat(c.title.length);
    await write(
      io.stdout,
      `\n${c.title}\n${rule}\n\n▸ checkEligibility\n${formatEligibility(eligibility)}\n\n▸ patientTargets (half-time)\n${formatTargets(targets)}\n`,
    );
    await write(
      io.stdout,
      `\n▸ aidSchedule (half-time, standard tier)\n${formatSchedule(schedule)}\n\n▸ settleYear (year 3, half of each required increase reached)\n${formatSettlement(settlement)}\n`,
    );
  }
  if (values.json === true) await write(io.stdout, `${JSON.stringify(all, null, 2)}\n`);
  return 0;
}

async function compare(v: Values, io: Io): Promise<number> {
  const notes: string[] = [];
  const input = fromPaths([
    ['signedOn', str(v, 'signed-on')],
    ['structure', str(v, 'structure')],
    ['trainingSite', v['training-site']],
    ['etp', num(v, 'etp')],
    ['years', num(v, 'years')],
    ['members', readMembers(str(v, 'members'), MEMBER_FIELDS.compare, notes)],
  ]);
  for (const note of notes) await write(io.stderr, `${note}\n`);
  const result = compareContracts(input as unknown as CompareInput);
  await write(io.stdout, v.json === true ? `${JSON.stringify(result, null, 2)}\n` : `${formatComparison(result)}\n`);
  return 0;
}

/**
 * Runs the command line with `argv` (without the node and script names) and returns the exit
 * status: 0 success, 1 a computation or row failed, 2 bad usage.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    await write(command === undefined ? io.stderr : io.stdout, USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!(command in FLAGS)) {
    await write(io.stderr, `error: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const cmd = command as Command;
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: FLAGS[cmd], strict: true, allowPositionals: cmd === 'batch' });
    const v = values as Values;
    if (v.help === true) {
      await write(io.stdout, USAGE);
      return 0;
    }
    if (cmd === 'batch') return await batch(v, positionals, io);
    if (cmd === 'example') return await example(v, io);
    if (cmd === 'compare') return await compare(v, io);
    const lang = str(v, 'lang') ?? 'fr';
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang is fr or en');
    const notes: string[] = [];
    const input = inputFrom(cmd, v, notes);
    for (const note of notes) await write(io.stderr, `${note}\n`);
    const { result, text } = SINGLE[cmd](input);
    await write(io.stdout, v.json === true ? `${JSON.stringify(result, null, 2)}\n` : `${text}\n`);
    if (v.explain === true) await write(io.stdout, `\n${explain(result, { lang })}`);
    return 0;
  } catch (e) {
    if (e instanceof RulesError) {
      await write(io.stderr, `${describeError(e)}\n`);
      return 1;
    }
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      await write(io.stderr, `error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
