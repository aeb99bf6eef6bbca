import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { tableDec } from '../core/money.js';
import { parseInput } from '../core/schemas.js';
import type { LegalReference, Provenance } from '../core/trace.js';
import { ruleRow, ruleSets } from '../rules/registry.js';
import type { ResultBase, TraceStep } from '../rules/result.js';
import type { RuleRow } from '../rules/types.js';

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
    kind: z.enum(KINDS),
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
  { error: 'expected a result of checkEligibility, aidSchedule, patientTargets, settleYear or contractLedger (trace format 2)' },
);

const PROVENANCE: Record<Lang, Record<Provenance, string>> = {
  fr: {
    'legal-text': 'texte juridique',
    'official-guidance': 'doctrine officielle (Assurance Maladie)',
    secondary: 'source secondaire',
    interpretation: 'interprétation de la bibliothèque',
    'caller-supplied': "fourni par l'appelant",
  },
  en: {
    'legal-text': 'legal text',
    'official-guidance': 'official guidance (Assurance Maladie)',
    secondary: 'secondary source',
    interpretation: "the library's interpretation",
    'caller-supplied': 'supplied by the caller',
  },
};

const MEASURE: Record<Lang, Record<string, string>> = {
  fr: { medecinTraitant: 'patientèle médecin traitant', fileActive: 'file active' },
  en: { medecinTraitant: 'médecin traitant patientèle', fileActive: 'file active' },
};

/** A figure of a row in French notation: "0.826" → "0,826", "0.10" as a share → "10 %". */
const frNumber = (v: unknown) => show(v).replace('.', ',');
const frShare = (v: unknown) => `${frNumber(tableDec(show(v)).times(100).toString())} %`;

/**
 * French wording of the rows and computed steps (the English wording is the row's label). A
 * wording that states a figure takes it from the row the step applied, never from this file.
 */
const LABELS_FR: Record<string, string | ((value: Dict) => string)> = {
  'contract.years': 'durée du contrat, en années',
  'options.new-contracts': 'options ouvertes aux nouveaux contrats',
  'tier.gp-measure': 'pour un médecin généraliste, le palier de montant se lit sur la patientèle médecin traitant',
  'eligibility.sector.secteur-2-optam-co': "l'OPTAM-CO est accepté sous l'avenant 7 (les sources divergent)",
  'targets.two-measure-specialties':
    "mesures sur lesquelles porte l'engagement (médecin traitant et file active pour les généralistes et pédiatres)",
  'targets.gp-measure-adults': "sous l'avenant 7, la patientèle médecin traitant du généraliste compte les seuls adultes",
  'targets.newly-installed': (v) =>
    `médecin nouvellement installé : atteindre le ${show(v.percentile).toUpperCase()} de la spécialité en ${show(v.withinYears)} ans`,
  'targets.aged-65': (v) => `médecin de 65 ans ou plus : maintien de la patientèle, baisse de ${frShare(v.fallTolerated)} tolérée`,
  'targets.rounding': 'augmentation = taux × patientèle de départ, arrondie au patient entier (demi vers le haut)',
  'targets.estimate.medecinTraitant':
    "objectif médecin traitant estimé d'après les exemples publiés par l'Assurance Maladie ; les objectifs du contrat prévalent",
  'targets.estimate.fileActive':
    "objectif de file active estimé d'après les exemples publiés par l'Assurance Maladie ; les objectifs du contrat prévalent",
  'targets.estimate.extrapolation': (v) =>
    `extrapolation à une autre spécialité : nœuds à ${frNumber(v.aRatio)} × P50 et ${frNumber(v.bRatio)} × P50`,
  'targets.estimate.medecinTraitant.rate': 'taux = haut − (haut − plancher) × borne((x − A) / (B − A), 0, 1)',
  'targets.estimate.fileActive.rate': 'taux = haut − (haut − plancher) × borne((x − A) / (B − A), 0, 1)',
  'payments.year1.balance': (v) =>
    `le reste de l'aide de l'année 1 est versé à l'anniversaire n° ${show(v.atAnniversary)} du contrat (les sources sont muettes)`,
  'payments.later-years': "l'aide des années suivantes est versée à l'anniversaire qui clôt l'année (les sources sont muettes)",
  'settlement.first-modulated-year': (v) => `l'aide est modulée par l'atteinte des objectifs à partir de l'année ${show(v.value)}`,
  'settlement.attainment': "atteinte d'une mesure = progression réalisée / progression requise, bornée entre 0 et 1",
  'settlement.combine': "combinaison des atteintes des deux mesures (moyenne sous l'avenant 7, la meilleure depuis 2023)",
  'settlement.rounding': 'aide due = aide annuelle × atteinte, arrondie au centime (demi vers le haut)',
  'contract.renewal': (v) =>
    `renouvellement du contrat pour ${show(v.renewedYears)} ans${v.maxRenewals === null ? ' (renouvelable sans limite)' : ` (${show(v.maxRenewals)} renouvellement au plus)`}`,
  'contract.renewal.pricing':
    'les années renouvelées sont tarifées au montant de la 3e année et suivantes du régime en vigueur à la date du renouvellement, palier conservé (les sources sont muettes)',
  'contract.notice': (v) => `le médecin résilie le contrat par lettre recommandée avec un préavis de ${show(v.months)} mois`,
  'settlement.early-end':
    "une année écourtée est réglée au prorata : aide de l'année (avec son atteinte à partir de la première année modulée) × jours en vigueur ÷ jours de l'année, moins ce qui a été versé (aucune formule publiée)",
  'etp.step': "l'ETP financé se choisit par demi-ETP (la page ne le dit pas)",
  'etp.half-share': (v) => `un demi-ETP est payé ${frShare(v.value)} de chaque montant par ETP (la page ne le dit pas)`,
  'etp.per-member': 'ETP financés au plus par membre',
  'etp.docteur-junior': 'ETP supplémentaire par membre maître de stage accueillant un docteur junior',
  'etp.training-site': 'ETP supplémentaire par membre quand la structure est agréée terrain de stage ambulatoire',
  'etp.bonus-from': (v) => `les deux majorations s’appliquent à partir du ${show(v.value)} (la page donne le mois seulement)`,
  'targets.within-years': 'années après la signature pour atteindre les objectifs du groupe',
  'targets.earlier-gains': 'objectifs diminués des patients gagnés par les membres sous leurs contrats individuels antérieurs',
  'targets.per-etp.medecinTraitant': 'patients médecin traitant à ajouter par ETP financé',
  'targets.per-etp.fileActive': 'patients de file active à ajouter par ETP financé',
  'settlement.below-start':
    'un groupe dont la patientèle passe sous son niveau de départ risque la résiliation par la caisse (un risque, pas une somme)',
  transfer: "un contrat en cours d'un régime antérieur peut passer à ces règles à la demande du médecin",
};

/** A regime's title from its id, or the id itself when the registry does not know it. */
function title(id: unknown): string {
  const set = (ruleSets as unknown as Readonly<Record<string, { readonly title: string } | undefined>>)[String(id)];
  return set?.title ?? show(id);
}

/** The row a step applied: looked up by (regime, rule id); a computed step has no row. */
function rowOf(step: { readonly rule: string; readonly ruleSet: string }): RuleRow<unknown> | undefined {
  return ruleRow(step.ruleSet, step.rule);
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Euros, deterministic (no locale data): "18 000,00 €" or "€18,000.00". */
function euros(value: unknown, lang: Lang): string {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', int = '0', dec = ''] = match;
  const cents = dec.padEnd(2, '0').slice(0, 2);
  return lang === 'fr' ? `${sign}${group(int)},${cents} €` : `${sign}€${group(int).replace(/ /g, ',')}.${cents}`;
}

/** A ratio (exact decimal string) as a percentage with two decimals. */
function percent(value: unknown, lang: Lang): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const text = (n * 100).toFixed(2);
  return lang === 'fr' ? `${text.replace('.', ',')} %` : `${text} %`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function inputsText(inputs: Dict): string {
  return Object.entries(inputs)
    .map(([k, v]) => `${k} = ${show(v)}`)
    .join(', ');
}

/** The French label of a row, its figures read from the row (a scalar value is passed as `{ value }`). */
function labelFr(rule: string, row: RuleRow<unknown> | undefined): string | undefined {
  const label = LABELS_FR[rule];
  if (typeof label !== 'function') return label;
  if (row === undefined) return undefined;
  const value = row.value;
  return label(value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : { value });
}

/** Group or coordinated practice in French; the commitment delay is the row's figure. */
function practiceFr(kind: 'group' | 'coordinated', answer: unknown, row: RuleRow<unknown> | undefined): string | undefined {
  const years = show((row?.value as Dict | undefined)?.committedWithinYears);
  const what = kind === 'group' ? 'un groupe' : 'un exercice coordonné';
  if (answer === 'member') return kind === 'group' ? 'exerce en groupe' : 'participe à un exercice coordonné';
  if (answer === 'committed') return `s'engage à rejoindre ${what} dans les ${years} ans`;
  if (answer === 'none') return kind === 'group' ? 'ni exercice en groupe ni engagement' : 'ni exercice coordonné ni engagement';
  return undefined;
}

/** The French wording of an eligibility check, from its inputs (the English detail is the library's own text). */
function eligibilityFr(rule: string, i: Dict, passed: boolean, detail: unknown, row: RuleRow<unknown> | undefined): string {
  const n = frNumber;
  if (rule.startsWith('eligibility.sector.')) return `secteur ${show(i.sector)} ${passed ? 'éligible' : 'non éligible'}`;
  switch (rule) {
    case 'eligibility.excluded-specialties':
      return passed ? `${show(i.specialty)} n'est pas une spécialité exclue` : `${show(i.specialty)} est exclue de l'aide`;
    case 'eligibility.density-restricted-specialties':
      return passed
        ? `${show(i.specialty)} : exerce dans un département listé`
        : `${show(i.specialty)} : éligible seulement dans un département listé`;
    case 'eligibility.surgical-ccam-share': {
      const sign = passed ? (i.inclusive === true ? '≤' : '<') : i.inclusive === true ? '>' : '≥';
      return `part des honoraires d'actes techniques CCAM ${n(i.ccamFeeShare)} ${sign} ${n(i.maxCcamShare)}`;
    }
    case 'eligibility.gp-threshold': {
      const sign = i.comparison === 'gt' ? (passed ? '>' : '≤') : passed ? '≥' : '<';
      return `${show(i.medecinTraitant)} patients médecin traitant ${sign} P30 ${show(i.p30)}`;
    }
    case 'eligibility.specialist-threshold': {
      const sign = i.comparison === 'gt' ? (passed ? '>' : '≤') : passed ? '≥' : '<';
      return `file active ${show(i.fileActive)} ${sign} P30 ${show(i.p30)}`;
    }
    case 'eligibility.newly-installed':
      return "médecin nouvellement installé : le seuil d'activité ne s'applique pas";
    case 'eligibility.disability':
      return "médecin en situation de handicap ou atteint d'une maladie chronique : dérogation au seuil ou contrat adapté au cas par cas";
    case 'eligibility.children-share':
      return `enfants de moins de ${show(i.underAge)} ans : ${n(i.childrenShare)} de la patientèle (> ${n(i.moreThan)}), le seuil des patients adultes ne s'applique pas`;
    case 'eligibility.group-practice':
      return practiceFr('group', i.groupPractice, row) ?? show(detail);
    case 'eligibility.group-practice.zip-exemption':
      return 'exerce seul en zone ZIP : dispensé de la condition de groupe';
    case 'eligibility.coordinated-practice':
      return practiceFr('coordinated', i.coordinatedPractice, row) ?? show(detail);
    case 'eligibility.full-time.zip':
    case 'eligibility.full-time.zac':
      return `zone ${show(i.zone).toUpperCase()} : temps plein ${passed ? 'ouvert' : 'non ouvert'}`;
    case 'eligibility.mixed-activity':
      return 'activité salariée mixte : éligible, contrat adapté';
    case 'eligibility.second-assistant':
      return `second assistant : conditions ${passed ? 'remplies' : 'non remplies'}`;
    default:
      return show(detail);
  }
}

/** The French wording of a check of a collective contract, from its inputs. */
function collectiveFr(rule: string, i: Dict, passed: boolean): string | undefined {
  const who = show(i.member);
  if (rule.startsWith('structure.'))
    return `${show(i.structure).toUpperCase()} ${passed ? 'peut signer' : 'ne peut pas signer'} le contrat collectif`;
  if (rule.startsWith('member.sector.')) return `${who} : ${show(i.sector)} ${passed ? 'admis' : 'non admis'}`;
  switch (rule) {
    case 'assistant.qualifications':
      return i.qualification === 'cqp'
        ? "l'assistant détient le CQP d'assistant médical"
        : i.qualification === 'none'
          ? "l'assistant ne détient aucune des qualifications : la formation complète s'applique"
          : `l'assistant détient un diplôme d'État (${show(i.qualification)}) : la formation courte s'applique`;
    case 'assistant.training-deadline':
      return `embauché le ${show(i.hiredOn)} : ${i.startBy === null ? '' : `formation à commencer avant le ${show(i.startBy)}, `}qualification avant le ${show(i.qualifiedBy)}${i.trainingStartedOn === null ? '' : ` ; formation commencée le ${show(i.trainingStartedOn)}`}`;
    case 'assistant.training-hours':
      return `${show(i.hours)} heures de formation`;
    case 'assistant.secretary-conversion':
      return i.replaceBy === null
        ? 'la secrétaire devenue assistante doit être remplacée'
        : `la secrétaire devenue assistante doit être remplacée avant le ${show(i.replaceBy)}`;
    case 'member.specialty':
      return `${who} : ${show(i.specialty)}${passed ? '' : ', spécialité non admise (médecine générale seulement)'}`;
    case 'member.mep':
      return `${who} : ${passed ? "n'est pas médecin à exercice particulier" : 'médecin à exercice particulier (MEP), non admis'}`;
    case 'member.no-running-individual-contract':
      return passed
        ? `${who} : contrat individuel terminé le ${show(i.individualEndsOn)}, avant la signature`
        : `${who} : contrat individuel signé le ${show(i.individualSignedOn)} encore en cours le ${show(i.signedOn)}, à résilier d'abord`;
    case 'member.waiting-period':
      return passed
        ? `${who} : délai de carence ${i.waiver === true ? 'levé par le directeur de la caisse' : 'écoulé'} (contrat collectif précédent terminé le ${show(i.previousCollectiveEndedOn)})`
        : `${who} : contrat collectif précédent terminé le ${show(i.previousCollectiveEndedOn)}, pas de nouveau contrat avant le ${show(i.waitingUntil)}`;
    case 'threshold.average-medecin-traitant':
      return `moyenne de la patientèle médecin traitant des membres ${frNumber(dec2(i.average))} (${show(i.total)} / ${show(i.members)}) ${passed ? '≥' : '<'} ${show(i.atLeast)}`;
    default:
      return undefined;
  }
}

/** A ratio written with two decimals (display of an exact average). */
function dec2(value: unknown): string {
  return tableDec(show(value)).toFixed(2);
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
      ? `Régime applicable au contrat signé le ${show(i.signedOn)} : ${show(od.ruleSet)}${forced}.`
      : `Regime of a contract signed on ${show(i.signedOn)}: ${show(od.ruleSet)}${forced}.`;
  }
  if (r.startsWith('amount.per-etp.')) {
    return fr
      ? `Aide du groupe pour l'année ${show(i.year)} : ${euros(od.perEtp, lang)} par ETP × ${frNumber(i.etp)} ETP = ${euros(od.amount, lang)}.`
      : `Group aid for year ${show(i.year)}: ${euros(od.perEtp, lang)} per ETP × ${show(i.etp)} ETP = ${euros(od.amount, lang)}.`;
  }
  if (r.startsWith('amount.')) {
    return fr
      ? `Aide annuelle de l'année ${show(i.year)} (option ${show(i.option)}, palier ${show(i.tier)}) selon ${show(i.ruleSet)} : ${euros(o, lang)}.`
      : `Annual aid for year ${show(i.year)} (${show(i.option)}, tier ${show(i.tier)}) under ${show(i.ruleSet)}: ${euros(o, lang)}.`;
  }
  if (r === 'revaluation') {
    const revalued = od.revalued === true;
    return fr
      ? `L'année ${show(i.year)} commence le ${show(i.yearStarts)} : ${revalued ? `tarifée selon ${title(od.pricedBy)} (revalorisation des contrats en cours)` : `tarifée selon ${title(od.pricedBy)}, sans revalorisation`}.`
      : `Year ${show(i.year)} starts on ${show(i.yearStarts)}: ${revalued ? `priced by ${title(od.pricedBy)} (revaluation of running contracts)` : `priced by ${title(od.pricedBy)}, not revalued`}.`;
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
  if (r === 'tier') return fr ? `Palier de montant : ${show(o)} (${inputsText(i)}).` : `Amount tier: ${show(o)} (${inputsText(i)}).`;
  if (r === 'targets.band')
    return fr
      ? `Tranche de la ${m(i.measure)} au départ (${show(i.start)}) : ${show(o)}.`
      : `Band of the starting ${m(i.measure)} (${show(i.start)}): ${show(o)}.`;
  if (/^targets\.estimate\.\w+\.rate$/.test(r)) {
    return fr
      ? `Taux d'augmentation pour un départ de ${show(i.start)} (nœuds ${show(i.a)} et ${show(i.b)}, de ${percent(i.top, lang)} à ${percent(i.floor, lang)}) : ${percent(o, lang)}.`
      : `Increase rate for a start of ${show(i.start)} (knots ${show(i.a)} and ${show(i.b)}, from ${percent(i.top, lang)} to ${percent(i.floor, lang)}): ${percent(o, lang)}.`;
  }
  if (r.startsWith('targets.rate.'))
    return fr
      ? `Taux de la tranche ${show(i.band)} (${show(i.option)}) : ${percent(o, lang)}.`
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
      ? `Atteinte retenue (${show(i.combine)}) : ${ratioText(o, lang)}.`
      : `Attainment applied (${show(i.combine)}): ${ratioText(o, lang)}.`;
  if (r === 'settlement.rounding') {
    return fr
      ? `Aide due = ${euros(i.annualAid, lang)} × ${show(i.attainment)} = ${euros(o, lang)} (arrondi au centime, demi vers le haut).`
      : `Aid due = ${euros(i.annualAid, lang)} × ${show(i.attainment)} = ${euros(o, lang)} (rounded half-up to the cent).`;
  }
  if (r === 'settlement.advance') {
    return fr
      ? `Avance déjà versée pour l'année : ${euros(o, lang)} (${inputsText(i)}).`
      : `Advance already paid for the year: ${euros(o, lang)} (${inputsText(i)}).`;
  }
  if (r === 'settlement.balance') {
    const kind = String(od.balanceKind);
    const word = fr ? { 'to-pay': 'à verser au médecin', 'to-recover': 'à récupérer auprès du médecin', settled: 'soldé' }[kind] : kind;
    return fr
      ? `Solde = aide due ${euros(i.aidDue, lang)} − avance ${euros(i.advance, lang)} = ${euros(od.balance, lang)} (${word ?? kind}).`
      : `Balance = aid due ${euros(i.aidDue, lang)} − advance ${euros(i.advance, lang)} = ${euros(od.balance, lang)} (${kind}).`;
  }
  if (typeof od.passed === 'boolean' && !r.startsWith('eligibility.')) {
    const met = od.passed;
    return fr
      ? `Condition ${met ? 'remplie' : 'non remplie'} : ${collectiveFr(r, i, met) ?? show(od.detail)}.`
      : `Condition ${met ? 'met' : 'not met'}: ${show(od.detail)}.`;
  }
  if (r.startsWith('eligibility.') && 'passed' in od) {
    const met = od.passed === true;
    return fr
      ? `Condition ${met ? 'remplie' : 'non remplie'} : ${eligibilityFr(r, i, met, od.detail, rowOf(step))}.`
      : `Condition ${met ? 'met' : 'not met'}: ${show(od.detail)}.`;
  }
  const row = rowOf(step);
  const label = fr ? (labelFr(r, row) ?? row?.label ?? r) : (row?.label ?? r);
  const inputs = Object.keys(i).length > 0 ? ` (${inputsText(i)})` : '';
  return `${label}${inputs} → ${show(o)}.`;
}

function reference(rule: string, ref: LegalReference, lang: Lang): string {
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
    const options = list(result, 'options').map(show).join(', ') || '—';
    return [fr ? `Éligible : ${yes} ; options ouvertes : ${options}.` : `Eligible: ${yes}; options: ${options}.`];
  }
  if (result.kind === 'schedule') {
    const lines = list(result, 'years').map((y) => {
      const payments = list(y, 'payments')
        .map((p) => `${euros(p.amount, lang)} (${show(p.kind)}, ${show(p.dueBy)})`)
        .join(' ; ');
      return fr
        ? `Année ${show(y.year)}, du ${show(y.start)} au ${show(y.end)} : ${euros(y.amount, lang)} [${show(y.pricedBy)}] — versements : ${payments}`
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
 * @throws {@link RulesError} `INVALID_INPUT` when `result` is not a result of this library.
 * @example
 * ```ts
 * console.log(explain(patientTargets({ ... })));           // French
 * console.log(explain(settleYear({ ... }), { lang: 'en' })); // English
 * ```
 */
export function explain(result: ResultBase, options: ExplainOptions = {}): string {
  parseInput(schema, result);
  const parsed = result as ResultBase & Dict;
  const lang = options.lang ?? 'fr';
  if (!(['fr', 'en'] as readonly unknown[]).includes(lang))
    fail('INVALID_INPUT', ['lang'], `unknown language ${JSON.stringify(lang)}: expected 'fr' or 'en'`);
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
    if (step.reference.provenance === 'caller-supplied') supplied.push(`${step.rule} = ${show(step.output)}`);
  }
  out.push('', fr ? 'Interprétations retenues' : 'Interpretations used');
  out.push(...(interpretations.size > 0 ? [...interpretations].map(([id, text]) => `  - ${text} (${id})`) : [fr ? '  aucune' : '  none']));
  out.push('', fr ? "Chiffres fournis par l'appelant" : 'Figures supplied by the caller');
  out.push(...(supplied.length > 0 ? supplied.map((s) => `  - ${s}`) : [fr ? '  aucun' : '  none']));
  const other = parsed.warnings.filter((w) => !w.startsWith('Interpretation (') && !w.startsWith('Caller-supplied figure'));
  if (other.length > 0) {
    out.push('', fr ? 'Autres avertissements (texte de la bibliothèque, en anglais)' : 'Other warnings');
    out.push(...other.map((w) => `  - ${w}`));
  }
  return `${out.join('\n')}\n`;
}
