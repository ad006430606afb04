/** The formats destigma reads. */
export type Format = 'text' | 'markdown' | 'mdx' | 'html' | 'docx'

/** File extensions of each format, without the dot. */
export const formatExtensions: Readonly<Record<Format, readonly string[]>> = {
  text: ['txt', 'text'],
  markdown: ['md', 'markdown', 'mdown', 'mkd'],
  mdx: ['mdx'],
  html: ['html', 'htm', 'xhtml'],
  docx: ['docx']
}

/**
 * The format of a file, from its name.
 *
 * @param fileName - A path or file name.
 * @returns The format, or undefined when destigma does not read it.
 */
export function formatFromName(fileName: string): Format | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === undefined) return undefined
  return (Object.keys(formatExtensions) as Format[]).find((format) => formatExtensions[format].includes(extension))
}
