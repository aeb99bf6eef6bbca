// The domain's vocabulary as input schemas: regimes, options, sectors, tiers, specialties and
// the patient counts. The generic pieces (dates, counts, money, errors) come from core/.
import * as z from 'zod/mini';
import { isoDate, oneOf, patientCount, percentileValue } from '../core/schemas.js';
import { RULE_SET_IDS } from './registry.js';
import { specialties } from './specialties.js';
import { OPTIONS, PERCENTILE_KEYS, SECTORS, TIERS, type Option, type PercentileKey, type Sector, type Tier } from './types.js';

/** `'a', 'b' or 'c'`: the choices of an enum, for its message. */
const quoted = (values: readonly [string, ...string[]]) => {
  const all = values.map((v) => `'${v}'`);
  const last = all.pop();
  return all.length === 0 ? String(last) : `${all.join(', ')} or ${String(last)}`;
};

/** @internal */
export const ruleSetId = oneOf(RULE_SET_IDS, `unknown rule set: expected ${quoted(RULE_SET_IDS)}`);
/** @internal */
export const option = oneOf(OPTIONS as [Option, ...Option[]], `unknown option: expected ${quoted(OPTIONS as [Option, ...Option[]])}`);
/** @internal */
export const sector = oneOf(SECTORS as [Sector, ...Sector[]], `unknown sector: expected ${quoted(SECTORS as [Sector, ...Sector[]])}`);
/** @internal */
export const tier = oneOf(TIERS as [Tier, ...Tier[]], `unknown tier: expected ${quoted(TIERS as [Tier, ...Tier[]])}`);
/** @internal */
export const specialty = oneOf(specialties, 'unknown specialty: see the exported `specialties` list');

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
