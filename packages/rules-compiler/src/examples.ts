import type {Rule} from 'retext-stigma'
// Written by `@destigma/rules-compiler build` beside the engine's rule set, which ships without them.
import examples from '../generated/examples.json' with {type: 'json'}

/**
 * A built-in rule's examples, as its rule file gives them: what it flags and the traps it leaves
 * alone. The CLI loads this only for `--explain`, so linting never pays for it.
 *
 * @param id - The rule id.
 * @returns Its examples, or undefined for a rule that is not built in.
 */
export function ruleExamples(id: string): Rule['examples'] {
  return (examples as Record<string, Rule['examples']>)[id]
}
