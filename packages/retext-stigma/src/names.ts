import type {NameNode} from './compile.js'
import type {Token} from './tokens.js'

/** A possessive ending (`Administration's`, `Anonymous'`), keys already carry the straight apostrophe. */
const possessive = /'s?$/

/**
 * Mark the tokens covered by a fixed name (a rule's exceptions), so no rule fires inside it.
 * A name still holds with a possessive on its last word (`the Substance Abuse and Mental
 * Health Services Administration's (SAMHSA) grants`): the possessive ends the name.
 *
 * @param tokens - The sentence's tokens.
 * @param names - The trie of fixed names.
 * @returns One flag per token.
 */
export function shieldedTokens(tokens: Token[], names: NameNode): boolean[] {
  const shielded: boolean[] = Array.from({length: tokens.length}, () => false)
  for (let first = 0; first < tokens.length; first++) {
    let node = names.next.get(tokens[first]?.key ?? '')
    let last = first
    let longest = endsPossessive(names, tokens[first]) ? first : -1
    while (node) {
      if (node.end) longest = last
      const following = tokens[last + 1]
      if (!following || following.gapBefore) break
      if (endsPossessive(node, following)) longest = last + 1
      node = node.next.get(following.key)
      last++
    }
    for (let index = first; index <= longest; index++) shielded[index] = true
  }
  return shielded
}

/** Whether the token, without its possessive ending, completes a name from this node of the trie. */
function endsPossessive(node: NameNode, token: Token | undefined): boolean {
  // Keys carry the straight apostrophe; without one there is no possessive to strip.
  if (!token || !token.key.includes("'") || !possessive.test(token.key)) return false
  return node.next.get(token.key.replace(possessive, ''))?.end === true
}
