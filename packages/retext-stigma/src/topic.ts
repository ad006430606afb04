import {normaliseWord} from './normalise.js'

const wordPattern = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu

/**
 * Every word of a whole text, normalised as rule words are, from one scan of the raw
 * text. It does not need the parse, so it sees paragraphs the engine skips as well as
 * those it parses; rules with the `document` window read a document's topic from it.
 *
 * @param text - The whole source.
 * @returns The set of its normalised words.
 */
export function documentWords(text: string): Set<string> {
  const words = new Set<string>()
  for (const [word] of text.matchAll(wordPattern)) words.add(normaliseWord(word))
  return words
}
