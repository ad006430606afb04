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
 * Language ids linted when the settings name none: every id above. VS Code's setting declares
 * the same default in packages/vscode/package.json (a test holds the two together).
 */
export const defaultLanguages: string[] = Object.keys(formatsByLanguage)

/** The language id editors give each format, for documents that come without a usable one. */
const languageByFormat: Partial<Record<Format, string>> = {markdown: 'markdown', mdx: 'mdx', html: 'html', text: 'plaintext'}

/**
 * The language a document is in for destigma: the id the client gave when it is one destigma
 * knows or the user enabled, else the one its file name says. Clients with filetype detection
 * off (Neovim) send an empty id for `notes.md`, which would otherwise lint nothing.
 *
 * @param languageId - The id the client gave the document.
 * @param uri - The document's URI.
 * @param enabled - The language ids the settings enable.
 * @returns The language id to use.
 */
export function languageOf(languageId: string, uri: string, enabled: readonly string[]): string {
  if (languageId !== '' && (languageId in formatsByLanguage || enabled.includes(languageId))) return languageId
  const format = formatFromName(pathOf(uri))
  return (format && languageByFormat[format]) ?? languageId
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
  return formatsByLanguage[languageId] ?? formatFromName(pathOf(uri)) ?? 'text'
}

const pathOf = (uri: string): string => uri.replace(/[?#].*$/, '')
