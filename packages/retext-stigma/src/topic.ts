import {inWordSet, type WordSet} from './compile.js'
import {normaliseWord} from '@destigma/rule-schema'

/** The words of a whole text with how often each occurs. */
export interface DocumentWords {
  counts: Map<string, number>
  total: number
}

const wordPattern = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu

/** A document is about a topic when its words occur at least once in this many words. */
export const topicDensity = 300

/**
 * Every word of a whole text, normalised as rule words are, from one scan of the raw
 * text. It does not need the parse, so it sees paragraphs the engine skips as well as
 * those it parses.
 *
 * @param text - The whole source.
 * @returns Each normalised word with its count, and the number of words.
 */
export function documentWords(text: string): DocumentWords {
  const counts = new Map<string, number>()
  let total = 0
  for (const [word] of text.matchAll(wordPattern)) {
    const key = normaliseWord(word)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    total++
  }
  return {counts, total}
}

/**
 * How many times the words of a list occur in a document.
 *
 * @param document - The document's words.
 * @param list - A compiled word list (exact words and `prefix*` entries).
 * @returns The number of occurrences.
 */
export function occurrences(document: DocumentWords, list: WordSet): number {
  let found = 0
  for (const word of list.exact) found += document.counts.get(word) ?? 0
  if (list.prefixes.length > 0) for (const [word, count] of document.counts) if (!list.exact.has(word) && inWordSet(list, word)) found += count
  return found
}

/**
 * Whether a document is about a topic: its words occur at least once every
 * {@link topicDensity} words, so one passing mention in a long report does not count.
 *
 * @param document - The document's words.
 * @param topic - The topic's words.
 * @param least - Fewest occurrences that count, however short the document.
 * @returns True when the document is about the topic.
 */
export function isAbout(document: DocumentWords, topic: WordSet, least = 1): boolean {
  return occurrences(document, topic) >= Math.max(least, document.total / topicDensity)
}
