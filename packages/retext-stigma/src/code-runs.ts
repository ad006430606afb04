import type {Sentence, SentenceContent, WordContent} from 'nlcst'
import type {Token} from './tokens.js'

/**
 * Code inside prose: file names, identifiers, addresses and domains in a sentence
 * (`drunkard-tails.quartz.ref.png`, `bpf_tramp_run_ctx`, `vagrant@example.org`), whose words
 * are no terms, for tokens.ts.
 */

/** Marks that join two words into one name in code and addresses: `file.png`, `bpf_tramp`, `name@host`. */
const codeJoiners = new Set(['.', '_', '@', '\\'])

interface Leaf {
  type: string
  value: string
  start: number
  end: number
}

/** The sentence's text, symbol, punctuation and white-space nodes in order, with their offsets. */
function leavesOf(nodes: readonly (SentenceContent | WordContent)[], leaves: Leaf[] = []): Leaf[] {
  for (const node of nodes) {
    if (node.type === 'WordNode') leavesOf(node.children, leaves)
    else if ('value' in node && node.position?.start.offset !== undefined) leaves.push({type: node.type, value: node.value, start: node.position.start.offset, end: node.position.end.offset ?? node.position.start.offset})
  }
  return leaves
}

/** A quick test before reading leaves: a joiner with no white space either side, between nodes or inside a word. */
function mayHoldCode(sentence: Sentence): boolean {
  const children = sentence.children
  for (const [index, node] of children.entries()) {
    if (node.type === 'WordNode') {
      if (node.children.length > 2 && node.children.some((part) => part.type !== 'TextNode' && codeJoiners.has(part.value))) return true
    } else if (node.type !== 'WhiteSpaceNode' && codeJoiners.has(node.value)) {
      const before = children[index - 1]
      const after = children[index + 1]
      if (before && after && before.type !== 'WhiteSpaceNode' && after.type !== 'WhiteSpaceNode') return true
    }
  }
  return false
}

/** Marks that may sit inside a name in code or an address; any other mark (a bracket, a comma) ends one. */
const nameMarks = new Set([...codeJoiners, '-', '/', ':'])

/**
 * Mark the tokens of each run of words and name marks that reads as code rather than prose:
 * two words joined by `.`, `_`, `@` or a backslash (`drunkard-tails.quartz.ref.png`,
 * `bpf_tramp_run_ctx`, `vagrant@example.org`, `https://example.org/addict-support`). White
 * space or another mark ends a run (`addicts](naloxone.png)` leaves `addicts` prose).
 */
function markCode(sentence: Sentence, tokens: Token[]): void {
  const leaves = leavesOf(sentence.children)
  let runStart = 0
  for (let index = 0; index <= leaves.length; index++) {
    const leaf = leaves[index]
    if (leaf && leaf.type !== 'WhiteSpaceNode' && (leaf.type === 'TextNode' || nameMarks.has(leaf.value))) continue
    // Leaves runStart..index-1 form one run without white space.
    for (let at = runStart + 1; at < index - 1; at++) {
      const joiner = leaves[at]?.value ?? ''
      if (!codeJoiners.has(joiner) || leaves[at - 1]?.type !== 'TextNode' || leaves[at + 1]?.type !== 'TextNode') continue
      // `addict.She left` is a missing space; a file's extension or a domain goes on in lower case.
      if (joiner === '.' && !/^[\p{Ll}\d]/u.test(leaves[at + 1]?.value ?? '')) continue
      const from = leaves[runStart]?.start ?? 0
      const to = leaves[index - 1]?.end ?? 0
      for (const token of tokens) if (token.start >= from && token.start < to) token.code = true
      break
    }
    runStart = index + 1
  }
}

/**
 * Mark the tokens of one sentence that lie in code (`Token.code`). Most sentences hold no
 * joiner between two words, and a quick look at their nodes says so.
 *
 * @param sentence - The sentence's nlcst node.
 * @param tokens - Its tokens, with offsets into the same source.
 */
export function markCodeRuns(sentence: Sentence, tokens: Token[]): void {
  if (mayHoldCode(sentence)) markCode(sentence, tokens)
}
