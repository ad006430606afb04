import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {phraseKeys} from './normalise.js'
import {patternProblems} from './pattern.js'
import type {Rule, RuleTerm, WordClasses} from './types.js'
import {ruleSchema, wordClassesSchema} from './schema.js'

let validate: ValidateFunction | undefined
let validateClasses: ValidateFunction | undefined

/** One schema error in a rule object. */
export interface RuleProblem {
  /** JSON pointer into the rule (`/suggestions/default/0`). */
  pointer: string
  message: string
}

/**
 * Check a rule object against the rule schema. The schema is compiled on first use,
 * so callers without custom rules never pay for it.
 *
 * Pattern terms are also parsed, and their word classes looked up in `classes`.
 *
 * @param rule - A parsed rule (from YAML, JSON or code).
 * @param classes - The word classes patterns may name (default: none).
 * @returns The problems found; empty when the rule is valid.
 */
export function checkRule(rule: unknown, classes: WordClasses = {}): RuleProblem[] {
  validate ??= new Ajv({allErrors: true, strict: false}).compile(ruleSchema)
  if (!validate(rule)) return (validate.errors ?? []).map((error: ErrorObject) => ({pointer: error.instancePath || '/', message: describe(error)}))
  const terms: RuleTerm[] = (rule as Rule).terms
  const patterns = terms.flatMap((term, index) =>
    term.kind === 'pattern' ? patternProblems(term, classes).map((message) => ({pointer: `/terms/${index}/phrase`, message})) : []
  )
  return [...patterns, ...checkMeaning(rule as Rule)]
}

/**
 * Check the word classes file (`rules/word-classes.yml`) against its schema.
 *
 * @param value - The parsed file.
 * @returns The problems found; empty when it is valid.
 */
export function checkWordClasses(value: unknown): RuleProblem[] {
  validateClasses ??= new Ajv({allErrors: true, strict: false}).compile(wordClassesSchema)
  if (validateClasses(value)) return []
  return (validateClasses.errors ?? []).map((error: ErrorObject) => ({pointer: error.instancePath || '/', message: describe(error)}))
}

/**
 * What the schema cannot say: a term must have a word in it (one of only spaces or hyphens
 * can never match), and a safe suggestion must not hold one of its rule's own terms, or
 * every `--fix` would fix the fix again (`frequent flyer` → `frequent flyer patient` → …).
 */
function checkMeaning(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = []
  const terms: string[][] = []
  for (const [index, term] of rule.terms.entries()) {
    // A pattern's words are checked by patternProblems; its written form is not a phrase.
    if (term.kind === 'pattern') continue
    const keys = phraseKeys(term.phrase)
    if (keys.length === 0) problems.push({pointer: `/terms/${index}/phrase`, message: `the term "${term.phrase}" has no word in it, so it can never match`})
    else terms.push(keys)
    for (const variant of [term.plural, ...(term.forms ?? []).map((form) => form.phrase)]) if (variant && phraseKeys(variant).length > 0) terms.push(phraseKeys(variant))
  }
  for (const [locale, list] of Object.entries(rule.suggestions))
    for (const [index, suggestion] of (list ?? []).entries()) {
      if (!suggestion.safe) continue
      const texts = [suggestion.text, suggestion.plural, ...Object.values(suggestion.forms ?? {})].filter((text): text is string => typeof text === 'string')
      const held = texts.flatMap((text) => terms.filter((keys) => holds(phraseKeys(text), keys)).map(() => text))[0]
      if (held !== undefined)
        problems.push({
          pointer: `/suggestions/${locale}/${index}`,
          message: `the safe suggestion "${held}" holds one of the rule's own terms, so --fix would change its own fix again on every run; reword it, or drop "safe: true"`
        })
    }
  return problems
}

/** Whether `words` holds `part` as consecutive words. */
function holds(words: string[], part: string[]): boolean {
  for (let start = 0; start + part.length <= words.length; start++) if (part.every((word, offset) => words[start + offset] === word)) return true
  return false
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown field "${String(error.params.additionalProperty)}"`
  if (error.keyword === 'enum') return `${error.message ?? 'invalid value'}: ${(error.params.allowedValues as string[]).join(', ')}`
  return error.message ?? 'invalid'
}
