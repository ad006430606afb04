import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'

/**
 * Read plain text: all of it is prose.
 *
 * @param text - The text.
 * @returns Its nlcst tree.
 */
export function readText(text: string): Root {
  return new ParseEnglish().parse(text)
}
