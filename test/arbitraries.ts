import fc from 'fast-check';
import type { Option, Tier } from '../src/index.js';

/** Seed and run count shared by the property suites (override with FC_SEED / FC_RUNS). */
export const fcParams = {
  seed: Number(process.env.FC_SEED ?? 20_240_622),
  numRuns: Number(process.env.FC_RUNS ?? 300),
};

const DAY = 86_400_000;
const FIRST = Date.UTC(2019, 7, 21);
const LAST = Date.UTC(2032, 11, 31);

/** A signing date on or after the first regime's start. */
export const signedOn = fc.integer({ min: 0, max: (LAST - FIRST) / DAY }).map((d) => new Date(FIRST + d * DAY).toISOString().slice(0, 10));

/** A valid option for the signing date. */
export const contract = signedOn.chain((date) =>
  fc.record({
    signedOn: fc.constant(date),
    option: fc.constantFrom<Option>(
      ...(date <= '2023-04-30' ? (['one-third', 'half-time', 'full-time'] as const) : (['half-time', 'full-time'] as const)),
    ),
    tier: fc.constantFrom<Tier>('standard', 'p90-p95', 'p95-plus'),
  }),
);

/** A patient count. */
export const count = fc.integer({ min: 0, max: 6000 });
