import type {RuleSet} from './types.js'
// Written by `@destigma/rules-compiler build` from rules/**/*.yml (validated there) and bundled by tsup.
import compiledRuleSet from '../generated/rules.json' with {type: 'json'}

/** The built-in rule set: every rule, its sources, and the rule set's version. */
export const ruleSet = compiledRuleSet as unknown as RuleSet

/** Where the rule pages live; a message's `url` is this plus `<rule-id>.md`. */
export const docsBase = 'https://github.com/destigma/destigma/blob/main/docs/rules/'

/**
 * The documentation page of a rule.
 *
 * @param ruleId - A rule id.
 * @returns An absolute `https:` URL.
 */
export function ruleUrl(ruleId: string): string {
  return docsBase + ruleId + '.md'
}
