// The rule format, which the rules compiler checks at build time and the engine checks for custom
// rules at run time: one copy, imported by package name by both (nothing reaches into another src/).
export {categories, locales, partsOfSpeech} from './types.js'
export type * from './types.js'
export {ruleSchema, wordClassesSchema} from './schema.js'
export {checkRule, checkWordClasses} from './check-rule.js'
export type {RuleProblem} from './check-rule.js'
export {anyNumber, expandPattern, fillPlaceholders, forEachVariant, patternProblems} from './pattern.js'
export type {PatternVariant} from './pattern.js'
export {expandTerm, verbForms} from './inflect.js'
export type {Variant} from './inflect.js'
export {hyphens, normaliseWord, phraseKeys} from './normalise.js'
export {isRecord} from './is-record.js'
