import type {Element, Root as HastRoot} from 'hast'
import type {Root} from 'nlcst'
import {toNlcst} from 'hast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {alignTextNodes, endReferences} from './align.js'
import {rememberComments, type Comment} from './comments.js'
import {joinParts} from './bounded-parse.js'
import {isAbsurdHtml, readHtmlFlat} from './flat.js'
import {listsWords, plainText} from './words-column.js'

/** Elements whose text is code or data, not prose (script, style, svg and math are skipped by the converter already). */
const notProse = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'template', 'noscript'])

/**
 * Read HTML: text content (the `<title>` too) and `<img alt>` are prose; other attributes, `<script>`, `<style>`,
 * `<code>`, `<pre>` (and other code-like elements) are not.
 *
 * @param text - The HTML source (a document or a fragment).
 * @returns The nlcst tree of its prose, with positions into `text`.
 */
export function readHtml(text: string): Root {
  return joinParts(readHtmlParts(text))
}

/**
 * {@link readHtml} in pieces: one tree for a document parsed as HTML, a tree per bounded piece
 * for one too long or too deeply nested for that, read flat (see flat.ts).
 *
 * @param text - The HTML source.
 * @returns The trees, with positions into `text`.
 */
export function readHtmlParts(text: string): Iterable<Root> {
  if (isAbsurdHtml(text)) return readFlat(text)
  try {
    return [readStructured(text)]
  } catch (error) {
    // Nesting the tag scan did not catch still overflows a recursive step: read it flat rather than give up.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return readFlat(text)
    throw error
  }
}

function readFlat(text: string): Iterable<Root> {
  const {parts, comments} = readHtmlFlat(text)
  rememberComments(text, 'html', comments)
  return parts
}

function readStructured(text: string): Root {
  const file = new VFile(text)
  const hast = unified().use(rehypeParse).parse(file) as HastRoot
  const place = location(text)
  const comments: Comment[] = []
  visit(hast, 'comment', (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) comments.push({start, end, body: node.value})
  })
  rememberComments(text, 'html', comments)
  const references = alignTextNodes(hast, text, (offset) => place.toPoint(offset))
  visit(hast, 'element', (node: Element) => {
    if (notProse.has(node.tagName)) node.properties = {...node.properties, dataNlcst: 'ignore'}
    else if (node.tagName === 'img') altAsText(node, text, place.toPoint)
    // The converter reads only the body's flow; the page title is prose readers see too.
    else if (node.tagName === 'title') node.tagName = 'p'
  })
  // The converter needs a placed root; a document with nothing in it has none.
  if (!hast.position) return {type: 'RootNode', children: []}
  const words = wordsCells(hast)
  const tree = toNlcst(hast, file, ParseEnglish) as Root
  endReferences(tree, references, (offset) => place.toPoint(offset))
  if (words.length > 0) markMentions(tree, words)
  return tree
}

/** Source ranges of the table cells under a header that lists words as words (see words-column.ts). */
function wordsCells(hast: HastRoot): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  visit(hast, 'element', (table: Element) => {
    if (table.tagName !== 'table') return
    const rows: Element[] = []
    visit(table, 'element', (row: Element) => {
      if (row.tagName === 'tr') rows.push(row)
    })
    const cellsOf = (row: Element): Element[] => row.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'))
    const header = rows[0] ? cellsOf(rows[0]).map((cell) => listsWords(plainText(cell))) : []
    if (!header.includes(true)) return
    for (const row of rows.slice(1)) {
      for (const [index, cell] of cellsOf(row).entries()) {
        const {start, end} = cell.position ?? {}
        if (header[index] && start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset])
      }
    }
  })
  return ranges
}

/** Mark each paragraph that lies in one of the ranges as words discussed as words. */
function markMentions(tree: Root, ranges: Array<[number, number]>): void {
  for (const paragraph of tree.children) {
    const at = paragraph.position?.start.offset
    if (paragraph.type === 'ParagraphNode' && at !== undefined && ranges.some(([start, end]) => start <= at && at < end)) paragraph.data = {...paragraph.data, mention: true}
  }
}

/**
 * Give an `<img>` its alt text as a child text node placed on the attribute's value,
 * so the converter reads it as prose in the flow of the surrounding text.
 */
function altAsText(node: Element, text: string, toPoint: (offset: number) => {line: number; column: number; offset?: number} | undefined): void {
  const alt = node.properties.alt
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (typeof alt !== 'string' || alt.trim() === '' || start === undefined || end === undefined) return
  const match = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(text.slice(start, end))
  if (!match) return
  const raw = match[1] ?? match[2] ?? match[3] ?? ''
  const valueStart = start + match.index + match[0].length - raw.length - (match[3] === undefined ? 1 : 0)
  const from = toPoint(valueStart)
  const to = toPoint(valueStart + raw.length)
  if (!from || !to) return
  const child = {type: 'text' as const, value: alt, position: {start: from, end: to}}
  const wrapper: HastRoot = {type: 'root', children: [child]}
  alignTextNodes(wrapper, text, toPoint)
  // An element's own children are what the converter reads; `img` is void, so it has none of its own.
  node.tagName = 'span'
  node.children = wrapper.children as Element['children']
}
