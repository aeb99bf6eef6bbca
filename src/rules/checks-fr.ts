// The French wording of each eligibility check, from the inputs the check recorded: the
// `detail` of a check computed in French, and the sentence explain writes for it.
import { tableDec } from '../core/money.js';
import { specialtyLabels } from './specialties.js';
import type { RuleRow } from './types.js';
import { frenchOf, frNumber, SECTOR_FR, show } from './words.js';

/** A specialty's French label. */
const specialtyFr = (id: unknown) => frenchOf(specialtyLabels, id);

type Dict = Readonly<Record<string, unknown>>;

/** Group or coordinated practice in French; the commitment delay is the row's figure. */
function practiceFr(kind: 'group' | 'coordinated', answer: unknown, row: RuleRow<unknown> | undefined): string {
  const years = show((row?.value as Dict | undefined)?.committedWithinYears);
  const what = kind === 'group' ? 'un groupe' : 'un exercice coordonné';
  if (answer === 'member') return kind === 'group' ? 'exerce en groupe' : 'participe à un exercice coordonné';
  if (answer === 'committed') return `s'engage à rejoindre ${what} dans les ${years} ans`;
  return kind === 'group' ? 'ni exercice en groupe ni engagement' : 'ni exercice coordonné ni engagement';
}

/** The French wording of an eligibility check, from its inputs (the English detail is the library's own text). */
function eligibilityFr(rule: string, i: Dict, passed: boolean, detail: unknown, row: RuleRow<unknown> | undefined): string {
  const n = frNumber;
  if (rule.startsWith('eligibility.sector.')) return `${frenchOf(SECTOR_FR, i.sector)} ${passed ? 'éligible' : 'non éligible'}`;
  switch (rule) {
    case 'eligibility.excluded-specialties':
      return passed ? `${specialtyFr(i.specialty)} n'est pas une spécialité exclue` : `${specialtyFr(i.specialty)} est exclue de l'aide`;
    case 'eligibility.density-restricted-specialties':
      return passed
        ? `${specialtyFr(i.specialty)} : exerce dans un département listé`
        : `${specialtyFr(i.specialty)} : éligible seulement dans un département listé`;
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
      return practiceFr('group', i.groupPractice, row);
    case 'eligibility.group-practice.zip-exemption':
      return 'exerce seul en zone ZIP : dispensé de la condition de groupe';
    case 'eligibility.coordinated-practice':
      return practiceFr('coordinated', i.coordinatedPractice, row);
    case 'eligibility.full-time.zip':
    case 'eligibility.full-time.zac':
      return `${i.zone === 'zip' || i.zone === 'zac' ? `zone ${show(i.zone).toUpperCase()}` : 'ni en ZIP ni en ZAC'} : temps plein ${passed ? 'ouvert' : 'non ouvert'}`;
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
  if (rule.startsWith('member.sector.')) return `${who} : ${frenchOf(SECTOR_FR, i.sector)} ${passed ? 'admis' : 'non admis'}`;
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
      return `${who} : ${specialtyFr(i.specialty)}${passed ? '' : ', spécialité non admise (médecine générale seulement)'}`;
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

/**
 * The French wording of a check of `rule`, from its inputs and outcome; `detail` (the English
 * wording) when the rule has none. @internal
 */
export function checkFr(rule: string, inputs: Dict, passed: boolean, detail: string, row: RuleRow<unknown> | undefined): string {
  return rule.startsWith('eligibility.')
    ? eligibilityFr(rule, inputs, passed, detail, row)
    : (collectiveFr(rule, inputs, passed) ?? detail);
}
