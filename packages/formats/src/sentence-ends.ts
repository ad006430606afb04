import type {Parent, Root, Sentence, SentenceContent, Word} from 'nlcst'

/**
 * Give back the full stop that the English parser folds into a word when the next word starts
 * in lower case (it takes `addict. then` for an abbreviation like `etc. then`). Blocks in Markdown
 * and HTML are read as one run of text, so a block ending `… an addict.` followed by a block
 * starting in lower case (a list item, a caption) would hide the word from the rules.
 * Initialisms (`U.S.`) and single letters (`J.`) keep their stops.
 *
 * @param tree - The nlcst tree (changed in place).
 * @returns The same tree.
 */
export function splitSentenceEnds(tree: Root): Root {
  visitSentences(tree)
  return tree
}

function visitSentences(node: Parent): void {
  for (const child of node.children) {
    if (child.type === 'SentenceNode') splitIn(child)
    else if ('children' in child) visitSentences(child as Parent)
  }
}

function splitIn(sentence: Sentence): void {
  const children: SentenceContent[] = []
  for (const child of sentence.children) {
    const stop = child.type === 'WordNode' ? foldedStop(child) : undefined
    if (child.type === 'WordNode' && stop) {
      child.children = child.children.slice(0, -1)
      if (child.position && stop.position) child.position = {start: child.position.start, end: stop.position.start}
      children.push(child, stop)
    } else children.push(child)
  }
  sentence.children = children
}

function foldedStop(word: Word) {
  const [text, stop, ...rest] = word.children
  if (rest.length > 0 || text?.type !== 'TextNode' || stop?.type !== 'PunctuationNode' || stop.value !== '.') return undefined
  return text.value.length > 1 && /^\p{L}+$/u.test(text.value) ? stop : undefined
}
