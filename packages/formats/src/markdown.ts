import type {Link, Root as MdastRoot, RootContent, Table, TableCell, Yaml} from 'mdast'
import type {Paragraph, Root} from 'nlcst'
import {toNlcst} from 'mdast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {alignTextNodes, endReferences} from './align.js'
import {rememberComments, type Comment} from './comments.js'
import {joinParts} from './bounded-parse.js'
import {isAbsurdMarkdown, readMarkdownFlat} from './flat.js'
import {listsWords, plainText} from './words-column.js'

/** Front-matter keys whose values are prose. */
const proseKeys = /^(title|description):[ \t]*(.*)$/

/** Node types that hold code, markup or data rather than prose. */
const notProse = ['code', 'inlineCode', 'html', 'yaml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']

/**
 * Read Markdown (CommonMark + GFM, with YAML front matter), or MDX when `mdx` is set.
 * Code, inline code, URLs, HTML, JSX attributes, expressions and front matter are not prose,
 * except the front matter's `title` and `description`; table cells, link text and image
 * alt text are. Cells under a header that lists words as words ("Avoid", "Instead of") are
 * marked as mentions.
 *
 * @param text - The source.
 * @param mdx - Parse as MDX (with `remark-mdx`, loaded only then).
 * @returns The nlcst tree of its prose, with positions into `text`.
 */
export async function readMarkdown(text: string, mdx = false): Promise<Root> {
  return joinParts(await readMarkdownParts(text, mdx))
}

/**
 * {@link readMarkdown} in pieces: one tree for a document parsed as Markdown, a tree per bounded
 * piece for one too long or too deeply nested for that, read flat (see flat.ts).
 *
 * @param text - The source.
 * @param mdx - Parse as MDX.
 * @returns The trees, with positions into `text`.
 */
export async function readMarkdownParts(text: string, mdx = false): Promise<Iterable<Root>> {
  if (isAbsurdMarkdown(text)) return readFlat(text, mdx)
  try {
    return [await readStructured(text, mdx)]
  } catch (error) {
    // Nesting the source scan did not catch still overflows a recursive step: read it flat rather than give up.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return readFlat(text, mdx)
    throw error
  }
}

function* readFlat(text: string, mdx: boolean): Generator<Root> {
  const {parts, comments} = readMarkdownFlat(text, mdx)
  rememberComments(text, mdx ? 'mdx' : 'markdown', comments)
  const front = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text)
  if (front) yield {type: 'RootNode', children: frontMatterProse(text, {type: 'yaml', value: '', position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: front[0].length}}})}
  yield* parts
}

async function readStructured(text: string, mdx: boolean): Promise<Root> {
  const file = new VFile(text)
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)
  if (mdx) processor.use((await import('remark-mdx')).default)
  const mdast = processor.parse(file) as MdastRoot
  const place = location(text)
  rememberComments(text, mdx ? 'mdx' : 'markdown', commentsIn(mdast, text, mdx))
  const references = alignTextNodes(mdast, text, (offset) => place.toPoint(offset))
  dropBareUrls(mdast)
  dropDefinitions(mdast)
  const cells: Array<{cell: TableCell; words: boolean}> = []
  visit(mdast, 'table', (table: Table) => {
    // A style guide's table names words in some columns ("Avoid", "Instead of"): those cells are mentions.
    const words = (table.children[0]?.children ?? []).map((cell) => listsWords(plainText(cell)))
    for (const row of table.children) for (const [index, cell] of row.children.entries()) cells.push({cell, words: words[index] === true})
  })
  const tree = toNlcst(mdast, file, ParseEnglish, {ignore: notProse}) as Root
  // Converted one by one: the converter would run a row's cells together into one sentence.
  for (const {cell, words} of cells) {
    const paragraphs = paragraphsOf({type: 'root', children: [{type: 'paragraph', children: cell.children}], position: cell.position}, file)
    if (words) for (const paragraph of paragraphs) paragraph.data = {...paragraph.data, mention: true}
    tree.children.push(...paragraphs)
  }
  endReferences(tree, references, (offset) => place.toPoint(offset))
  const front = mdast.children[0]
  if (front?.type === 'yaml') tree.children.unshift(...frontMatterProse(text, front))
  return tree
}

function paragraphsOf(root: MdastRoot, file: VFile): Paragraph[] {
  if (root.position === undefined) return []
  return (toNlcst(root, file, ParseEnglish, {ignore: notProse}) as Root).children.filter((child): child is Paragraph => child.type === 'ParagraphNode')
}

/**
 * Link definitions (`[label]: url "title"`) are addresses, not prose. They must go before
 * conversion: micromark can start a setext heading over a definition, and the converter
 * cannot take siblings whose places overlap.
 */
function dropDefinitions(node: MdastRoot | MdastRoot['children'][number]): void {
  if (!('children' in node)) return
  node.children = node.children.filter((child) => child.type !== 'definition') as typeof node.children
  for (const child of node.children) dropDefinitions(child)
}

/** Autolinks (`<https://…>` and bare URLs) are addresses, not prose: drop their text. */
function dropBareUrls(mdast: MdastRoot): void {
  visit(mdast, 'link', (link: Link) => {
    const label = link.children.map((child) => ('value' in child ? child.value : '')).join('')
    if (link.url === label || link.url === `mailto:${label}` || link.url === `http://${label}`) link.children = []
  })
}

/** HTML comments (Markdown) or `{/* … *\/}` expressions (MDX), with their source range. */
function commentsIn(mdast: MdastRoot, text: string, mdx: boolean): Comment[] {
  const comments: Comment[] = []
  const pattern = mdx ? /\{\s*\/\*([\s\S]*?)\*\/\s*\}/g : /<!--([\s\S]*?)-->/g
  const types = mdx ? ['mdxFlowExpression', 'mdxTextExpression'] : ['html']
  visit(mdast, (node: RootContent | MdastRoot) => {
    if (!types.includes(node.type)) return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    for (const match of text.slice(start, end).matchAll(pattern)) {
      comments.push({start: start + match.index, end: start + match.index + match[0].length, body: match[1] ?? ''})
    }
  })
  return comments
}

/** Parse the `title` and `description` values of front matter as paragraphs placed in the source. */
function frontMatterProse(text: string, node: Yaml): Paragraph[] {
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? 0
  const place = location(text)
  const paragraphs: Paragraph[] = []
  let lineStart = start
  for (const line of text.slice(start, end).split('\n')) {
    const match = proseKeys.exec(line.replace(/\r$/, ''))
    if (match?.[2]) {
      let value = match[2]
      let valueOffset = lineStart + line.indexOf(value, (match[1]?.length ?? 0) + 1)
      const quoted = /^(["'])(.*)\1\s*$/.exec(value)
      if (quoted?.[2] !== undefined) {
        value = quoted[2]
        valueOffset += 1
      }
      const parsed = new ParseEnglish().parse(value)
      // The parser shares point objects between parents and children: shift each one once.
      const points = new Set<{line: number; column: number; offset?: number}>()
      visit(parsed, (child) => {
        if (child.position) points.add(child.position.start).add(child.position.end)
      })
      for (const point of points) {
        const shifted = place.toPoint((point.offset ?? 0) + valueOffset)
        if (shifted) Object.assign(point, shifted)
      }
      for (const paragraph of parsed.children) if (paragraph.type === 'ParagraphNode') paragraphs.push(paragraph)
    }
    lineStart += line.length + 1
  }
  return paragraphs
}
