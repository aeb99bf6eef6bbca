// What the command line's commands share: turning flags and table cells into inputs, writing
// with backpressure, and the errors that end a command with a documented exit status.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/** The streams the command line talks to (injected, so tests run it in-process). */
export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** Whether stderr is a terminal (the progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
  /** The machine's cores: the default of `batch --jobs` (one when not given, as in-process tests run). */
  readonly cores?: number;
  /** The script a batch worker thread runs (the command line's own bundle); without it, batches run in-process. */
  readonly workerScript?: URL;
  /** Stops a long-running command (the simulator's server); the process's own signals stop it otherwise. */
  readonly signal?: AbortSignal;
}

/** An input object under construction. */
export type Row = Record<string, unknown>;

/** The exit statuses of the command line (documented in its help). */
export const EXIT = {
  /** Every row (or the single computation) succeeded. */
  ok: 0,
  /** A computation failed, or a batch row was refused. */
  failed: 1,
  /** Bad flags or arguments. */
  usage: 2,
  /** The input file cannot be read. */
  input: 3,
  /** The output (or errors) file cannot be written. */
  output: 4,
  /** The batch file is refused before any row: bad header. */
  refused: 5,
} as const;

/** An error that ends the command with a one-line message (in English and French) and an exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly fr: string,
    readonly exit: number,
  ) {
    super(message);
  }
}

/** Bad flags or arguments (exit 2, the usage is printed). */
export class UsageError extends CliError {
  constructor(message: string, fr: string) {
    super(message, fr, EXIT.usage);
  }
}

/** Writes text, waiting when the stream asks to. */
export async function write(stream: Writable, text: string | Uint8Array): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** A flag or table value as the library expects it: a number for numeric text, else the text. */
export function scalar(value: string): string | number {
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
}

/** Path segments that would reach an object's prototype: refused in any column or flag path. */
export const FORBIDDEN_SEGMENTS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Sets `value` at a dotted path of `target`, creating plain objects on the way. */
export function setPath(target: Row, path: string, value: unknown): void {
  setKeys(target, pathKeys(path), value);
}

/** The segments of a dotted path, refused when one would reach an object's prototype. */
export function pathKeys(path: string): readonly string[] {
  const keys = path.split('.');
  if (keys.some((k) => FORBIDDEN_SEGMENTS.includes(k)))
    throw new UsageError(`the path "${path}" is not an input field`, `le chemin "${path}" n'est pas un champ de donnée`);
  return keys;
}

/** Sets `value` at the path of `keys` (checked by {@link pathKeys}), creating plain objects on the way. */
export function setKeys(target: Row, keys: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = keys[i] as string;
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Row;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** Whether a value is left out of an input built from paths: nothing, an empty text, or false. */
export function leftOut(value: unknown): boolean {
  return value === undefined || value === '' || value === false;
}

/** Builds an object from dotted keys, dropping empty values. */
export function fromPaths(entries: readonly (readonly [string, unknown])[]): Row {
  const row: Row = {};
  for (const [path, value] of entries) {
    if (leftOut(value)) continue;
    setPath(row, path, value);
  }
  return row;
}

/**
 * One table cell as the library expects it, read as a French spreadsheet exports it too:
 * VRAI/FAUX are booleans, a decimal comma is a decimal point ("5 500,50" → 5500.50, spaces
 * between thousands dropped), and a date DD/MM/YYYY is the ISO date. Money (`advancePaid`)
 * stays text, so that its cents are kept exact.
 */
export function cell(column: string, raw: string): unknown {
  const value = raw.trim();
  if (value === '') return undefined;
  const money = column === 'advancePaid' || column.endsWith('.advancePaid');
  // The common cells first, each read by one test (the readings below give them the same value):
  // a whole number, an ISO date; then a boolean, and a word (a letter first) is text as it is.
  if (WHOLE.test(value)) return money ? value : Number(value);
  if (ISO_DATE.test(value)) return value;
  if (/^(vrai|true)$/i.test(value)) return true;
  if (/^(faux|false)$/i.test(value)) return false;
  if (value.charCodeAt(0) > 57) return value;
  if (/^\d{2}\/\d{2}\/\d{4}$/.test(value)) return `${value.slice(6)}-${value.slice(3, 5)}-${value.slice(0, 2)}`;
  const french = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$|^-?\d+,\d+$/.test(value)
    ? value.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')
    : value;
  return money ? french : scalar(french);
}

const WHOLE = /^\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One table record (text by column) as an input object. */
export function fromRecord(record: Record<string, string>): Row {
  return fromPaths(Object.entries(record).map(([column, value]) => [column, cell(column, value)] as const));
}
