import type { IsoDate } from '../core/dates.js';
import type { LegalReference, Provenance } from '../core/trace.js';
import type { RuleRow, SettlementRules } from './types.js';

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
  text: 'Avenant n°8 à la convention nationale des médecins libéraux (2020), as reported by secondary sources',
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

/** The library's own documented readings, where the sources are silent or ambiguous. @internal */
export const LIBRARY: Source = {
  text: 'aide-assistant-medical: documented interpretation (README, section "Interpretations")',
};

/** Builds a reference from a source, a provenance level and, when known, an article. @internal */
export function cite(source: Source, provenance: Provenance, article?: string): LegalReference {
  return {
    text: source.text,
    ...(article === undefined ? {} : { article }),
    ...(source.url === undefined ? {} : { url: source.url }),
    provenance,
  };
}

/** Returns a row builder whose rows default to a regime's dates. @internal */
export function rowsFor(window: { readonly from: IsoDate; readonly to: IsoDate | null }) {
  return <V>(id: string, label: string, value: V, reference: LegalReference, from: IsoDate = window.from): RuleRow<V> => ({
    id,
    label,
    value,
    from,
    to: window.to,
    reference,
  });
}

/** The yearly amounts of one option, in euros, as in rules.md §4 (a missing amount is `undefined`). @internal */
export interface AmountFigures {
  readonly year1?: string;
  readonly year2: string;
  readonly year3plus: string;
  readonly p90p95: string;
  readonly p95plus: string;
}

const AMOUNT_LABELS = {
  year1: 'aid for contract year 1',
  year2: 'aid for contract year 2',
  year3plus: 'aid for contract year 3 and after (standard tier)',
  p90p95: 'aid for contract year 3 and after when the starting patientèle is in [P90, P95)',
  p95plus: 'aid for every contract year when the starting patientèle is at or above P95',
} as const;

/** Builds the amount rows of one option, each citing `reference` (or `p95Reference` for the ≥ P95 row). @internal */
export function amountRows(
  row: ReturnType<typeof rowsFor>,
  option: string,
  figures: AmountFigures,
  reference: LegalReference,
  p95Reference: LegalReference = reference,
): Record<string, RuleRow<string>> {
  const rows: Record<string, RuleRow<string>> = {};
  for (const key of ['year1', 'year2', 'year3plus', 'p90p95', 'p95plus'] as const) {
    const value = figures[key];
    if (value === undefined) continue;
    rows[key] = row(
      `amount.${option}.${key}`,
      `${option}: ${AMOUNT_LABELS[key]} (euros)`,
      value,
      key === 'p95plus' ? p95Reference : reference,
    );
  }
  return rows;
}

/**
 * The settlement rows every regime has: modulation from year 3 (the regime's brochures), and
 * the library's interpretations of attainment and rounding; only the combination of the two
 * measures differs between regimes. @internal
 */
export function settlementRows(
  row: ReturnType<typeof rowsFor>,
  brochures: LegalReference,
  combine: { readonly value: 'mean' | 'min' | 'max'; readonly label: string },
): SettlementRules {
  const ours = cite(LIBRARY, 'interpretation');
  return {
    firstModulatedYear: row(
      'settlement.first-modulated-year',
      'the aid is modulated by the attainment of the targets from contract year 3',
      3,
      brochures,
    ),
    attainment: row(
      'settlement.attainment',
      'attainment of a measure = progress made over progress required, clamped to [0, 1]',
      'progress',
      ours,
    ),
    combine: row('settlement.combine', combine.label, combine.value, ours),
    rounding: row('settlement.rounding', 'aid due = annual aid × attainment, rounded half-up to the cent', 'half-up-cent', ours),
  };
}
