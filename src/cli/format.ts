// Readable text for the command line: one renderer per result kind.
import type { CompareResult } from '../compare/compareContracts.js';
import type { LedgerResult } from '../ledger/contractLedger.js';
import type { EligibilityResult } from '../eligibility/checkEligibility.js';
import type { CollectiveEligibilityResult } from '../eligibility/collective.js';
import type { ScheduleResult } from '../schedule/aidSchedule.js';
import type { CollectiveScheduleResult } from '../schedule/collective.js';
import type { CollectiveSettleResult } from '../settlement/collective.js';
import type { SettleResult } from '../settlement/settleYear.js';
import type { CollectiveTargetsResult } from '../targets/collective.js';
import type { MeasureTarget, TargetsResult } from '../targets/patientTargets.js';
import { MEASURES } from '../rules/types.js';
import type { Lang } from '../core/trace.js';
import {
  BALANCE_FR,
  frEuros,
  frNumber,
  frenchOf,
  groupDigits,
  MEASURE_FR,
  OPTION_FR,
  PAYMENT_FR,
  PROVENANCE_FR,
  TIER_FR,
} from '../rules/words.js';
import { ruleSets, titleOf } from '../rules/registry.js';

/** A text in the reader's language. */
type Say = (en: string, fr: string) => string;
const sayer =
  (lang: Lang): Say =>
  (en, fr) =>
    lang === 'fr' ? fr : en;

/** "18000.00" → "18 000.00 €" in English, "18 000,00 €" in French. */
export function euros(amount: string, lang: Lang = 'en'): string {
  if (lang === 'fr') return frEuros(amount);
  const [int = '', dec = '00'] = amount.replace('-', '').split('.');
  return `${amount.startsWith('-') ? '-' : ''}${groupDigits(int)}.${dec} €`;
}

/** A text table with left-aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The reader's word for an identifier: the French one in French, the identifier in English. */
function word(lang: Lang, table: Readonly<Record<string, string>>, id: string): string {
  return lang === 'fr' ? frenchOf(table, id) : id;
}

/** A regime's title in French, its id in English. */
function regime(lang: Lang, id: string): string {
  return lang === 'fr' ? titleOf(id) : id;
}

function yes(lang: Lang, value: boolean): string {
  return sayer(lang)(value ? 'yes' : 'no', value ? 'oui' : 'non');
}

function footer(result: { ruleSet: string; warnings: readonly string[] }, lang: Lang): string {
  const say = sayer(lang);
  const warnings = result.warnings.map((w) => `  • ${w}`).join('\n');
  return `\n${say('Rule set', 'Régime')}${say(':', ' :')} ${regime(lang, result.ruleSet)}${warnings ? `\n${say('Interpretations, caller-supplied figures and cautions:', 'Interprétations, chiffres fournis et mises en garde :')}\n${warnings}` : ''}`;
}

/** The French name of each way a target was set. */
const BASIS_FR: Readonly<Record<MeasureTarget['basis'], string>> = {
  'percentile-band': 'tranche de percentiles',
  estimate: 'estimation',
  'extrapolated-estimate': 'estimation extrapolée',
  'newly-installed-p50': 'nouvel installé : P50',
  'maintain-aged-65': 'maintien (65 ans ou plus)',
};

const CHECK_HEADER = (say: Say) => [
  say('passed', 'remplie'),
  say('scope', 'portée'),
  say('check', 'condition'),
  say('provenance', 'provenance'),
];
const SCOPE_FR: Readonly<Record<string, string>> = {
  doctor: 'médecin',
  group: 'groupe',
  assistant: 'assistant',
  'second-assistant': 'second assistant',
  ...OPTION_FR,
};

/** Eligibility: the verdict, the options and each check. */
export function formatEligibility(r: EligibilityResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const options = r.options.map((o) => word(lang, OPTION_FR, o)).join(', ') || '—';
  const head = `${say('Eligible', 'Éligible')}${say(':', ' :')} ${yes(lang, r.eligible)}${say('; options: ', ' ; options : ')}${options}`;
  const rows = r.checks.map((c) => [
    yes(lang, c.passed),
    word(lang, SCOPE_FR, c.scope),
    c.detail,
    word(lang, PROVENANCE_FR, c.reference.provenance),
  ]);
  const second =
    r.secondAssistantOptions.length > 0
      ? `\n${say('Second assistant options: ', 'Options du second assistant : ')}${r.secondAssistantOptions.map((o) => word(lang, OPTION_FR, o)).join(', ')}`
      : '';
  return `${head}${second}\n\n${table(CHECK_HEADER(say), rows)}\n${footer(r, lang)}`;
}

/** A group's eligibility: the verdict, the maximum ETP, the group's and each member's checks. */
export function formatGroupEligibility(r: CollectiveEligibilityResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const head = say(
    `Eligible: ${yes(lang, r.eligible)}; average médecin traitant ${r.averageMedecinTraitant}; at most ${String(r.maxEtp)} ETP`,
    `Éligible : ${yes(lang, r.eligible)} ; patientèle médecin traitant moyenne ${frNumber(r.averageMedecinTraitant)} ; au plus ${frNumber(r.maxEtp)} ETP`,
  );
  const prov = (p: string) => word(lang, PROVENANCE_FR, p);
  const rows = [
    ...r.checks.map((c) => [yes(lang, c.passed), say('group', 'groupe'), c.detail, prov(c.reference.provenance)]),
    ...r.members.flatMap((m) => m.checks.map((c) => [yes(lang, c.passed), m.id, c.detail, prov(c.reference.provenance)])),
  ];
  return `${head}\n\n${table(CHECK_HEADER(say), rows)}\n${footer(r, lang)}`;
}

const TARGET_HEADER = (say: Say, who: string) => [
  who,
  say('measure', 'mesure'),
  say('start', 'départ'),
  say('increase', 'augmentation'),
  say('target', 'objectif'),
  say('due by', 'au plus tard le'),
];

/** A group's targets: the group's, then newly installed members' own. */
export function formatGroupTargets(r: CollectiveTargetsResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const m = (measure: string) => word(lang, MEASURE_FR, measure);
  const rows = MEASURES.map((measure) => {
    const t = r.targets[measure];
    return [say('group', 'groupe'), m(measure), String(t.start), `+${String(t.increase)}`, String(t.target), t.dueBy];
  });
  const own = r.members.flatMap((member) =>
    MEASURES.flatMap((measure) => {
      const t = member[measure];
      return t ? [[member.id, m(measure), String(t.start), `+${String(t.target - t.start)}`, String(t.target), t.dueBy]] : [];
    }),
  );
  return `${say(`${String(r.etp)} ETP`, `${frNumber(r.etp)} ETP`)}\n\n${table(TARGET_HEADER(say, say('who', 'qui')), [...rows, ...own])}\n${footer(r, lang)}`;
}

/** Individual or collective: year by year, then each member and what cannot be compared. */
export function formatComparison(r: CompareResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const e = (a: string) => euros(a, lang);
  const rows = [
    ...r.years.map((y) => [String(y.year), e(y.individual), e(y.collective), e(y.difference)]),
    [say('total', 'total'), e(r.totals.individual), e(r.totals.collective), e(r.totals.difference)],
  ];
  const members = r.individual.map(
    (s) =>
      `  • ${s.id}${say(':', ' :')} ${
        s.eligible
          ? say(
              `individual ${s.option}, tier ${s.tier}${s.tierStated ? '' : ' (assumed)'}`,
              `individuel ${word(lang, OPTION_FR, s.option)}, ${word(lang, TIER_FR, s.tier)}${s.tierStated ? '' : ' (supposé)'}`,
            )
          : say('not eligible for an individual contract', 'non éligible à un contrat individuel')
      }`,
  );
  const notes = r.notComparable.map((n) => `  • ${n}`);
  const head = say(
    `Collective: ${r.collective.eligible ? 'eligible' : 'not eligible'}, ${String(r.collective.etp)} ETP (at most ${String(r.collective.maxEtp)})`,
    `Collectif : ${r.collective.eligible ? 'éligible' : 'non éligible'}, ${frNumber(r.collective.etp)} ETP (au plus ${frNumber(r.collective.maxEtp)})`,
  );
  const header = [
    say('year', 'année'),
    say('individual (sum)', 'individuel (somme)'),
    say('collective', 'collectif'),
    say('difference', 'écart'),
  ];
  return `${head}\n\n${table(header, rows)}\n\n${say('Members:', 'Membres :')}\n${members.join('\n')}\n\n${say('Not comparable:', 'Non comparable :')}\n${notes.join('\n')}`;
}

/** Schedule: one line per contract year with its payments. */
export function formatSchedule(r: ScheduleResult | CollectiveScheduleResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const rows = r.years.map((y) => [
    String(y.year),
    y.start,
    y.end,
    euros(y.amount, lang),
    regime(lang, y.pricedBy),
    y.payments
      .map((p) => {
        const due =
          p.dueBy ?? say(`hiring + ${String(p.dueWithinDaysOfHiring)} days`, `embauche + ${String(p.dueWithinDaysOfHiring)} jours`);
        return `${word(lang, PAYMENT_FR, p.kind)} ${euros(p.amount, lang)} ${say('by', 'au plus tard le')} ${due}${p.conditional ? ' (max.)' : ''}`;
      })
      .join(say('; ', ' ; ')),
  ]);
  const head =
    r.contract === 'collective'
      ? say(`${String(r.etp)} ETP (collective)`, `${frNumber(r.etp)} ETP (contrat collectif)`)
      : say(`Option ${r.option}, tier ${r.tier}`, `Option ${word(lang, OPTION_FR, r.option)}, ${word(lang, TIER_FR, r.tier)}`);
  const header = [
    say('year', 'année'),
    say('from', 'du'),
    say('to', 'au'),
    say('amount', 'montant'),
    say('priced by', 'tarifé selon'),
    say('payments', 'versements'),
  ];
  const modulated = String(ruleSets[r.ruleSet].table.settlement.firstModulatedYear.value);
  const total = say(
    `Total: ${euros(r.total)} (a maximum: from year ${modulated} the aid depends on the targets)`,
    `Total : ${euros(r.total, lang)} (un maximum : à partir de l'année ${modulated}, l'aide dépend des objectifs)`,
  );
  return `${head}\n\n${table(header, rows)}\n${total}\n${footer(r, lang)}`;
}

/** Targets: one line per measure. */
export function formatTargets(r: TargetsResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const rate = (value: string | null) => (value === null ? '—' : lang === 'fr' ? frNumber(value) : value);
  const rows = (Object.entries(r.targets) as [string, MeasureTarget][]).map(([measure, t]) => [
    word(lang, MEASURE_FR, measure),
    String(t.start),
    `+${String(t.increase)}`,
    String(t.target),
    rate(t.rate),
    word(lang, BASIS_FR, t.basis),
  ]);
  const missing = r.unavailable.map((u) => [
    word(lang, MEASURE_FR, u.measure),
    '—',
    '—',
    '—',
    '—',
    `${say('unavailable', 'indisponible')}${say(':', ' :')} ${u.reason}`,
  ]);
  const header = [
    say('measure', 'mesure'),
    say('start', 'départ'),
    say('increase', 'augmentation'),
    say('target', 'objectif'),
    say('rate', 'taux'),
    say('basis', 'méthode'),
  ];
  return `Option ${word(lang, OPTION_FR, r.option)}\n\n${table(header, [...rows, ...missing])}\n${footer(r, lang)}`;
}

/** Settlement: the figures of the year. */
export function formatSettlement(r: SettleResult | CollectiveSettleResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const ratio = (v: string) => (lang === 'fr' ? frNumber(v) : v);
  const rows: string[][] = [
    [
      say('annual aid', 'aide annuelle'),
      `${euros(r.annualAid, lang)} (${regime(lang, r.contract === 'collective' ? r.ruleSet : r.pricedBy)})`,
    ],
    [
      say('attainment', 'atteinte'),
      (Object.entries(r.attainment) as [string, string][])
        .map(([k, v]) => `${k === 'combined' ? say('combined', 'retenue') : word(lang, MEASURE_FR, k)} ${ratio(v)}`)
        .join(', '),
    ],
    [say('aid due', 'aide due'), euros(r.aidDue, lang)],
    [say('advance', 'avance'), euros(r.advance, lang)],
    [say('balance', 'solde'), `${euros(r.balance, lang)} (${word(lang, BALANCE_FR, r.balanceKind)})`],
  ];
  if (r.contract === 'collective' && r.risk !== undefined)
    rows.push([
      say('risk', 'risque'),
      say('below the start: the caisse may end the contract', 'sous le départ : la caisse peut résilier le contrat'),
    ]);
  const head =
    r.contract === 'collective'
      ? say(`${String(r.etp)} ETP (collective)`, `${frNumber(r.etp)} ETP (contrat collectif)`)
      : say(`option ${r.option}, tier ${r.tier}`, `option ${word(lang, OPTION_FR, r.option)}, ${word(lang, TIER_FR, r.tier)}`);
  return `${say('Year', 'Année')} ${String(r.year)}, ${head}${r.modulated ? '' : say(' (not modulated)', ' (non modulée)')}\n\n${table(['', ''], rows)}\n${footer(r, lang)}`;
}

/** A ledger: one line per contract year, then the totals. */
export function formatLedger(r: LedgerResult, lang: Lang = 'en'): string {
  const say = sayer(lang);
  const e = (a: string) => euros(a, lang);
  const rows = r.years.map((y) => [
    String(y.year),
    y.start,
    y.end,
    y.aidDue === null ? '—' : e(y.aidDue),
    e(y.paid),
    y.balance === null ? '—' : e(y.balance),
    word(lang, BALANCE_FR, y.balanceKind),
  ]);
  const t = r.totals;
  const header = [
    say('year', 'année'),
    say('from', 'du'),
    say('to', 'au'),
    say('aid due', 'aide due'),
    say('paid', 'reçu'),
    say('balance', 'solde'),
    '',
  ];
  const totals = say(
    `Totals: due ${e(t.aidDue)}, paid ${e(t.paid)}, to pay ${e(t.toPay)}, to recover ${e(t.toRecover)}`,
    `Totaux : dû ${e(t.aidDue)}, reçu ${e(t.paid)}, à verser ${e(t.toPay)}, à récupérer ${e(t.toRecover)}`,
  );
  return `${table(header, rows)}\n${totals}\n${footer(r, lang)}`;
}
