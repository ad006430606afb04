/**
 * Table headers whose column lists words as words, the wording a style guide sets aside
 * ("Avoid", "Instead of", "Term"): the readers mark those cells' paragraphs with nlcst
 * `data.mention`, and the engine takes what it finds there for mentions.
 */
const wordsColumn =
  /^(?:avoid|avoid using|avoid saying|don't use|don't say|do not use|do not say|instead of|rather than|not this|outdated|outdated terms?|old terms?|older terms?|(?:stigmatising|stigmatizing|problematic|offensive|harmful) (?:terms?|language|words?|phrases?)|(?:language|words|terms|phrases) to avoid|terms?|words?|phrases?|examples?|labels?)$/i

/**
 * Whether a table header names a column of words as words.
 *
 * @param header - The header cell's text.
 * @returns True for "Avoid", "Don't say:", "Instead of" and the like.
 */
export function listsWords(header: string): boolean {
  return wordsColumn.test(header.trim().replace(/\u2019/g, "'").replace(/[:*_]+$/, '').trim())
}

/**
 * The text of a node's text descendants (an mdast or hast node).
 *
 * @param node - The node.
 * @returns Its text, run together.
 */
export function plainText(node: {value?: unknown; children?: unknown[]}): string {
  return (typeof node.value === 'string' ? node.value : '') + (node.children ?? []).map((child) => plainText(child as {value?: unknown; children?: unknown[]})).join('')
}
