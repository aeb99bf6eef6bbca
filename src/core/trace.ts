import { deepFreeze } from './freeze.js';
import { LIBRARY_VERSION, TRACE_VERSION } from './version.js';

/**
 * How sure the library is of a figure or rule:
 * - `legal-text`: read in the legal text itself;
 * - `official-guidance`: Assurance Maladie publications (ameli.fr, brochures, CPAM pages);
 * - `secondary`: unions, Ordre des médecins, press, consistent across several sources;
 * - `interpretation`: the library's documented reading where sources are silent or ambiguous;
 * - `caller-supplied`: a figure the caller gave (e.g. a specialty's percentile).
 */
export type Provenance = 'legal-text' | 'official-guidance' | 'secondary' | 'interpretation' | 'caller-supplied';

/** Where a rule or figure comes from. */
export interface LegalReference {
  /** The instrument, e.g. "Avenant n°7 à la convention nationale des médecins libéraux". */
  readonly text: string;
  /** The article or section, when the text gives one. */
  readonly article?: string;
  /** A public address of the text, when known. */
  readonly url?: string;
  /** How sure the library is of it. */
  readonly provenance: Provenance;
}

/**
 * One step of a computation: which rule of which regime, what went in, what came out, and
 * where the rule comes from. `Id` is the type of regime identifiers.
 */
export interface TraceStepOf<Id extends string> {
  /** Identifier of the rule applied, e.g. `amount.half-time.year3plus` or `eligibility.sector`. */
  readonly rule: string;
  /** The regime whose rule table holds the row (or, for a computed step, the regime computing). */
  readonly ruleSet: Id;
  /** The source of the rule. */
  readonly reference: LegalReference;
  /** The values the step used. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** What the step produced. */
  readonly output: unknown;
}

/** Fields every result carries. `Id` is the type of regime identifiers. */
export interface ResultBaseOf<Id extends string> {
  /** The regime applied (the one the contract was signed under). */
  readonly ruleSet: Id;
  /** Version of the trace format (see docs/trace-format.md). */
  readonly traceVersion: typeof TRACE_VERSION;
  /** Version of the library that computed the result. */
  readonly libraryVersion: string;
  /** Version stamp of each rule table consulted, by regime (a stored result can be checked against them). */
  readonly ruleTables: Readonly<Partial<Record<Id, string>>>;
  /** Each interpretation used and each caller-supplied figure, in plain words. */
  readonly warnings: readonly string[];
  /** Every step of the computation, in order. */
  readonly trace: readonly TraceStepOf<Id>[];
}

/** What the recorder needs of a rule row: its id, its label, the regime holding it and its reference. @internal */
export interface TracedRow {
  readonly id: string;
  readonly label: string;
  /** The id of the regime holding the row (the registry's tests check it names its own regime). */
  readonly ruleSet: string;
  readonly reference: LegalReference;
}

/**
 * The inputs given for a step when the trace is not built: a call site whose inputs cost
 * something to build writes `rec.traced ? { … } : UNTRACED`. @internal
 */
export const UNTRACED: Readonly<Record<string, never>> = Object.freeze({});

/** The empty list of a result without warnings or trace: one, shared and frozen. */
const NONE: readonly never[] = Object.freeze([]);

/** The languages of what a person reads in a result: its warnings and check details, and its errors. */
export type Lang = 'en' | 'fr';

/** The warning of each interpretation row, by language (a cache: rows are frozen, their wording never changes). */
const INTERPRETATIONS: Record<Lang, WeakMap<TracedRow, string>> = { en: new WeakMap(), fr: new WeakMap() };

/** Collects the trace and the warnings of one computation. @internal */
export class Recorder<Id extends string = string> {
  readonly trace: TraceStepOf<Id>[] = [];
  readonly warnings: string[] = [];
  private readonly tables: Partial<Record<Id, string>> = {};
  /** The regime computing: computed steps and caller-supplied figures are recorded under it. */
  regime: Id | undefined;

  /**
   * @param tracing - false to skip building trace steps (the batch path); warnings are always kept.
   * @param lang - the language of the warnings and details this computation writes.
   * @param labelFr - the French wording of a row (its label when it has none).
   */
  constructor(
    private readonly tracing: boolean,
    readonly lang: Lang,
    private readonly labelFr: (row: TracedRow) => string,
  ) {}

  /** The text in the computation's language. */
  say(en: string, fr: string): string {
    return this.lang === 'fr' ? fr : en;
  }

  /** Notes that a rule table was consulted, for the result's `ruleTables`. */
  consult(table: { readonly id: Id; readonly version: string }): void {
    this.tables[table.id] = table.version;
  }

  /** The fields every result ends with. */
  close(): Omit<ResultBaseOf<Id>, 'ruleSet'> {
    return {
      traceVersion: TRACE_VERSION,
      libraryVersion: LIBRARY_VERSION,
      ruleTables: Object.freeze(this.tables),
      warnings: this.warnings.length === 0 ? NONE : Object.freeze(this.warnings),
      trace: this.trace.length === 0 ? NONE : deepFreeze(this.trace),
    };
  }

  /** Records a step that applies a rule row; a row that is an interpretation adds its warning. */
  use(row: TracedRow, inputs: Record<string, unknown>, output: unknown, rule: string = row.id): void {
    if (this.tracing) this.trace.push({ rule, ruleSet: row.ruleSet as Id, reference: row.reference, inputs, output });
    if (row.reference.provenance === 'interpretation') this.note(this.interpretation(row));
  }

  /** Records a computed step, or a caller-supplied figure, under the regime computing. */
  step(rule: string, reference: LegalReference, inputs: Record<string, unknown>, output: unknown): void {
    if (!this.tracing) return;
    if (this.regime === undefined) throw new Error(`internal: step ${rule} recorded before the regime was chosen`);
    this.trace.push({ rule, ruleSet: this.regime, reference, inputs, output });
  }

  /** Takes in the steps, warnings and tables of a result computed apart (a ledger's years). */
  absorb(result: Omit<ResultBaseOf<Id>, 'ruleSet' | 'traceVersion' | 'libraryVersion'>): void {
    if (this.tracing) this.trace.push(...result.trace);
    for (const w of result.warnings) this.note(w);
    Object.assign(this.tables, result.ruleTables);
  }

  /** Whether this recorder builds trace steps (a computation apart builds them only then). */
  get traced(): boolean {
    return this.tracing;
  }

  /** The warning that names an interpretation row, worded once per row and language (rows are frozen). */
  private interpretation(row: TracedRow): string {
    const cache = INTERPRETATIONS[this.lang];
    let text = cache.get(row);
    if (text === undefined) {
      text = this.lang === 'fr' ? `Interprétation (${row.id}) : ${this.labelFr(row)}` : `Interpretation (${row.id}): ${row.label}`;
      cache.set(row, text);
    }
    return text;
  }

  /** Adds a warning once, in the computation's language. */
  warn(en: string, fr: string): void {
    this.note(this.lang === 'fr' ? fr : en);
  }

  /** Adds a warning once, as written. */
  private note(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}
