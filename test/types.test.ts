// Type-level checks, run by the compiler (npm run typecheck) and kept as a test file so that a
// drift between a public type and what it must agree with fails CI.
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  CollectiveEligibilityInput,
  CollectiveScheduleInput,
  CollectiveSettleInput,
  CollectiveTargetsInput,
  CompareInput,
  EligibilityInput,
  RuleSetId,
  RuleSets,
  ScheduleInput,
  SettleInput,
  TargetsInput,
} from '../src/index.js';
import type { compareSchema } from '../src/compare/compareContracts.js';
import type { schema as eligibilitySchema } from '../src/eligibility/checkEligibility.js';
import type { collectiveSchema } from '../src/eligibility/collective.js';
import type { ModuleId } from '../src/rules/registry.js';
import type { schema as scheduleSchema } from '../src/schedule/aidSchedule.js';
import type { collectiveScheduleSchema } from '../src/schedule/collective.js';
import type { collectiveSettleSchema } from '../src/settlement/collective.js';
import type { schema as settleSchema } from '../src/settlement/settleYear.js';
import type { collectiveTargetsSchema } from '../src/targets/collective.js';
import type { schema as targetsSchema } from '../src/targets/patientTargets.js';

/** Strips `readonly`, deeply: a TSDoc'd interface and a schema's inferred type then compare by shape. */
type Mutable<T> = T extends readonly (infer E)[]
  ? Mutable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<Exclude<T[K], undefined>> }
    : T;

/** `true` when the input type and the schema's input type accept the same values (mutual assignability), else which side accepts more. */
type Agree<I, S> = [Mutable<I>] extends [Mutable<S>]
  ? [Mutable<S>] extends [Mutable<I>]
    ? true
    : 'the schema accepts more'
  : 'the type accepts more';

describe('public types agree with what they derive from', () => {
  it('names in RuleSetId and RuleSets exactly the modules of the registry', () => {
    expectTypeOf<RuleSetId>().toEqualTypeOf<ModuleId>();
    expectTypeOf<keyof RuleSets>().toEqualTypeOf<ModuleId>();
  });

  it('gives each public input type the shape of its schema', () => {
    expectTypeOf<Agree<EligibilityInput, z.input<typeof eligibilitySchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<ScheduleInput, z.input<typeof scheduleSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<TargetsInput, z.input<typeof targetsSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<SettleInput, z.input<typeof settleSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<CollectiveEligibilityInput, z.input<typeof collectiveSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<CollectiveScheduleInput, z.input<typeof collectiveScheduleSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<CollectiveTargetsInput, z.input<typeof collectiveTargetsSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<CollectiveSettleInput, z.input<typeof collectiveSettleSchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<CompareInput, z.input<typeof compareSchema>>>().toEqualTypeOf<true>();
  });
});
