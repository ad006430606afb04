import type {Root} from 'nlcst'
import {parseProseParts} from './bounded-parse.js'
import type {Comment} from './comments.js'

/**
 * Reading documents whose structure is absurd (blockquotes 5,000 deep, a 10 MB line, a
 * paragraph of 370 KB) as flat text. Markdown's and HTML's parsers and their converters to
 * nlcst recurse once per level and can be quadratic in a paragraph's length: such a document
 * would overflow the stack or take minutes. Read flat, markup is replaced by spaces (line
 * breaks kept), so every offset, line and column still points into the source, and what is
 * left is parsed as prose in bounded pieces. Structure is lost (a list's items may run
 * together into one sentence), words are not: the document is still checked.
 */

/** A line or a run of lines without a blank one longer than this is not a document people write. */
const maxRun = 100_000
/** Containers (`>`, list items, HTML elements) nested deeper than this are not a document people write. */
export const maxDepth = 32
/**
 * Emphasis, link, code and HTML markers in one paragraph past this are not prose people write:
 * micromark matches them pairwise, and 60 KB of `*a` took 80 s.
 */
const maxMarkers = 2000

/** Same-length blanks: every character a space, line breaks kept. */
const blank = (text: string): string => text.replace(/[^\r\n]/g, ' ')

/**
 * Whether Markdown is too long in one run or too deeply nested to parse as Markdown in
 * bounded time, judged from the source alone (the parser is what must be avoided).
 *
 * @param text - The source.
 * @returns True when it should be read flat.
 */
export function isAbsurdMarkdown(text: string): boolean {
  let run = 0
  let markers = 0
  let lineStart = 0
  let blankLine = true
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 10
    if (code !== 10) {
      if (code < 128 && markerTable[code] === 1) markers++
      if (blankLine && code !== 32 && code !== 9 && code !== 13) blankLine = false
      continue
    }
    if (blankLine) run = markers = 0
    else run += index - lineStart + 1
    if (run > maxRun || markers > maxMarkers) return true
    // Only a line that opens with a container marker or deep indentation can nest deeply.
    if (!blankLine && containerStart.has(text.charCodeAt(lineStart)) && containerDepth(text.slice(lineStart, index)) > maxDepth) return true
    lineStart = index + 1
    blankLine = true
  }
  return false
}

/** Space, tab, `>`, `*`, `+`, `-` and digits: what a nested container's line starts with. */
const containerStart = new Set([32, 9, 0x3e, 0x2a, 0x2b, 0x2d, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39])

/** `*`, `_`, `[`, `]`, backtick, `<`, `~`: a table, since this runs on every character. */
const markerTable = new Uint8Array(128)
for (const code of [0x2a, 0x5f, 0x5b, 0x5d, 0x60, 0x3c, 0x7e]) markerTable[code] = 1

/** How many `>` and list markers open a line (indentation counts as one level per 2 spaces). */
function containerDepth(line: string): number {
  const prefix = /^[\s>*+\-\d.)]*/.exec(line)?.[0] ?? ''
  let depth = 0
  for (const character of prefix) if (character === '>') depth++
  const markers = prefix.match(/(^|\s)([*+-]|\d+[.)])(?=\s)/g)?.length ?? 0
  return depth + markers + Math.floor((/^\s*/.exec(line)?.[0].length ?? 0) / 2)
}

/**
 * Whether HTML holds a text run too long, or elements nested too deep, to parse as HTML in
 * bounded time and stack; judged from the source with a linear scan of its tags.
 *
 * @param text - The source.
 * @returns True when it should be read flat.
 */
export function isAbsurdHtml(text: string): boolean {
  let depth = 0
  let last = 0
  for (const match of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    if (match.index - last > maxRun) return true
    last = match.index + match[0].length
    const name = (match[2] ?? '').toLowerCase()
    if (voidElements.has(name) || match[3] === '/') continue
    depth += match[1] === '/' ? -1 : 1
    if (depth > maxDepth * 4) return true
  }
  return text.length - last > maxRun
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li'])

/**
 * Read Markdown flat: code (fenced and inline), HTML, comments, link destinations, URLs,
 * front matter and the markers of containers, headings, emphasis and tables become spaces.
 *
 * @param text - The source.
 * @param mdx - Comments are MDX's `{/* … *\/}` rather than HTML's.
 * @returns The prose, a tree per bounded piece, and the comments (for inline directives).
 */
export function readMarkdownFlat(text: string, mdx = false): {parts: Iterable<Root>; comments: Comment[]} {
  const comments: Comment[] = []
  let masked = text.replace(mdx ? /\{\s*\/\*([\s\S]*?)\*\/\s*\}/g : /<!--([\s\S]*?)-->/g, (whole, body: string, offset: number) => {
    comments.push({start: offset, end: offset + whole.length, body})
    return blank(whole)
  })
  masked = masked.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, blank)
  masked = maskFences(masked)
  masked = masked
    .replace(/`+[^`\n]*`+/g, blank)
    .replace(/<\/?[a-zA-Z][^<>\n]*>/g, blank)
    .replace(/\]\([^()\s]*(?:\s+"[^"\n]*")?\)/g, blank)
    .replace(/\bhttps?:\/\/\S+/g, blank)
    .replace(/^[ \t>]*(?:(?:[*+-]|\d+[.)])[ \t]+[ \t>]*)*#{0,6}[ \t]*/gm, blank)
    .replace(/[*_~|[\]]+/g, blank)
  return {parts: parseProseParts(masked), comments}
}

/** Blank out fenced code blocks (``` or ~~~, closed by the same fence or the end). */
function maskFences(text: string): string {
  const lines = text.split('\n')
  let fence: string | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    const opening = /^[ \t>]*(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence === undefined && opening) {
      fence = opening
      lines[index] = blank(line)
    } else if (fence !== undefined) {
      if (line.trim().replace(/^[>\s]*/, '').startsWith(fence)) fence = undefined
      lines[index] = blank(line)
    }
  }
  return lines.join('\n')
}

/**
 * Read HTML flat: comments, tags (attributes with them), and the content of `<script>`,
 * `<style>`, `<pre>`, `<code>` and other code-like elements become spaces.
 *
 * @param text - The source.
 * @returns The prose, a tree per bounded piece, and the comments (for inline directives).
 */
export function readHtmlFlat(text: string): {parts: Iterable<Root>; comments: Comment[]} {
  const comments: Comment[] = []
  const withoutComments = text.replace(/<!--([\s\S]*?)-->/g, (whole, body: string, offset: number) => {
    comments.push({start: offset, end: offset + whole.length, body})
    return blank(whole)
  })
  const masked = maskCodeElements(withoutComments).replace(/<[^<>]*>/g, blank)
  return {parts: parseProseParts(masked), comments}
}

/** Blank out the elements whose content is code or data, in one pass (an unclosed one runs to the end). */
function maskCodeElements(text: string): string {
  const lower = text.toLowerCase()
  const opening = /<(script|style|pre|code|kbd|samp|var|textarea|template|noscript|svg|math)\b/g
  let result = ''
  let cursor = 0
  for (let match = opening.exec(lower); match; match = opening.exec(lower)) {
    const closing = lower.indexOf(`</${match[1] ?? ''}`, opening.lastIndex)
    const end = closing === -1 ? text.length : (lower.indexOf('>', closing) + 1 || text.length)
    result += text.slice(cursor, match.index) + blank(text.slice(match.index, end))
    cursor = end
    opening.lastIndex = end
  }
  return result + text.slice(cursor)
}
