// The French wording of the rule rows and computed steps (a row's English wording is its
// label). A wording that states a figure takes it from the row applied, never from this file:
// warnings, explain and the command line read the same words.
import { tableDec } from '../core/money.js';
import type { TracedRow } from '../core/trace.js';
import type { RuleRow } from './types.js';
import { frNumber, show } from './words.js';

type Dict = Readonly<Record<string, unknown>>;

/** A share of a row in French notation: "0.10" → "10 %". @internal */
export const frShare = (v: unknown) => `${frNumber(tableDec(show(v)).times(100).toString())} %`;

/**
 * French wording of the rows and computed steps (the English wording is the row's label). A
 * wording that states a figure takes it from the row the step applied, never from this file.
 */
const LABELS_FR: Record<string, string | ((value: Dict, row: RuleRow<unknown>) => string)> = {
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
  'payments.year1': (v, row) =>
    `année 1 : l'aide entière dans les ${show(v.withinMonthsOfSignature)} mois suivant la signature${calendarNote(row)}`,
  'payments.year2': (_, row) => `année 2 : l'aide entière au premier anniversaire${calendarNote(row)}`,
  'payments.advance': (v, row) =>
    `à partir de l'année 3 : une avance de ${frShare(v.share)} de l'aide dans les ${show(v.withinMonthsAfterAnniversary)} mois suivant l'anniversaire qui ouvre l'année${calendarNote(row)}`,
  'payments.balance': (v, row) =>
    `à partir de l'année 3 : le solde (aide proratisée par l'atteinte de l'année, moins l'avance) dans les ${show(v.withinMonthsAfterAnniversary)} mois suivant l'anniversaire qui clôt l'année${calendarNote(row)}`,
  'assistant.secretary-conversion':
    "la secrétaire devenue assistante doit être remplacée (aucun délai n'est fixé ; lu comme sous l'avenant 7)",
  'member.sector.secteur-2-optam-co':
    "la page ne nomme que l'OPTAM : un généraliste de secteur 2 sous OPTAM-CO n'est pas retenu comme membre",
  transfer: "un contrat en cours d'un régime antérieur peut passer à ces règles à la demande du médecin",
};

/** The French label of a row, its figures read from the row (a scalar value is passed as `{ value }`). */
export function labelFr(rule: string, row: RuleRow<unknown> | undefined): string | undefined {
  const label = LABELS_FR[rule];
  if (typeof label !== 'function') return label;
  if (row === undefined) return undefined;
  const value = row.value;
  return label(value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : { value }, row);
}

/** Where a calendar is the library's reading (a collective contract's), the caveat says so. */
function calendarNote(row: RuleRow<unknown>): string {
  return row.reference.provenance === 'interpretation' ? ' (calendrier non publié : celui des contrats individuels)' : '';
}

/** A row's French wording for a warning: its French label, or its own label when it has none. @internal */
export function rowLabelFr(row: TracedRow): string {
  return labelFr(row.id, row as RuleRow<unknown>) ?? row.label;
}
