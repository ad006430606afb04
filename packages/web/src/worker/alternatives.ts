import type {Prose} from './prose.js'
import {lintTree, ruleSchema, type Fix, type Rule, type RuleInfo, type StigmaOptions} from 'retext-stigma'
import type {Alternative, FindingRef} from './protocol.js'

const ruleKeys = Object.keys(ruleSchema.properties)

/** A copy of a rule, under its own id, whose suggestion at `index` is the safe one. */
function copyWithSafe(rule: RuleInfo, index: number): Rule {
  const copy = Object.fromEntries(Object.entries(rule).filter(([key]) => ruleKeys.includes(key) && key !== 'examples')) as unknown as Rule
  const suggestions = Object.fromEntries(
    Object.entries(rule.suggestions).map(([locale, list]) => [locale, list?.map(({safe: _safe, ...suggestion}, at) => ({...suggestion, safe: at === index}))])
  )
  return {...copy, id: `${rule.id}-choice-${index}`, suggestions: suggestions as Rule['suggestions']}
}

/** Whether `fix` puts `wording` in place of the finding (possibly mending the article before it). */
function fixGives(ref: FindingRef, fix: Fix, wording: string): boolean {
  if (fix.range[0] === ref.offset) return fix.text === wording
  return fix.range[0] < ref.offset && fix.text.endsWith(wording)
}

/** The top-level block of the tree that holds the finding (the engine then looks at that block only). */
function blockOf(tree: Prose, ref: FindingRef): Prose {
  const block = tree.children.find((child) => (child.position?.start.offset ?? Infinity) <= ref.offset && ref.endOffset <= (child.position?.end.offset ?? -1))
  return block ? {...tree, children: [block]} : tree
}

/**
 * Every alternative of a finding, each with the edit the engine builds for it.
 *
 * The engine builds an edit only for a rule's safe suggestion, so this lints the
 * finding's block again with copies of the rule in which each suggestion in turn is
 * the safe one (and the rule itself off, since overlapping matches are dropped): the
 * engine's own fix builder (casing, `a`/`an`) then makes every edit.
 *
 * @param tree - The document's nlcst tree.
 * @param text - The text the tree's positions refer to.
 * @param options - The options the finding was made with.
 * @param ref - The finding.
 * @param rules - The built-in rules.
 * @returns The finding's alternatives in the engine's order; those without an edit cannot be applied.
 */
export function alternativesFor(tree: Prose, text: string, options: StigmaOptions, ref: FindingRef, rules: Map<string, RuleInfo>): Alternative[] {
  const rule = rules.get(ref.ruleId)
  if (!rule) return ref.expected.map((wording) => ({text: wording}))
  const block = blockOf(tree, ref)
  const longest = Math.max(...Object.values(rule.suggestions).map((list) => list?.length ?? 0))
  const fixes: Fix[] = []
  for (let index = 0; index < longest; index++) {
    const copy = copyWithSafe(rule, index)
    const withCopy = {...options, rules: {...options.rules, [rule.id]: 'off' as const}, customRules: [...(options.customRules ?? []), copy]}
    const found = lintTree(block, text, withCopy).find((finding) => finding.ruleId === copy.id && finding.offset === ref.offset && finding.endOffset === ref.endOffset)
    if (found?.fix) fixes.push(found.fix)
  }
  return ref.expected.map((wording) => {
    const fix = fixes.find((candidate) => fixGives(ref, candidate, wording))
    return fix ? {text: wording, fix} : {text: wording}
  })
}
