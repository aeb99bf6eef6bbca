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
  /** The article or section, when known. */
  readonly article?: string;
  /** A public address of the text, when known. */
  readonly url?: string;
  /** How sure the library is of it. */
  readonly provenance: Provenance;
}

/** One step of a computation: which rule, what went in, what came out, and where the rule comes from. */
export interface TraceStep {
  /** Identifier of the rule applied, e.g. `amount.half-time.year3plus` or `eligibility.sector`. */
  readonly rule: string;
  /** The source of the rule. */
  readonly reference: LegalReference;
  /** The values the step used. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** What the step produced. */
  readonly output: unknown;
}

/** Fields every result carries. */
export interface ResultBase {
  /** The regime applied (the one the contract was signed under). */
  readonly ruleSet: RuleSetId;
  /** Version of the trace format (see docs/trace-format.md). */
  readonly traceVersion: 1;
  /** Version of the library that computed the result. */
  readonly libraryVersion: string;
  /** Version stamp of each rule table consulted, by regime (a stored result can be checked against them). */
  readonly ruleTables: Readonly<Partial<Record<RuleSetId, string>>>;
  /** Each interpretation used and each caller-supplied figure, in plain words. */
  readonly warnings: readonly string[];
  /** Every step of the computation, in order. */
  readonly trace: readonly TraceStep[];
}

/** Identifier of a regime. */
export type RuleSetId = 'avenant-7-2019' | 'reglement-arbitral-2023' | 'convention-2024';

/** Collects the trace and the warnings of one computation. @internal */
export class Recorder {
  readonly trace: TraceStep[] = [];
  readonly warnings: string[] = [];

  /** @param tracing - false to skip building trace steps (the batch path); warnings are always kept. */
  constructor(private readonly tracing = true) {}
  private readonly tables: Partial<Record<RuleSetId, string>> = {};

  /** Notes that a rule table was consulted, for the result's `ruleTables`. */
  consult(table: { readonly id: RuleSetId; readonly version: string }): void {
    this.tables[table.id] = table.version;
  }

  /** The fields every result ends with. */
  close(): Omit<ResultBase, 'ruleSet'> {
    return {
      traceVersion: TRACE_VERSION,
      libraryVersion: LIBRARY_VERSION,
      ruleTables: this.tables,
      warnings: this.warnings,
      trace: this.trace,
    };
  }

  /** Records a step that applies a rule row; a row that is an interpretation adds its warning. */
  use(row: RuleRowLike, inputs: Record<string, unknown>, output: unknown, rule: string = row.id): void {
    this.step(rule, row.reference, inputs, output);
    if (row.reference.provenance === 'interpretation') this.warn(`Interpretation (${row.id}): ${row.label}`);
  }

  /** Records a step under an explicit reference. */
  step(rule: string, reference: LegalReference, inputs: Record<string, unknown>, output: unknown): void {
    if (this.tracing) this.trace.push({ rule, reference, inputs, output });
  }

  /** Adds a warning once. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}

/** The part of a rule row the recorder needs. @internal */
export interface RuleRowLike {
  readonly id: string;
  readonly label: string;
  readonly reference: LegalReference;
}
