import type { ResultBaseOf, TraceStepOf } from '../core/trace.js';
import type { RuleSetId } from './registry.js';

/** Fields every result carries: the regime applied, version stamps, warnings and the trace. */
export type ResultBase = ResultBaseOf<RuleSetId>;

/** One step of a computation: which rule of which regime, its inputs, output and reference. */
export type TraceStep = TraceStepOf<RuleSetId>;
