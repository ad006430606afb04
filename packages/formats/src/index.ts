import type {Root as NlcstRoot} from 'nlcst'

/** The formats destigma reads. */
export type Format = 'text' | 'markdown'

/**
 * The format of a file, from its name.
 *
 * @param fileName - A path or file name.
 * @returns The format, or undefined when destigma does not read it.
 */
export function formatFromName(fileName: string): Format | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'txt' || extension === 'text') return 'text'
  if (extension === 'md' || extension === 'markdown') return 'markdown'
  return undefined
}

/**
 * Read a document into an nlcst tree of its prose, with positions into `text`.
 * Each format's parser is loaded only when a file of that format is read.
 *
 * @param text - The document's text (without a byte-order mark).
 * @param format - Its format.
 * @returns The tree.
 */
export async function readProse(text: string, format: Format): Promise<NlcstRoot> {
  if (format === 'markdown') return (await import('./markdown.js')).readMarkdown(text)
  return (await import('./text.js')).readText(text)
}
