// The command line's batch mode: one contract a row, from CSV (comma or semicolon, UTF-8 or
// Windows-1252, as French spreadsheets export it), JSON Lines or a JSON array, to CSV, JSON Lines
// or a CSV that a French Excel opens as it is. Strict by default: a header the input does not
// have refuses the file before any row; a row that does not fit its header is a row error with
// its line, never a shifted row; every failed row is reported.
import { parse as parseCsvSync } from 'csv-parse/sync';
import { once } from 'node:events';
import { accessSync, constants, createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import * as z from 'zod/mini';
import {
  aidScheduleMany,
  checkEligibilityMany,
  contractLedgerMany,
  patientTargetsMany,
  settleMany,
  type BatchOptions,
  type BatchOutcome,
} from '../batch/many.js';
import { fieldPaths } from '../core/fields.js';
import { schema as eligibilitySchema } from '../eligibility/checkEligibility.js';
import { schema as scheduleSchema } from '../schedule/aidSchedule.js';
import { schema as settleSchema } from '../settlement/settleYear.js';
import { schema as targetsSchema } from '../targets/patientTargets.js';
import { inWorkers } from './workers.js';
import { CliError, EXIT, FORBIDDEN_SEGMENTS, UsageError, cell, leftOut, pathKeys, setKeys, write, type Io, type Row } from './common.js';

type Values = Record<string, string | boolean | string[] | undefined>;

const MANY = {
  eligibility: checkEligibilityMany,
  targets: patientTargetsMany,
  schedule: aidScheduleMany,
  settle: settleMany,
  ledger: contractLedgerMany,
} as const;
type Kind = keyof typeof MANY;

/** The columns a batch file may have, per function: the leaf paths of its input. */
const SCHEMAS: Record<Exclude<Kind, 'ledger'>, z.ZodMiniType> = {
  eligibility: eligibilitySchema,
  targets: targetsSchema,
  schedule: scheduleSchema,
  settle: settleSchema,
};

/** The columns of the CSV output of a batch, per function: [header, value of a result]. */
const COLUMNS: Record<Kind, [string, (r: Row) => unknown][]> = {
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
  ledger: [
    ['ruleSet', (r) => r.ruleSet],
    ...(['aidDue', 'paid', 'toPay', 'toRecover'] as const).map((k): [string, (r: Row) => unknown] => [
      `totals.${k}`,
      (r) => (r.totals as Row)[k],
    ]),
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n): [string, (r: Row) => unknown][] =>
      (['aidDue', 'paid', 'balance', 'balanceKind'] as const).map((k): [string, (r: Row) => unknown] => [
        `year${String(n)}.${k}`,
        (r) => (r.years as Row[])[n - 1]?.[k],
      ]),
    ),
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

/** One row read from a batch file: its input, or why it could not be read, with its line and kept cells. */
export interface Item {
  readonly line: number | null;
  readonly input: unknown;
  readonly kept: readonly string[];
  readonly error?: { readonly en: string; readonly fr: string };
}

/** The text of a stream, decoded as `encoding` (a UTF-8 byte-order mark is dropped). */
async function* decoded(source: Readable, encoding: string): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new UsageError(
      `unknown --encoding "${encoding}": use utf-8 or windows-1252`,
      `--encoding "${encoding}" inconnu : utilisez utf-8 ou windows-1252`,
    );
  }
  for await (const chunk of source) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** The delimiter of a CSV file, from its header line: semicolon when it has more semicolons than commas. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Checks a CSV header against the input's fields and the kept columns; a bad header refuses the file. */
function checkHeader(header: readonly string[], fields: ReadonlySet<string>, keep: readonly string[]): string[] {
  const names = header.map((h) => h.trim());
  const problems: [string, string][] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push([`the column "${name}" appears twice`, `la colonne "${name}" apparaît deux fois`]);
    seen.add(name);
    if (name.split('.').some((segment) => FORBIDDEN_SEGMENTS.includes(segment)))
      problems.push([`the column "${name}" is not an input field`, `la colonne "${name}" n'est pas un champ de donnée`]);
    else if (!fields.has(name) && !keep.includes(name))
      problems.push([
        `unknown column "${name}" (keep it in the output with --keep ${name})`,
        `colonne "${name}" inconnue (gardez-la dans la sortie avec --keep ${name})`,
      ]);
  }
  for (const name of keep)
    if (!seen.has(name))
      problems.push([
        `--keep names "${name}", which is not a column of the file`,
        `--keep nomme "${name}", qui n'est pas une colonne du fichier`,
      ]);
  if (problems.length > 0)
    throw new CliError(
      `the file is refused: ${problems.map(([en]) => en).join('; ')}`,
      `le fichier est refusé : ${problems.map(([, fr]) => fr).join(' ; ')}`,
      EXIT.refused,
    );
  return names;
}

/** How many lines a quoted field may span before the quote is taken as broken. */
const MAX_RECORD_LINES = 20;

/**
 * The lines of a text stream, a block per chunk read (a final line without newline included):
 * the readers below work a block at a time, so that a row costs no asynchronous step of its own.
 */
async function* lineBlocks(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let carry = '';
  for await (const chunk of chunks) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i] as string;
      if (part.endsWith('\r')) parts[i] = part.slice(0, -1);
    }
    if (parts.length > 0) yield parts;
  }
  if (carry !== '') yield [carry];
}

/** Whether a CSV text leaves a quote open (quotes come in pairs; an escaped quote is doubled). */
function quoteOpen(text: string): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 34) count += 1;
  return count % 2 === 1;
}

/** How a CSV record becomes an input: its header, delimiter and kept columns (sent to workers). */
export interface CsvContext {
  readonly header: readonly string[];
  readonly delimiter: string;
  readonly keep: readonly string[];
}

/** A record read but not yet parsed: its text and first line (a CSV record, or a JSON line). */
export interface Raw {
  readonly line: number;
  readonly text: string;
}

/** What the reader learnt from the file's first line: how its CSV records read (none for JSON). */
export interface Source {
  csv?: CsvContext;
}

/** A CSV record as an input, or a row error with its line when it does not fit its header. */
function csvItem(text: string, line: number, context: CsvContext): Item {
  const { header, delimiter, keep } = context;
  let row: string[] | undefined;
  if (!text.includes('"'))
    row = text.split(delimiter); // no quote: the fields are the text between delimiters
  else {
    try {
      const parsed: string[][] = parseCsvSync(text, { delimiter, relax_column_count: false });
      row = parsed[0];
    } catch (e) {
      const reason = (e as Error).message.replace(/ at line \d+/, '');
      return { line, input: null, kept: [], error: { en: reason, fr: `ligne illisible : ${reason}` } };
    }
  }
  const fields = row ?? [];
  if (fields.length !== header.length)
    return {
      line,
      input: null,
      kept: [],
      error: {
        en: `the row has ${String(fields.length)} fields, the header ${String(header.length)}`,
        fr: `la ligne a ${String(fields.length)} champs, l'en-tête ${String(header.length)}`,
      },
    };
  const kept: string[] = keep.map(() => '');
  const input: Row = {};
  const columns = columnsOf(context);
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i] as Column;
    const text = fields[i] ?? '';
    if (column.kept >= 0) kept[column.kept] = text;
    else {
      const value = cell(column.name, text);
      if (!leftOut(value)) setKeys(input, column.keys, value);
    }
  }
  return { line, input, kept };
}

/** A column of a CSV file as its rows are read: kept as it is (its place among the kept), or an input field (its path). */
interface Column {
  readonly name: string;
  readonly kept: number;
  readonly keys: readonly string[];
}

/** The columns of each header, worked out once per header (a worker receives its own copy of the header with each chunk). */
const columnPlans = new WeakMap<CsvContext, readonly Column[]>();

function columnsOf(context: CsvContext): readonly Column[] {
  let columns = columnPlans.get(context);
  if (columns === undefined) {
    columns = context.header.map((name) => {
      const kept = context.keep.indexOf(name);
      return { name, kept, keys: kept >= 0 ? [] : pathKeys(name) };
    });
    columnPlans.set(context, columns);
  }
  return columns;
}

/** A JSON line as an input; a line that is not JSON is a row error, the batch goes on. */
function jsonLineItem(text: string, line: number): Item {
  try {
    return { line, input: JSON.parse(text) as unknown, kept: [] };
  } catch (e) {
    return {
      line,
      input: null,
      kept: [],
      error: { en: `not valid JSON: ${(e as Error).message}`, fr: `JSON invalide : ${(e as Error).message}` },
    };
  }
}

/** The item of a record read: parsed here, or already an item (a row error found while reading). */
function itemOf(read: Raw | Item, csv: CsvContext | undefined): Item {
  if (!('text' in read)) return read;
  return csv ? csvItem(read.text, read.line, csv) : jsonLineItem(read.text, read.line);
}

/**
 * The records of a CSV file, in order, each with its line, a block at a time. Each record is
 * parsed alone (see `csvItem`), so a record that does not fit its header (too many or too few
 * fields, a broken quote) is a row error with its line and the next record is read as it is:
 * nothing ever shifts.
 */
async function* csvRecords(
  chunks: AsyncIterable<string>,
  options: { readonly delimiter: string | undefined; readonly fields: ReadonlySet<string>; readonly keep: readonly string[] },
  source: Source,
): AsyncGenerator<(Raw | Item)[]> {
  let context: CsvContext | undefined;
  let record: string[] = [];
  let first = 0;
  let number = 0;
  for await (const lines of lineBlocks(chunks)) {
    const block: (Raw | Item)[] = [];
    for (const line of lines) {
      number += 1;
      if (context === undefined) {
        const delimiter = options.delimiter ?? detectDelimiter(line);
        const rows: string[][] = parseCsvSync(line.replace(/^\uFEFF/, ''), { delimiter });
        context = { header: checkHeader(rows[0] ?? [], options.fields, options.keep), delimiter, keep: options.keep };
        source.csv = context;
        continue;
      }
      if (record.length === 0 && !line.includes('"')) {
        // The common record: one line, no quote.
        if (line.trim() !== '') block.push({ line: number, text: line });
        continue;
      }
      if (record.length === 0) first = number;
      record.push(line);
      const text = record.join('\n');
      if (quoteOpen(text) && record.length < MAX_RECORD_LINES) continue;
      record = [];
      if (!quoteOpen(text)) {
        if (text.trim() !== '') block.push({ line: first, text });
        continue;
      }
      block.push({
        line: first,
        input: null,
        kept: [],
        error: {
          en: `a quote opened on line ${String(first)} is not closed within ${String(MAX_RECORD_LINES)} lines`,
          fr: `un guillemet ouvert ligne ${String(first)} n'est pas fermé dans les ${String(MAX_RECORD_LINES)} lignes`,
        },
      });
    }
    if (block.length > 0) yield block;
  }
  if (record.length > 0)
    yield [
      {
        line: first,
        input: null,
        kept: [],
        error: {
          en: `a quote opened on line ${String(first)} is never closed`,
          fr: `un guillemet ouvert ligne ${String(first)} n'est jamais fermé`,
        },
      },
    ];
}

/** The lines of a JSON Lines file, each with its number (blank lines are skipped), a block at a time. */
async function* jsonLineRecords(chunks: AsyncIterable<string>): AsyncGenerator<Raw[]> {
  let line = 0;
  for await (const lines of lineBlocks(chunks)) {
    const block: Raw[] = [];
    for (const text of lines) {
      line += 1;
      if (text.trim() !== '') block.push({ line, text });
    }
    if (block.length > 0) yield block;
  }
}

/** The rows of a JSON file: an array, read whole (JSON Lines is the streaming format). */
async function jsonItems(chunks: AsyncIterable<string>): Promise<Item[]> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `the file is refused: not valid JSON (${(e as Error).message})`,
      `le fichier est refusé : JSON invalide (${(e as Error).message})`,
      EXIT.refused,
    );
  }
  if (!Array.isArray(parsed))
    throw new CliError(
      'the file is refused: a JSON batch file holds an array of inputs (use JSON Lines for one input per line)',
      'le fichier est refusé : un lot JSON contient une liste de données (utilisez JSON Lines pour une donnée par ligne)',
      EXIT.refused,
    );
  return (parsed as unknown[]).map((input) => ({ line: null, input, kept: [] }));
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

const DECIMAL = /^-?\d+\.\d+$/;

/** A cell's text: nothing is empty, a string itself, a number or boolean as written, anything else its JSON (as csv-stringify writes it). */
function cellText(cell: unknown): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell); // a list or an object (a result holds no function)
}

/**
 * One CSV line (RFC 4180): a field holding the delimiter, a quote or a line break is quoted, its
 * quotes doubled; booleans are written true/false, nothing is an empty field, an object is its JSON. French Excel:
 * semicolons and decimal commas. Written here, one pass a field: it is the batch's every row.
 */
export function csvLine(cells: readonly unknown[], excel: boolean): string {
  const delimiter = excel ? ';' : ',';
  const fields = cells.map((cell) => {
    let text = cellText(cell);
    if (excel && typeof cell === 'string' && DECIMAL.test(text)) text = text.replace('.', ',');
    return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
      ? `"${text.replaceAll('"', '""')}"`
      : text;
  });
  return `${fields.join(delimiter)}\n`;
}

/** Opens an output file, or says in one line why it cannot be written. */
function openOutput(path: string, what: { readonly en: string; readonly fr: string }): WriteStream {
  const full = resolve(path);
  try {
    accessSync(dirname(full), constants.W_OK);
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory() === true) throw new Error('it is a folder');
  } catch (e) {
    throw new CliError(
      `cannot write the ${what.en} ${path}: ${(e as Error).message.replace(/^[A-Z]+: /, '')}`,
      `impossible d'écrire ${what.fr} ${path} : ${(e as Error).message.replace(/^[A-Z]+: /, '')}`,
      EXIT.output,
    );
  }
  return createWriteStream(full);
}

/** The source of a batch: standard input, or a file that must exist. */
function openInput(file: string, io: Io): { source: Readable; size: number | undefined } {
  if (file === '-') return { source: io.stdin, size: undefined };
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new Error('it is a folder');
    size = stat.size;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = (e as Error).message;
    throw new CliError(
      `cannot read ${file}: ${missing ? 'no such file' : reason}`,
      `impossible de lire ${file} : ${missing ? 'fichier introuvable' : reason === 'it is a folder' ? "c'est un dossier" : reason}`,
      EXIT.input,
    );
  }
  return { source: createReadStream(file), size };
}

/**
 * Writes lines to a stream in blocks of about 64 KiB (one write per row costs more than the row);
 * bytes already encoded (a worker's rows) are written as they come, after what is pending.
 */
function buffered(stream: Writable): { line: (text: string | Uint8Array) => Promise<void>; flush: () => Promise<void> } {
  let pending = '';
  const flush = async () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    await write(stream, text);
  };
  return {
    line: async (text) => {
      if (typeof text !== 'string') {
        await flush();
        await write(stream, text);
        return;
      }
      pending += text;
      if (pending.length >= 65536) await flush();
    },
    flush,
  };
}

/** What the output of a batch looks like: everything a worker needs to write its rows as the main thread would. */
export interface Shape {
  readonly kind: Kind;
  readonly to: string;
  readonly keep: readonly string[];
  readonly lang: 'en' | 'fr';
  readonly trace: boolean;
  readonly stderrIsTTY: boolean;
  readonly errorsFile: boolean;
}

/**
 * Rows written: the output (text, or its UTF-8 bytes when a worker encoded it), the errors
 * file's lines, what goes to stderr, how many rows and how many failed.
 */
export interface Formatted {
  readonly out: string | Uint8Array;
  readonly errors: string;
  readonly stderr: string;
  readonly count: number;
  readonly failed: number;
}

/** The output of outcomes, each with the item it was read from (its line, kept cells, read error). */
function formatRows(shape: Shape, rows: readonly (readonly [BatchOutcome<Row>, Item])[]): Formatted {
  const excel = shape.to === 'excel-fr';
  const columns = COLUMNS[shape.kind];
  const { keep, lang } = shape;
  const out: string[] = []; // joined once: a flat text, cheaper to encode than one grown row by row
  let errors = '';
  let stderr = '';
  let failed = 0;
  for (const [outcome, item] of rows) {
    const row = outcome.index + 1;
    const line = item.line ?? '';
    const unread = item.error === undefined ? undefined : lang === 'fr' ? item.error.fr : item.error.en;
    const error = outcome.ok ? undefined : (unread ?? outcome.error.message);
    if (!outcome.ok) {
      failed += 1;
      const code = item.error === undefined ? outcome.error.code : 'UNREADABLE_ROW';
      const path = item.error === undefined ? (outcome.error.issues[0]?.path.join('.') ?? '') : '';
      if (shape.errorsFile) errors += csvLine([row, line, code, path, error], false);
      else
        stderr +=
          lang === 'fr'
            ? `${shape.stderrIsTTY ? '\r' : ''}rang ${String(row)}${line === '' ? '' : ` (ligne ${String(line)})`} : ${error ?? ''}\n`
            : `${shape.stderrIsTTY ? '\r' : ''}row ${String(row)}${line === '' ? '' : ` (line ${String(line)})`}: ${error ?? ''}\n`;
    }
    const result = outcome.ok ? outcome.result : undefined;
    if (shape.to === 'jsonl') {
      const kept = Object.fromEntries(keep.map((k, i) => [k, item.kept[i] ?? '']));
      const body = outcome.ok
        ? { result: outcome.result }
        : { error: item.error === undefined ? outcome.error : { code: 'UNREADABLE_ROW', message: error } };
      out.push(`${JSON.stringify({ row, line: item.line ?? null, ok: outcome.ok, ...(keep.length > 0 ? { kept } : {}), ...body })}\n`);
    } else {
      const warnings = result ? (result.warnings as string[]).join(' | ') : '';
      out.push(
        csvLine(
          [
            row,
            line,
            outcome.ok,
            error ?? '',
            ...keep.map((_, i) => item.kept[i] ?? ''),
            ...columns.map(([, get]) => (result ? (get(result) ?? '') : '')),
            warnings,
          ],
          excel,
        ),
      );
    }
  }
  return { out: out.join(''), errors, stderr, count: rows.length, failed };
}

/** A chunk of rows computed and written apart (by a worker): `start` is the index of its first row. */
export function formatChunk(shape: Shape, reads: readonly (Raw | Item)[], start: number, csv: CsvContext | undefined): Formatted {
  const items = reads.map((read) => itemOf(read, csv));
  const many = MANY[shape.kind] as (rows: Iterable<unknown>, options: BatchOptions) => Iterable<BatchOutcome<Row>>;
  const rows: [BatchOutcome<Row>, Item][] = [];
  let n = 0;
  for (const outcome of many(
    items.map((item) => (item.error === undefined ? item.input : null)),
    { trace: shape.trace, lang: shape.lang },
  )) {
    const item = items[n] as Item;
    rows.push([{ ...outcome, index: start + n }, item]);
    n += 1;
  }
  return formatRows(shape, rows);
}

/** Rows computed at a time (by a worker or here): large enough that messages cost little, small enough that memory stays flat. */
const CHUNK = 500;

/** The records read (in blocks, as the readers give them), `CHUNK` at a time, in order. */
export async function* chunked<T>(blocks: AsyncIterable<T[]> | Iterable<T[]>): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const block of blocks) {
    for (const read of block) {
      chunk.push(read);
      if (chunk.length < CHUNK) continue;
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The number of workers: `--jobs N`, else the machine's cores (one when the command runs from its sources). */
function jobsOf(values: Values, io: Io): number {
  const given = typeof values.jobs === 'string' ? values.jobs : undefined;
  if (given === undefined) return io.cores ?? 1;
  if (!/^\d+$/.test(given) || Number(given) < 1 || Number(given) > 64)
    throw new UsageError('--jobs is a number of workers from 1 to 64', '--jobs est un nombre de workers de 1 à 64');
  return Number(given);
}

/** Runs a batch: reads the rows, computes each, writes one output row per input row, reports every failed row. */
export async function batch(values: Values, positionals: readonly string[], io: Io): Promise<number> {
  const [fn, file] = positionals;
  if (fn === undefined || !(fn in MANY) || file === undefined)
    throw new UsageError(
      'batch needs a function (eligibility, targets, schedule, settle or ledger) and a file (or - for standard input)',
      "batch demande une fonction (eligibility, targets, schedule, settle ou ledger) et un fichier (ou - pour l'entrée standard)",
    );
  const kind = fn as Kind;
  const str = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const from = str('from') ?? (/\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : /\.json$/i.test(file) ? 'json' : 'csv');
  const to = str('to') ?? (str('out')?.match(/\.(jsonl|ndjson)$/i) ? 'jsonl' : 'csv');
  if (!['csv', 'jsonl', 'json'].includes(from) || !['csv', 'jsonl', 'excel-fr'].includes(to))
    throw new UsageError(
      '--from is csv, jsonl or json; --to is csv, jsonl or excel-fr',
      '--from vaut csv, jsonl ou json ; --to vaut csv, jsonl ou excel-fr',
    );
  if (kind === 'ledger' && from === 'csv')
    throw new UsageError(
      'batch ledger reads JSON Lines or a JSON array: one contract with its years per line',
      'batch ledger lit du JSON Lines ou une liste JSON : un contrat et ses années par ligne',
    );
  const delimiter = str('delimiter');
  if (delimiter !== undefined && ![',', ';', '\t', 'tab'].includes(delimiter))
    throw new UsageError('--delimiter is , or ; or tab', '--delimiter vaut , ou ; ou tab');
  const keep = (str('keep') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keep.length > 0 && from !== 'csv')
    throw new UsageError('--keep names columns of a CSV file', "--keep nomme des colonnes d'un fichier CSV");

  const { source: stream, size } = openInput(file, io);
  const out: Writable = str('out') === undefined ? io.stdout : openOutput(str('out') ?? '', { en: 'output', fr: 'la sortie' });
  const errorsOut: Writable | undefined =
    str('errors') === undefined ? undefined : openOutput(str('errors') ?? '', { en: 'errors file', fr: 'le fichier des erreurs' });
  const progress = progressBar(io, size);
  stream.on('data', progress.count);
  const chunks = decoded(stream, str('encoding') ?? 'utf-8');
  const source: Source = {};
  const reads: AsyncIterable<(Raw | Item)[]> | Iterable<Item[]> =
    from === 'csv'
      ? csvRecords(
          chunks,
          {
            delimiter: delimiter === 'tab' ? '\t' : delimiter,
            fields: new Set(fieldPaths(SCHEMAS[kind as Exclude<Kind, 'ledger'>])),
            keep,
          },
          source,
        )
      : from === 'jsonl'
        ? jsonLineRecords(chunks)
        : [await jsonItems(chunks)];

  const excel = to === 'excel-fr';
  const columns = COLUMNS[kind];
  if (excel) await write(out, '\uFEFF');
  if (to !== 'jsonl') await write(out, csvLine(['row', 'line', 'ok', 'error', ...keep, ...columns.map(([h]) => h), 'warnings'], excel));
  if (errorsOut) await write(errorsOut, csvLine(['row', 'line', 'code', 'path', 'message'], false));
  const output = buffered(out);
  const errorLines = errorsOut ? buffered(errorsOut) : undefined;
  const lang = values.lang === 'en' ? 'en' : 'fr';
  const shape: Shape = {
    kind,
    to,
    keep,
    lang,
    trace: values.trace === true,
    stderrIsTTY: io.stderrIsTTY,
    errorsFile: errorsOut !== undefined,
  };
  const jobs = jobsOf(values, io);
  let total = 0;
  let failed = 0;
  const emit = async (done: Formatted) => {
    total += done.count;
    failed += done.failed;
    await output.line(done.out);
    if (errorLines && done.errors !== '') await errorLines.line(done.errors);
    if (done.stderr !== '') await write(io.stderr, done.stderr);
    progress.draw(total, failed);
  };
  try {
    if (jobs > 1 && io.workerScript !== undefined) await inWorkers(shape, reads, source, jobs, io.workerScript, emit);
    else {
      let start = 0;
      for await (const chunk of chunked(reads)) {
        await emit(formatChunk(shape, chunk, start, source.csv));
        start += chunk.length;
      }
    }
  } finally {
    await output.flush();
    await errorLines?.flush();
    progress.draw(total, failed, true);
    for (const stream of [out, errorsOut]) {
      if (stream === undefined || stream === io.stdout) continue;
      stream.end();
      await once(stream, 'finish');
    }
  }
  await write(
    io.stderr,
    lang === 'fr'
      ? `${String(total)} rangs, ${String(total - failed)} réussis, ${String(failed)} en échec\n`
      : `${String(total)} rows, ${String(total - failed)} passed, ${String(failed)} failed\n`,
  );
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
