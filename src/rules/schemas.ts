// The domain's vocabulary as input schemas: regimes, options, sectors, tiers, specialties and
// the patient counts. The generic pieces (dates, counts, money, errors) come from core/.
import * as z from 'zod/mini';
import { bi, exactly, expected, isoDate, oneOf, patientCount, percentileValue } from '../core/schemas.js';
import { RULE_SET_IDS } from './registry.js';
import { specialties, type Specialty } from './specialties.js';
import { OPTIONS, PERCENTILE_KEYS, SECTORS, TIERS, type Option, type PercentileKey, type Sector, type Tier } from './types.js';

/** The `contract` of an individual contract's input: absent or `'individual'` (a collective one is read elsewhere). @internal */
export const individualContract = z.optional(
  exactly(
    'individual',
    bi("unknown contract: expected 'individual' or 'collective'", "contrat inconnu : valeur attendue : 'individual' ou 'collective'"),
  ),
);
/** @internal */
export const ruleSetId = oneOf(RULE_SET_IDS, { en: 'rule set', fr: 'régime' });
/** @internal */
export const option = oneOf(OPTIONS as [Option, ...Option[]], { en: 'option', fr: 'option' });
/** @internal */
export const sector = oneOf(SECTORS as [Sector, ...Sector[]], { en: 'sector', fr: 'secteur' });
/** @internal */
export const tier = oneOf(TIERS as [Tier, ...Tier[]], { en: 'tier', fr: 'palier' });
/** @internal */
export const specialty = z.enum(
  specialties as unknown as [Specialty, ...Specialty[]],
  expected(bi('unknown specialty: see the exported `specialties` list', 'spécialité inconnue : voir la liste exportée `specialties`')),
);

const percentileValues = z.strictObject(
  Object.fromEntries(PERCENTILE_KEYS.map((k) => [k, z.optional(percentileValue)])) as Record<
    PercentileKey,
    z.ZodMiniOptional<typeof percentileValue>
  >,
);

/** Caller-supplied reference values of the specialty's distribution, per measure. @internal */
export const percentiles = z.strictObject({
  medecinTraitant: z.optional(percentileValues),
  fileActive: z.optional(percentileValues),
});

/** The starting patientèle. @internal */
export const patientele = z.strictObject({
  medecinTraitant: z.optional(patientCount),
  fileActive: z.optional(patientCount),
});

/**
 * A move of a running contract to another regime, at the doctor's request: the date and, when
 * the caller names it, the regime moved to. @internal
 */
export const movedTo = z.strictObject({ ruleSet: z.optional(ruleSetId), on: isoDate });
