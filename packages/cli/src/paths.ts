import {isAbsolute, relative} from 'node:path'

/**
 * A path as people read it: relative to the working folder when inside it, else absolute,
 * with control characters escaped (`\n`, `\x1b`), so a file name cannot break a report's
 * lines or send escape sequences to the terminal.
 *
 * @param path - An absolute path.
 * @param cwd - The working folder.
 * @returns The path to show.
 */
export function displayPath(path: string, cwd: string): string {
  const below = relative(cwd, path)
  return printable(below === '' || below.startsWith('..') || isAbsolute(below) ? path : below)
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controls = /[\u0000-\u001f\u007f-\u009f\\]/g
// eslint-disable-next-line no-control-regex -- as above
const hasControl = /[\u0000-\u001f\u007f-\u009f]/
const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\'}

/**
 * Escape the control characters of a name for a terminal, as JSON would write them.
 *
 * @param text - A file name or path.
 * @returns The text with each control character written as an escape.
 */
export function printable(text: string): string {
  if (!hasControl.test(text)) return text
  return text.replace(controls, (character) => named[character] ?? `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
