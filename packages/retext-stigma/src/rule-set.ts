import type {SerializedTrie} from './compile.js'
import type {RuleSet} from './types.js'
// Written by `@destigma/rules-compiler build` from rules/**/*.yml (validated there) and bundled by tsup.
import compiledRuleSet from '../generated/rules.json' with {type: 'json'}
// Written by scripts/precompile-trie.ts from those rules, in the same build.
import compiledTrie from '../generated/trie.json' with {type: 'json'}

/** The built-in rule set: every rule, its sources, and the rule set's version. */
export const ruleSet = compiledRuleSet as unknown as RuleSet

/** The built-in rules' trie, compiled at build time. */
export const builtInTrie = compiledTrie as unknown as SerializedTrie

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
