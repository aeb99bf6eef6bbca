import * as z from 'zod/mini';
import { localized } from '../core/errors.js';
import { bi, oneOf, parseInput } from '../core/schemas.js';
import { langOf } from '../rules/call.js';
import type { LegalReference, Provenance } from '../core/trace.js';
import { ruleRow, titleOf } from '../rules/registry.js';
import type { ResultBase, TraceStep } from '../rules/result.js';
import type { RuleRow } from '../rules/types.js';
import { checkFr } from '../rules/checks-fr.js';
import { labelFr } from '../rules/labels-fr.js';
import {
  BAND_FR,
  BALANCE_FR,
  frEuros,
  frenchOf,
  frNumber,
  groupDigits,
  MEASURE_FR,
  OPTION_FR,
  PAYMENT_FR,
  PROVENANCE_FR,
  show,
  TIER_FR,
} from '../rules/words.js';

/** The French name of each way to combine the two attainments. */
const COMBINE_FR: Readonly<Record<string, string>> = {
  mean: 'moyenne des deux mesures',
  max: 'la meilleure des deux',
  min: 'la moins bonne des deux',
};

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** Language of the text: French (default) or English; any other value is refused. */
  readonly lang?: 'fr' | 'en';
}

type Lang = 'fr' | 'en';
type Step = TraceStep;
type Dict = Readonly<Record<string, unknown>>;

const KINDS = ['eligibility', 'schedule', 'targets', 'settlement', 'ledger'] as const;

const schema = z.looseObject(
  {
    kind: oneOf(KINDS, { en: 'kind of result', fr: 'type de résultat' }),
    ruleSet: z.string(),
    warnings: z.array(z.string()),
    trace: z.array(
      z.object({
        rule: z.string(),
        ruleSet: z.string(),
        reference: z.object({ text: z.string(), provenance: z.string() }),
        inputs: z.record(z.string(), z.unknown()),
        output: z.unknown(),
      }),
    ),
  },
  {
    error: bi(
      'expected a result of checkEligibility, aidSchedule, patientTargets, settleYear or contractLedger (trace format 2)',
      'résultat attendu de checkEligibility, aidSchedule, patientTargets, settleYear ou contractLedger (format de trace 2)',
    ),
  },
);

const PROVENANCE: Record<Lang, Record<Provenance, string>> = {
  fr: PROVENANCE_FR,
  en: {
    'legal-text': 'legal text',
    'official-guidance': 'official guidance (Assurance Maladie)',
    secondary: 'secondary source',
    interpretation: "the library's interpretation",
    'caller-supplied': 'supplied by the caller',
  },
};

const MEASURE: Record<Lang, Record<string, string>> = {
  fr: MEASURE_FR,
  en: { medecinTraitant: 'médecin traitant patientèle', fileActive: 'file active' },
};

/** The row a step applied: looked up by (regime, rule id); a computed step has no row. */
function rowOf(step: { readonly rule: string; readonly ruleSet: string }): RuleRow<unknown> | undefined {
  return ruleRow(step.ruleSet, step.rule);
}

/** Euros, deterministic (no locale data): "18 000,00 €" or "€18,000.00". */
function euros(value: unknown, lang: Lang): string {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  if (lang === 'fr') return frEuros(text);
  const [, sign = '', int = '0', dec = ''] = match;
  return `${sign}€${groupDigits(int).replace(/ /g, ',')}.${dec.padEnd(2, '0').slice(0, 2)}`;
}

/** A ratio (exact decimal string) as a percentage with two decimals. */
function percent(value: unknown, lang: Lang): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const text = (n * 100).toFixed(2);
  return lang === 'fr' ? `${text.replace('.', ',')} %` : `${text} %`;
}

/** The French words of the inputs a step records (a key without one is shown as it is). */
const FIELD_FR: Readonly<Partial<Record<string, string>>> = {
  measure: 'mesure',
  start: 'départ',
  specialty: 'spécialité',
  option: 'option',
  tier: 'palier',
  year: 'année',
  years: 'années',
  etp: 'ETP',
  ruleSet: 'régime',
  signedOn: 'signé le',
  hiredOn: 'embauche le',
  amount: 'montant',
  band: 'tranche',
  zone: 'zone',
  percentile: 'percentile',
  eligible: 'éligible',
  medecinTraitant: 'patientèle médecin traitant',
  fileActive: 'file active',
  advancePaid: 'avance versée',
  required: 'requis',
  gained: 'gagnés',
  renewedOn: 'renouvelé le',
  endedOn: 'fin le',
  noticeGivenOn: 'préavis donné le',
  assistant: 'assistant',
  target: 'objectif',
  minimum: 'minimum',
  withinYears: 'délai en années',
  increase: 'augmentation',
  rates: 'taux',
  top: 'haut',
  floor: 'plancher',
  perEtp: 'par ETP',
  passed: 'remplie',
  detail: 'détail',
  to: 'vers',
  from: 'depuis',
  renewedYears: 'années renouvelées',
  pricedBy: 'tarifé selon',
  months: 'mois',
  by: 'par',
  prorata: 'prorata',
  revalued: 'revalorisé',
  yearStarts: "début de l'année",
  dueBy: 'au plus tard le',
  forYearsStartingOnOrAfter: 'années commençant à partir du',
  movedOn: 'passage le',
};

/** The French words of the identifiers that rows hold as values. */
const VALUE_FR: Readonly<Partial<Record<string, string>>> = {
  'registered-letter': 'lettre recommandée',
  'days-in-force-over-days-in-year': "jours en vigueur ÷ jours de l'année",
};

/** A value as a French reader reads it: words for identifiers, "oui"/"non", a decimal comma. */
function showFr(value: unknown): string {
  if (value === true) return 'oui';
  if (value === false) return 'non';
  if (Array.isArray(value)) return value.map(showFr).join(', ') || '—';
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Dict)
      .map(([k, v]) => `${FIELD_FR[k] ?? frenchOf(OPTION_FR, k)} : ${v !== null && typeof v === 'object' ? `(${showFr(v)})` : showFr(v)}`)
      .join(', ');
  if (typeof value === 'number') return frNumber(value);
  if (typeof value === 'string') {
    if (Object.prototype.hasOwnProperty.call(VALUE_FR, value)) return VALUE_FR[value] ?? value;
    for (const table of [OPTION_FR, TIER_FR, BAND_FR, MEASURE_FR] as readonly Readonly<Record<string, string>>[])
      if (Object.prototype.hasOwnProperty.call(table, value)) return table[value] as string;
    return titleOf(value);
  }
  return show(value);
}

function inputsText(inputs: Dict, lang: Lang): string {
  return Object.entries(inputs)
    .map(([k, v]) => (lang === 'fr' ? `${FIELD_FR[k] ?? k} = ${showFr(v)}` : `${k} = ${show(v)}`))
    .join(', ');
}

/** An exact ratio as its fraction and, rounded for reading, its percentage: "97/195 ≈ 49,74 %". */
function ratioText(output: unknown, lang: Lang): string {
  const o = (output !== null && typeof output === 'object' ? output : { rate: output }) as Dict;
  return typeof o.fraction === 'string' ? `${o.fraction} ≈ ${percent(o.rate, lang)}` : percent(o.rate, lang);
}

/** One sentence per step, by rule id; a rule without a phrase falls back to its label, inputs and output. */
function phrase(step: Step, lang: Lang): string {
  const i = step.inputs;
  const o = step.output;
  const od = (o !== null && typeof o === 'object' ? o : {}) as Dict;
  const fr = lang === 'fr';
  const r = step.rule;
  const m = (key: unknown) => MEASURE[lang][String(key)] ?? String(key);
  if (r === 'rule-set') {
    const forced = i.forced === undefined ? '' : fr ? " (régime imposé par l'appelant)" : ' (forced by the caller)';
    return fr
      ? `Régime applicable au contrat signé le ${show(i.signedOn)} : ${titleOf(od.ruleSet)}${forced}.`
      : `Regime of a contract signed on ${show(i.signedOn)}: ${show(od.ruleSet)}${forced}.`;
  }
  if (r.startsWith('amount.per-etp.')) {
    return fr
      ? `Aide du groupe pour l'année ${show(i.year)} : ${euros(od.perEtp, lang)} par ETP × ${frNumber(i.etp)} ETP = ${euros(od.amount, lang)}.`
      : `Group aid for year ${show(i.year)}: ${euros(od.perEtp, lang)} per ETP × ${show(i.etp)} ETP = ${euros(od.amount, lang)}.`;
  }
  if (r.startsWith('amount.')) {
    return fr
      ? `Aide annuelle de l'année ${show(i.year)} (${showFr(i.option)}, ${showFr(i.tier)}) selon ${titleOf(i.ruleSet)} : ${euros(o, lang)}.`
      : `Annual aid for year ${show(i.year)} (${show(i.option)}, tier ${show(i.tier)}) under ${show(i.ruleSet)}: ${euros(o, lang)}.`;
  }
  if (r === 'revaluation') {
    const revalued = od.revalued === true;
    return fr
      ? `L'année ${show(i.year)} commence le ${show(i.yearStarts)} : ${revalued ? `tarifée selon ${titleOf(od.pricedBy)} (revalorisation des contrats en cours)` : `tarifée selon ${titleOf(od.pricedBy)}, sans revalorisation`}.`
      : `Year ${show(i.year)} starts on ${show(i.yearStarts)}: ${revalued ? `priced by ${titleOf(od.pricedBy)} (revaluation of running contracts)` : `priced by ${titleOf(od.pricedBy)}, not revalued`}.`;
  }
  if (r.startsWith('payments.')) {
    const amount = od.amount ?? od.maximum ?? i.amount;
    const days = show((rowOf(step)?.value as Dict | undefined)?.withinDaysOfHiring);
    const due =
      od.dueBy === null ? (fr ? `dans les ${days} jours suivant l'embauche` : `within ${days} days after hiring`) : show(od.dueBy);
    return fr
      ? `Versement : ${euros(amount, lang)}, ${od.dueBy === null ? due : `au plus tard le ${due}`}.`
      : `Payment: ${euros(amount, lang)}, ${od.dueBy === null ? due : `due by ${due}`}.`;
  }
  if (r.startsWith('percentile.')) {
    return fr
      ? `${String(i.percentile).toUpperCase()} de la ${m(i.measure)} (${show(i.specialty)}) : ${show(o)}.`
      : `${String(i.percentile).toUpperCase()} of the ${m(i.measure)} (${show(i.specialty)}): ${show(o)}.`;
  }
  if (r === 'tier')
    return fr ? `Palier de montant : ${showFr(o)} (${inputsText(i, lang)}).` : `Amount tier: ${show(o)} (${inputsText(i, lang)}).`;
  if (r === 'options.new-contracts' && Array.isArray(o))
    return fr ? `Options ouvertes à ce médecin : ${showFr(o)}.` : `Options open to this doctor: ${show(o)}.`;
  if (r === 'options.new-contracts')
    return fr ? `Option ${showFr(i.option)} offerte aux nouveaux contrats.` : `Option ${show(i.option)} offered to new contracts.`;
  if (r === 'targets.band')
    return fr
      ? `Tranche de la ${m(i.measure)} au départ (${show(i.start)}) : ${showFr(o)}.`
      : `Band of the starting ${m(i.measure)} (${show(i.start)}): ${show(o)}.`;
  if (/^targets\.estimate\.\w+\.rate$/.test(r)) {
    return fr
      ? `Taux d'augmentation pour un départ de ${show(i.start)} (nœuds ${show(i.a)} et ${show(i.b)}, de ${percent(i.top, lang)} à ${percent(i.floor, lang)}) : ${percent(o, lang)}.`
      : `Increase rate for a start of ${show(i.start)} (knots ${show(i.a)} and ${show(i.b)}, from ${percent(i.top, lang)} to ${percent(i.floor, lang)}): ${percent(o, lang)}.`;
  }
  if (r.startsWith('targets.rate.'))
    return fr
      ? `Taux de la tranche ${showFr(i.band)} (${showFr(i.option)}) : ${percent(o, lang)}.`
      : `Rate of band ${show(i.band)} (${show(i.option)}): ${percent(o, lang)}.`;
  if (r === 'targets.rounding') {
    return fr
      ? `Objectif de ${m(i.measure)} : ${show(i.start)} + ${show(od.increase)} = ${show(od.target)} patients.`
      : `${m(i.measure)} target: ${show(i.start)} + ${show(od.increase)} = ${show(od.target)} patients.`;
  }
  if (/^settlement\.attainment\.\w+$/.test(r)) {
    const threshold = i.minimum ?? i.target;
    const met = Number(i.observed) >= Number(threshold);
    const maintain = i.target === i.start;
    const formula =
      (maintain || i.policy === 'level') && met
        ? fr
          ? `${show(i.observed)} ≥ ${show(threshold)}${i.minimum === undefined ? '' : ' (minimum toléré)'}, objectif atteint`
          : `${show(i.observed)} ≥ ${show(threshold)}${i.minimum === undefined ? '' : ' (tolerated minimum)'}, target met`
        : maintain || i.policy === 'level'
          ? `${show(i.observed)} / ${show(i.target)}`
          : `(${show(i.observed)} − ${show(i.start)}) / (${show(i.target)} − ${show(i.start)})`;
    return fr
      ? `Atteinte de la ${m(r.split('.')[2])} : ${formula}, bornée entre 0 et 1 = ${ratioText(o, lang)}.`
      : `Attainment of the ${m(r.split('.')[2])}: ${formula}, bounded to [0, 1] = ${ratioText(o, lang)}.`;
  }
  if (r === 'settlement.combined')
    return fr
      ? `Atteinte retenue (${COMBINE_FR[String(i.combine)] ?? show(i.combine)}) : ${ratioText(o, lang)}.`
      : `Attainment applied (${show(i.combine)}): ${ratioText(o, lang)}.`;
  if (r === 'settlement.rounding') {
    return fr
      ? `Aide due = ${euros(i.annualAid, lang)} × ${show(i.attainment)} = ${euros(o, lang)} (arrondi au centime, demi vers le haut).`
      : `Aid due = ${euros(i.annualAid, lang)} × ${show(i.attainment)} = ${euros(o, lang)} (rounded half-up to the cent).`;
  }
  if (r === 'settlement.advance') {
    return fr
      ? `Avance déjà versée pour l'année : ${euros(o, lang)} (${inputsText(i, lang)}).`
      : `Advance already paid for the year: ${euros(o, lang)} (${inputsText(i, lang)}).`;
  }
  if (r === 'settlement.balance') {
    const kind = String(od.balanceKind);
    const word = fr ? frenchOf(BALANCE_FR, kind) : kind;
    return fr
      ? `Solde = aide due ${euros(i.aidDue, lang)} − avance ${euros(i.advance, lang)} = ${euros(od.balance, lang)} (${word}).`
      : `Balance = aid due ${euros(i.aidDue, lang)} − advance ${euros(i.advance, lang)} = ${euros(od.balance, lang)} (${kind}).`;
  }
  if (typeof od.passed === 'boolean') {
    const met = od.passed;
    return fr
      ? `Condition ${met ? 'remplie' : 'non remplie'} : ${checkFr(r, i, met, show(od.detail), rowOf(step))}.`
      : `Condition ${met ? 'met' : 'not met'}: ${show(od.detail)}.`;
  }
  const row = rowOf(step);
  const label = fr ? (labelFr(r, row) ?? row?.label ?? r) : (row?.label ?? r);
  const inputs = Object.keys(i).length > 0 ? ` (${inputsText(i, lang)})` : '';
  return `${label}${inputs} → ${fr ? showFr(o) : show(o)}.`;
}

function reference(rule: string, ref: LegalReference, lang: Lang): string {
  if (lang === 'fr' && ref.provenance === 'caller-supplied') return `Source (${rule}) : chiffre ou choix fourni par l'appelant`;
  const where = [ref.text, ref.article, ref.url].filter((x): x is string => typeof x === 'string').join(', ');
  return `Source (${rule})${lang === 'fr' ? ' :' : ':'} ${where} [${PROVENANCE[lang][ref.provenance]}]`;
}

/** The array at `key` of a result, or an empty one (a hand-edited result may lack it). */
function list(result: Dict, key: string): Dict[] {
  const value = result[key];
  return Array.isArray(value) ? (value as Dict[]) : [];
}

/** The object at `key` of a result, or an empty one. */
function record(result: Dict, key: string): Dict {
  const value = result[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : {};
}

function summary(result: Dict, lang: Lang): string[] {
  const fr = lang === 'fr';
  const yes = result.eligible === true ? (fr ? 'oui' : 'yes') : fr ? 'non' : 'no';
  if (result.kind === 'eligibility' && result.contract === 'collective') {
    return [
      fr
        ? `Éligible : ${yes} ; au plus ${frNumber(result.maxEtp)} ETP ; moyenne de la patientèle médecin traitant ${frNumber(result.averageMedecinTraitant)}.`
        : `Eligible: ${yes}; at most ${show(result.maxEtp)} ETP; average médecin traitant ${show(result.averageMedecinTraitant)}.`,
    ];
  }
  if (result.kind === 'eligibility') {
    const options =
      list(result, 'options')
        .map(fr ? showFr : show)
        .join(', ') || '—';
    return [fr ? `Éligible : ${yes} ; options ouvertes : ${options}.` : `Eligible: ${yes}; options: ${options}.`];
  }
  if (result.kind === 'schedule') {
    const lines = list(result, 'years').map((y) => {
      const payments = list(y, 'payments')
        .map((p) => `${euros(p.amount, lang)} (${fr ? frenchOf(PAYMENT_FR, p.kind) : show(p.kind)}, ${show(p.dueBy)})`)
        .join(' ; ');
      return fr
        ? `Année ${show(y.year)}, du ${show(y.start)} au ${show(y.end)} : ${euros(y.amount, lang)} [${titleOf(y.pricedBy)}] — versements : ${payments}`
        : `Year ${show(y.year)}, ${show(y.start)} to ${show(y.end)}: ${euros(y.amount, lang)} [${show(y.pricedBy)}] — payments: ${payments}`;
    });
    return [
      ...lines,
      fr
        ? `Total (maximum, objectifs atteints) : ${euros(result.total, lang)}.`
        : `Total (maximum, targets met): ${euros(result.total, lang)}.`,
    ];
  }
  if (result.kind === 'targets') {
    const targets = Object.keys(record(result, 'targets')).map((measure) => {
      const target = record(record(result, 'targets'), measure);
      const due = target.dueBy === undefined ? '' : fr ? `, au plus tard le ${show(target.dueBy)}` : `, due by ${show(target.dueBy)}`;
      return `${MEASURE[lang][measure] ?? measure}${fr ? ' :' : ':'} ${show(target.start)} → ${show(target.target)} (+${show(target.increase)})${due}`;
    });
    const missing = list(result, 'unavailable').map(
      (u) => `${MEASURE[lang][String(u.measure)] ?? show(u.measure)}${fr ? ' : indisponible' : ': unavailable'} (${show(u.reason)})`,
    );
    return [...targets, ...missing];
  }
  if (result.kind === 'ledger') {
    const word = (k: unknown) =>
      fr
        ? ((
            {
              'to-pay': 'à verser',
              'to-recover': 'à récupérer',
              settled: 'soldé',
              pending: 'en attente',
            } as Record<string, string>
          )[String(k)] ?? show(k))
        : show(k);
    const lines = list(result, 'years').map((y) =>
      fr
        ? `Année ${show(y.year)}, du ${show(y.start)} au ${show(y.end)} : aide due ${y.aidDue === null ? '—' : euros(y.aidDue, lang)}, reçu ${euros(y.paid, lang)}, solde ${y.balance === null ? '—' : euros(y.balance, lang)} (${word(y.balanceKind)}).`
        : `Year ${show(y.year)}, ${show(y.start)} to ${show(y.end)}: aid due ${y.aidDue === null ? '—' : euros(y.aidDue, lang)}, received ${euros(y.paid, lang)}, balance ${y.balance === null ? '—' : euros(y.balance, lang)} (${word(y.balanceKind)}).`,
    );
    const t = record(result, 'totals');
    return [
      ...lines,
      fr
        ? `Total : aide due ${euros(t.aidDue, lang)}, reçu ${euros(t.paid, lang)}, à verser ${euros(t.toPay, lang)}, à récupérer ${euros(t.toRecover, lang)}.`
        : `Totals: aid due ${euros(t.aidDue, lang)}, received ${euros(t.paid, lang)}, to pay ${euros(t.toPay, lang)}, to recover ${euros(t.toRecover, lang)}.`,
    ];
  }
  const combined = record(result, 'attainment').combined;
  return [
    fr
      ? `Année ${show(result.year)} : aide annuelle ${euros(result.annualAid, lang)}, atteinte ${percent(combined, lang)}, aide due ${euros(result.aidDue, lang)}, avance ${euros(result.advance, lang)}, solde ${euros(result.balance, lang)}.`
      : `Year ${show(result.year)}: annual aid ${euros(result.annualAid, lang)}, attainment ${percent(combined, lang)}, aid due ${euros(result.aidDue, lang)}, advance ${euros(result.advance, lang)}, balance ${euros(result.balance, lang)}.`,
  ];
}

/**
 * A step-by-step text of any result of the library, for a reader who checks figures against
 * the law without reading code: the result, each step in plain words with its figures and its
 * reference (text, article, URL and provenance), the interpretations used and the figures the
 * caller supplied. French by default.
 *
 * The text is built from the result alone (its trace), so a stored result can be explained
 * later by any version that reads its `traceVersion`.
 *
 * @throws {@link RulesError} `INVALID_INPUT` when `result` is not a result of this library (worded
 * in the language asked), or when `options` is not `{ lang?: 'fr' | 'en' }` (worded in English).
 * @example
 * ```ts
 * console.log(explain(patientTargets({ ... })));           // French
 * console.log(explain(settleYear({ ... }), { lang: 'en' })); // English
 * ```
 */
export function explain(result: ResultBase, options?: ExplainOptions): string {
  const lang = langOf(options, 'fr');
  try {
    parseInput(schema, result);
  } catch (e) {
    throw localized(e, lang);
  }
  const parsed = result as ResultBase & Dict;
  const fr = lang === 'fr';
  const tables = Object.entries((parsed.ruleTables as Dict | undefined) ?? {})
    .map(([id, v]) => `${id} ${show(v)}`)
    .join(', ');
  const out: string[] = [];
  out.push(
    fr ? "Aide à l'emploi d'un assistant médical — explication du calcul" : 'Medical assistant aid — explanation of the computation',
  );
  out.push(
    fr
      ? `Régime du contrat : ${parsed.ruleSet}. Tables : ${tables || '—'}. Bibliothèque ${show(parsed.libraryVersion)}, format de trace ${show(parsed.traceVersion)}.`
      : `Contract regime: ${parsed.ruleSet}. Tables: ${tables || '—'}. Library ${show(parsed.libraryVersion)}, trace format ${show(parsed.traceVersion)}.`,
  );
  out.push('', fr ? 'Résultat' : 'Result');
  for (const line of summary(parsed, lang)) out.push(`  ${line}`);
  out.push('', fr ? 'Étapes' : 'Steps');
  parsed.trace.forEach((step, n) => {
    out.push(`  ${String(n + 1)}. ${phrase(step, lang)}`, `     ${reference(step.rule, step.reference, lang)}`);
  });
  const interpretations = new Map<string, string>();
  const supplied: string[] = [];
  for (const step of parsed.trace) {
    const row = rowOf(step);
    const estimate = /^targets\.estimate\.\w+\.rate$/.test(step.rule);
    if (step.reference.provenance === 'interpretation' && (row !== undefined || estimate)) {
      const text = fr ? (labelFr(step.rule, row) ?? row?.label) : (row?.label ?? step.reference.text);
      interpretations.set(step.rule, text ?? step.rule);
    }
    if (step.reference.provenance === 'caller-supplied')
      supplied.push(fr ? `${FIELD_FR[step.rule] ?? step.rule} = ${showFr(step.output)}` : `${step.rule} = ${show(step.output)}`);
  }
  out.push('', fr ? 'Interprétations retenues' : 'Interpretations used');
  out.push(...(interpretations.size > 0 ? [...interpretations].map(([id, text]) => `  - ${text} (${id})`) : [fr ? '  aucune' : '  none']));
  out.push('', fr ? "Chiffres fournis par l'appelant" : 'Figures supplied by the caller');
  out.push(...(supplied.length > 0 ? supplied.map((s) => `  - ${s}`) : [fr ? '  aucun' : '  none']));
  const listed = ['Interpretation (', 'Interprétation (', 'Caller-supplied figure', "Chiffre fourni par l'appelant"];
  const other = parsed.warnings.filter((w) => !listed.some((prefix) => w.startsWith(prefix)));
  if (other.length > 0) {
    out.push('', fr ? 'Autres avertissements' : 'Other warnings');
    out.push(...other.map((w) => `  - ${w}`));
  }
  return `${out.join('\n')}\n`;
}
