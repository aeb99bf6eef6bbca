// The domain's vocabulary in French: what a person reads for each identifier the library uses
// (options, tiers, sectors, measures, bands, payment and balance kinds, structures). One place,
// shared by the messages, explain, the command line, the spreadsheets and the simulator page.
import type { Provenance } from '../core/trace.js';
import type { Band, Measure, Option, Sector, Structure, Tier } from './types.js';

/** The French name of each option (the assistant's working time). */
export const OPTION_FR: Readonly<Record<Option, string>> = Object.freeze({
  'one-third': 'tiers temps',
  'half-time': 'mi-temps',
  'full-time': 'temps plein',
});

/** The French name of each amount tier. */
export const TIER_FR: Readonly<Record<Tier, string>> = Object.freeze({
  standard: 'palier standard (sous le P90)',
  'p90-p95': 'palier P90 à P95',
  'p95-plus': 'palier P95 et plus',
});

/** The French name of each sector. */
export const SECTOR_FR: Readonly<Record<Sector, string>> = Object.freeze({
  'secteur-1': 'secteur 1',
  'secteur-2-optam': 'secteur 2 avec OPTAM',
  'secteur-2-optam-co': 'secteur 2 avec OPTAM-CO',
  'secteur-2': 'secteur 2 sans OPTAM',
});

/** The French name of each measure of the patientèle. */
export const MEASURE_FR: Readonly<Record<Measure, string>> = Object.freeze({
  medecinTraitant: 'patientèle médecin traitant',
  fileActive: 'file active',
});

/** The French name of each band of the starting patientèle. */
export const BAND_FR: Readonly<Record<Band, string>> = Object.freeze({
  'below-p30': 'sous le P30',
  'p30-p50': 'du P30 au P50',
  'p50-p70': 'du P50 au P70',
  'p70-p90': 'du P70 au P90',
  'p90-p95': 'du P90 au P95',
  'p95-plus': 'P95 et plus',
});

/** The French name of each kind of payment. */
export const PAYMENT_FR: Readonly<Record<'full' | 'advance' | 'balance', string>> = Object.freeze({
  full: 'versement',
  advance: 'avance',
  balance: 'solde',
});

/** The French name of each kind of balance. */
export const BALANCE_FR: Readonly<Record<'to-pay' | 'to-recover' | 'settled' | 'pending', string>> = Object.freeze({
  'to-pay': 'à verser au médecin',
  'to-recover': 'à récupérer auprès du médecin',
  settled: 'soldé',
  pending: 'en attente',
});

/** The French name of each structure that signs a collective contract. */
export const STRUCTURE_FR: Readonly<Record<Structure, string>> = Object.freeze({
  scp: 'SCP',
  scm: 'SCM',
  sisa: 'SISA',
  sel: 'SEL',
});

/** The French adjective of each kind of contract (singular). */
export const KIND_FR: Readonly<Record<'individual' | 'collective', string>> = Object.freeze({
  individual: 'individuel',
  collective: 'collectif',
});

/** The French name of each provenance. */
export const PROVENANCE_FR: Readonly<Record<Provenance, string>> = Object.freeze({
  'legal-text': 'texte juridique',
  'official-guidance': 'doctrine officielle (Assurance Maladie)',
  secondary: 'source secondaire',
  interpretation: 'interprétation de la bibliothèque',
  'caller-supplied': "fourni par l'appelant",
});

/**
 * An amount as the library gives it (a decimal string, `"18000.00"`) written the French way:
 * `"18 000,00 €"`. Computed from the string's digits, never through a float, and without
 * locale data (the same text in every browser, Node.js and spreadsheet host).
 * @example
 * ```ts
 * frEuros('-4921.87'); // '-4 921,87 €'
 * ```
 */
export function frEuros(amount: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return amount;
  const [, sign = '', int = '0', dec = ''] = match;
  return `${sign}${groupDigits(int)},${dec.padEnd(2, '0').slice(0, 2)} €`;
}

/** The French word for `id` in `table`, or the id itself when the table does not know it. @internal */
export function frenchOf(table: Readonly<Record<string, string>>, id: unknown): string {
  const key = String(id);
  return Object.prototype.hasOwnProperty.call(table, key) ? (table[key] as string) : key;
}

/** A value as text: '—' for nothing, JSON for a structure. @internal */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value); // a boolean's JSON is its text
  return JSON.stringify(value);
}

/** A number in French notation: "2.5" → "2,5". @internal */
export function frNumber(value: unknown): string {
  return show(value).replace('.', ',');
}

/** The digits of an integer grouped by three with a space: "1234567" → "1 234 567". @internal */
export function groupDigits(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The French words of the library's identifiers, one table per kind of identifier. */
export interface VocabularyFr {
  /** `'half-time'` → `'mi-temps'`, … */
  readonly options: Readonly<Record<Option, string>>;
  /** `'standard'` → `'palier standard (sous le P90)'`, … */
  readonly tiers: Readonly<Record<Tier, string>>;
  /** `'secteur-2-optam'` → `'secteur 2 avec OPTAM'`, … */
  readonly sectors: Readonly<Record<Sector, string>>;
  /** `'medecinTraitant'` → `'patientèle médecin traitant'`, `'fileActive'` → `'file active'`. */
  readonly measures: Readonly<Record<Measure, string>>;
  /** `'p30-p50'` → `'du P30 au P50'`, … */
  readonly bands: Readonly<Record<Band, string>>;
  /** `'advance'` → `'avance'`, `'balance'` → `'solde'`, `'full'` → `'versement'`. */
  readonly payments: Readonly<Record<'full' | 'advance' | 'balance', string>>;
  /** `'to-recover'` → `'à récupérer auprès du médecin'`, … */
  readonly balances: Readonly<Record<'to-pay' | 'to-recover' | 'settled' | 'pending', string>>;
  /** `'scm'` → `'SCM'`, … */
  readonly structures: Readonly<Record<Structure, string>>;
  /** `'legal-text'` → `'texte juridique'`, … */
  readonly provenances: Readonly<Record<Provenance, string>>;
}

/**
 * The French words of the library's identifiers, for apps that show them to a person: options,
 * tiers, sectors, measures, bands, payment kinds, balance kinds, structures and provenances.
 * (Specialties have their own list: `specialtyLabels`.)
 * @example
 * ```ts
 * vocabularyFr.options['half-time']; // 'mi-temps'
 * ```
 */
export const vocabularyFr: VocabularyFr = Object.freeze({
  options: OPTION_FR,
  tiers: TIER_FR,
  sectors: SECTOR_FR,
  measures: MEASURE_FR,
  bands: BAND_FR,
  payments: PAYMENT_FR,
  balances: BALANCE_FR,
  structures: STRUCTURE_FR,
  provenances: PROVENANCE_FR,
});
