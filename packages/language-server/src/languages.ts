import {formatFromName, type Format} from '@destigma/formats'

/** Formats of the language ids editors use for the files destigma reads. */
const formatsByLanguage: Record<string, Format> = {
  markdown: 'markdown',
  mdx: 'mdx',
  html: 'html',
  plaintext: 'text',
  text: 'text'
}

/**
 * How to read a document: by its language id, else by its file name, else as plain text
 * (a language the user enabled in the settings, such as `latex` or `git-commit`).
 *
 * @param languageId - The id the client gave the document.
 * @param uri - The document's URI.
 * @returns The format.
 */
export function formatOf(languageId: string, uri: string): Format {
  return formatsByLanguage[languageId] ?? formatFromName(uri.replace(/[?#].*$/, '')) ?? 'text'
}
