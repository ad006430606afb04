import type {Prose} from './prose.js'
import {lintTree, type StigmaOptions} from 'retext-stigma'
import type {Alternative, FindingRef} from './protocol.js'

/** The top-level block of the tree that holds the finding (the engine then looks at that block only). */
function blockOf(tree: Prose, ref: FindingRef): Prose {
  const block = tree.children.find((child) => (child.position?.start.offset ?? Infinity) <= ref.offset && ref.endOffset <= (child.position?.end.offset ?? -1))
  return block ? {...tree, children: [block]} : tree
}

/**
 * Every alternative of a finding, each with the edit the engine builds for it
 * (casing and `a`/`an` mended); those without an edit cannot be applied.
 *
 * @param tree - The document's nlcst tree.
 * @param text - The text the tree's positions refer to.
 * @param options - The options the finding was made with.
 * @param ref - The finding.
 * @returns The finding's alternatives in the engine's order.
 */
export function alternativesFor(tree: Prose, text: string, options: StigmaOptions, ref: FindingRef): Alternative[] {
  const found = lintTree(blockOf(tree, ref), text, options).find(
    (finding) => finding.ruleId === ref.ruleId && finding.offset === ref.offset && finding.endOffset === ref.endOffset
  )
  return found?.alternatives ?? ref.expected.map((wording) => ({text: wording}))
}
