// How a public function runs a computation: in the caller's language, with its own recorder, and
// with its errors worded in that language.
import * as z from 'zod/mini';
import { localized } from '../core/errors.js';
import { oneOf, parseInput } from '../core/schemas.js';
import { Recorder, type Lang } from '../core/trace.js';
import { rowLabelFr } from './labels-fr.js';
import type { Rec } from './lookup.js';
import type { RuleSetId } from './registry.js';

/** Options of every function of the library. */
export interface CallOptions {
  /**
   * The language of what a person reads in the result: its `warnings`, the `detail` of its
   * checks, the `reason` of an unavailable target, and the messages of a `RulesError`.
   * `'en'` (the default) or `'fr'`; any other value is refused. Figures, identifiers and the
   * trace's structure do not change with the language.
   */
  readonly lang?: Lang;
}

/** The `lang` option of every function (and of the batch functions). @internal */
export const langOption = z.optional(oneOf(['en', 'fr'], { en: 'language', fr: 'langue' }));
const optionsSchema = z.optional(z.strictObject({ lang: langOption }));

/** The language of `options`, validated (a `RulesError` names a bad one), `fallback` when none is given. @internal */
export function langOf(options: unknown, fallback: Lang = 'en'): Lang {
  return parseInput(optionsSchema, options)?.lang ?? fallback;
}

/** A recorder of this library's regimes, in `lang`. @internal */
export function recorder(tracing: boolean, lang: Lang): Rec {
  return new Recorder<RuleSetId>(tracing, lang, rowLabelFr);
}

/** Runs `core` on `input` in the language of `options`: its errors are worded in that language. @internal */
export function run<R>(core: (input: unknown, rec: Rec) => R, input: unknown, options: unknown, tracing = true): R {
  const lang = langOf(options);
  try {
    return core(input, recorder(tracing, lang));
  } catch (e) {
    throw localized(e, lang);
  }
}
