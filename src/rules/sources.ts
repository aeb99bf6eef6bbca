/**
 * The sources the rule tables cite, each once: the instrument's title and, where known, its
 * public address. A row states how sure it is of what it takes from a source (its provenance)
 * and, where the text gives one, the article.
 */
import type { IsoDate } from '../core/dates.js';
import type { LegalReference, Provenance } from '../core/trace.js';
import type { RuleRow } from './types.js';

/** A source without a provenance level: a row states how sure it is of what it takes from it. @internal */
export interface Source {
  readonly text: string;
  readonly url?: string;
}

/** Avenant n°7 (2019), which created the aid (sous-titre I bis of the 2016 convention). @internal */
export const AVENANT_7: Source = {
  text: 'Avenant n°7 à la convention nationale des médecins libéraux du 25 août 2016, approuvé par arrêté du 14 août 2019 (JORF du 20 août 2019)',
  url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000038934376',
};

/** Avenant n°8 (2020): full-time option in ZAC zones. @internal */
export const AVENANT_8: Source = {
  text: 'Avenant n°8 à la convention nationale des médecins libéraux (2020), tel que rapporté par des sources secondaires',
};

/** The Assurance Maladie brochures that accompanied the 2019 scheme. @internal */
export const BROCHURES_2019: Source = {
  text: "Assurance Maladie, brochures d'information sur l'aide à l'emploi d'un assistant médical (2019)",
};

/** Règlement arbitral of 2023. @internal */
export const REGLEMENT_ARBITRAL: Source = {
  text: "Règlement arbitral organisant les rapports entre les médecins libéraux et l'assurance maladie, approuvé par arrêté du 28 avril 2023 (JORF du 30 avril 2023)",
  url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047507132',
};

/** ameli.fr presentation of the règlement arbitral's measures (May 2023). @internal */
export const AMELI_2023: Source = {
  text: 'ameli.fr, « Règlement arbitral : les mesures en vigueur dès le mois de mai 2023 »',
  url: 'https://www.ameli.fr/medecin/actualites/reglement-arbitral-les-mesures-en-vigueur-des-le-mois-de-mai-2023',
};

/** Assurance Maladie brochures and simulator published for the 2023 rules (indicative worked examples). @internal */
export const BROCHURES_2023: Source = {
  text: "Assurance Maladie, brochure et simulateur de l'aide à l'emploi d'un assistant médical (2023, exemples indicatifs)",
};

/** Convention médicale 2024. @internal */
export const CONVENTION_2024: Source = {
  text: "Convention nationale organisant les rapports entre les médecins libéraux et l'assurance maladie signée le 4 juin 2024, approuvée par arrêté du 20 juin 2024 (JORF du 21 juin 2024)",
};

/** ameli.fr presentation of the 2024 changes (amounts, revaluation of running contracts). @internal */
export const AMELI_2024: Source = {
  text: "ameli.fr, « Aide à l'emploi d'un assistant médical : ce qui change dès juin 2024 »",
  url: 'https://www.ameli.fr/medecin/actualites/aide-l-emploi-d-un-assistant-medical-ce-qui-change-des-juin-2024',
};

/** ameli.fr detail of the 2024 convention's measures on the aid (eligibility, surgeons). @internal */
export const AMELI_2024_DETAIL: Source = {
  text: "ameli.fr, « Revalorisation et assouplissement du dispositif d'aide à l'emploi d'un assistant médical » (convention médicale 2024-2029)",
  url: 'https://www.ameli.fr/medecin/textes-reference/convention-medicale-2024-2029/grands-axes-convention-detail/mesures-fortes-acces-soins/revalorisation-dispositif-aide-emploi-assistant-medical',
};

/**
 * ameli.fr page on the collective aid for a group of GPs (« aide collective à l'emploi
 * d'assistants médicaux », 2026), read through a secondary paraphrase. It also states the GP
 * P50 of the national distribution at 31 December 2021 (GPs excluding MEP). @internal
 */
export const AMELI_COLLECTIVE_2026: Source = {
  text: "ameli.fr, « Aide collective à l'emploi d'assistants médicaux pour un groupe de médecins » (2026), lu à travers une paraphrase secondaire",
};

/**
 * A secondary wiki on the aid, the only source found for the GP P90 (1 503) and P95 (1 721) of
 * 2021; it withdrew both figures in December 2024. @internal
 */
export const WITHDRAWN_WIKI: Source = {
  text: "Wiki secondaire sur l'aide à l'emploi d'un assistant médical (P90 et P95 des généralistes de 2021 ; chiffres retirés en décembre 2024)",
};

/** The arrêté of 7 November 2019 on the qualifications and training of medical assistants. @internal */
export const ARRETE_2019_ASSISTANTS: Source = {
  text: 'Arrêté du 7 novembre 2019 (assistants médicaux : qualifications et formation)',
};

/** Press and union readings of the 2024 convention's changes to the assistant's training. @internal */
export const PRESS_2024_TRAINING: Source = {
  text: "Le Quotidien du médecin, « Le b.a.-ba de l'emploi d'un assistant médical » (convention 2024 : formation dans les deux ans)",
};

/** The library's own documented readings, where the sources are silent or ambiguous. @internal */
export const LIBRARY: Source = {
  text: 'aide-assistant-medical, interprétations documentées (docs/interpretations.md, livré avec le paquet)',
};

/** Builds a reference from a source, a provenance level and, when the text gives one, an article. @internal */
export function cite(source: Source, provenance: Provenance, article?: string): LegalReference {
  return {
    text: source.text,
    ...(article === undefined ? {} : { article }),
    ...(source.url === undefined ? {} : { url: source.url }),
    provenance,
  };
}

/** Options of one row: a first day other than the regime's, or a withdrawal of its only source. @internal */
export interface RowOptions {
  readonly from?: IsoDate;
  readonly withdrawn?: string;
}

/**
 * Returns a row builder whose rows belong to a regime and start on its first day. A row's last
 * day is left open (`to: null`): the registry closes it on the day before the next regime of
 * the same contract kind starts. @internal
 */
export function rowsFor(regime: { readonly ruleSet: string; readonly from: IsoDate }) {
  return <V>(id: string, label: string, value: V, reference: LegalReference, options: RowOptions = {}): RuleRow<V> => ({
    id,
    ruleSet: regime.ruleSet,
    label,
    value,
    from: options.from ?? regime.from,
    to: null,
    reference,
    ...(options.withdrawn === undefined ? {} : { withdrawn: options.withdrawn }),
  });
}
