import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import type {Rule} from './types.js'
import {phraseKeys} from './normalise.js'
import {ruleSchema} from './schema.js'

let validate: ValidateFunction | undefined

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
 * @param rule - A parsed rule (from YAML, JSON or code).
 * @returns The problems found; empty when the rule is valid.
 */
export function checkRule(rule: unknown): RuleProblem[] {
  validate ??= new Ajv({allErrors: true, strict: false}).compile(ruleSchema)
  if (validate(rule)) return checkMeaning(rule as Rule)
  return (validate.errors ?? []).map((error: ErrorObject) => ({pointer: error.instancePath || '/', message: describe(error)}))
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

/** Narrowing helper for callers that have checked a rule. */
export const asRule = (value: unknown): Rule => value as Rule
