import type {Root as NlcstRoot} from 'nlcst'
import {joinParts, parseProseParts} from './bounded-parse.js'
import type {Format} from './format.js'
import {splitSentenceEnds} from './sentence-ends.js'

/**
 * Read a document into an nlcst tree of its prose, with positions into `text`.
 *
 * @param text - The document's text (without a byte-order mark); for .docx, the text {@link readDocx} returned.
 * @param format - Its format.
 * @returns The tree.
 * @throws {Error} A vfile message with a position when an MDX document does not parse.
 */
export async function readProse(text: string, format: Format): Promise<NlcstRoot> {
  return joinParts(await readProseParts(text, format))
}

/**
 * {@link readProse} in pieces, for callers that lint each piece and let it go: a long document
 * read flat or as plain text comes as a tree per bounded piece (its whole tree would take
 * gigabytes), any other as one tree. Positions are into `text` throughout.
 *
 * @param text - As for {@link readProse}.
 * @param format - Its format.
 * @returns The trees, made one at a time as they are asked for.
 * @throws {Error} As {@link readProse}.
 */
export async function readProseParts(text: string, format: Format): Promise<Iterable<NlcstRoot>> {
  let parts: Iterable<NlcstRoot>
  if (format === 'markdown' || format === 'mdx') parts = await (await import('./markdown.js')).readMarkdownParts(text, format === 'mdx')
  else if (format === 'html') parts = (await import('./html.js')).readHtmlParts(text)
  else parts = parseProseParts(text)
  return mapParts(parts, splitSentenceEnds)
}

function* mapParts(parts: Iterable<NlcstRoot>, map: (tree: NlcstRoot) => NlcstRoot): Generator<NlcstRoot> {
  for (const part of parts) yield map(part)
}
