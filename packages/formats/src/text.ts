import type {Root} from 'nlcst'
import {parseProse} from './bounded-parse.js'

/**
 * Read plain text: all of it is prose (parsed in bounded pieces, so a long paragraph costs linear time).
 *
 * @param text - The text.
 * @returns Its nlcst tree.
 */
export function readText(text: string): Root {
  return parseProse(text)
}
