import type {Root} from 'nlcst'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {recalledComments, rememberComments} from './comments.js'
import {condenseBlankLines, restoreComments, restorePositions} from './condense.js'
import type {Format} from './format.js'
import {linesOf, markdownLayout} from './markdown-layout.js'
import {readProseParts} from './read.js'
import {sentenceSpans} from './sentence-spans.js'

/** What the prefilter asks of the engine (retext-stigma's `candidateScan`). */
export interface ProseScan {
  /** False when no rule can match in this raw text. */
  mayMatch(text: string): boolean
  /** True when no rule looks beyond the paragraph it matches in. */
  paragraphLocal: boolean
  /** A text's words read once, to ask of its ranges (blocks, sentences) without reading them again. */
  index(text: string): TextRanges
}

/** What the prefilter asks of a range of an indexed text (a range never cuts a word). */
export interface TextRanges {
  /** False when no rule can match in the range. */
  mayMatch(start: number, end: number): boolean
  /** True when the range holds the words of a term whose conditions read its whole paragraph. */
  readsParagraph(start: number, end: number): boolean
}

/** Whether a range of a text may match. */
type RangeMatch = (start: number, end: number) => boolean

const reference = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));/g

/**
 * Read a document's prose, skipping what cannot match: a document with no candidate word is
 * not parsed at all (the result is undefined; MDX, whose syntax errors are reported, is still
 * parsed). In Markdown, the code and HTML blocks the reader takes no prose from are blanked
 * (every character but line ends turned into a space; see markdown-layout.ts); then in
 * Markdown, MDX, plain text and .docx text each block (lines between blank lines) with no
 * candidate is blanked too, and a document left with none is not parsed. In plain text and
 * .docx text, so are the sentences of a kept block that hold no candidate (see
 * sentence-spans.ts), unless a term there reads its whole paragraph. What is parsed has
 * its runs of blank lines cut to one (condense.ts), and every position is moved back, so
 * offsets, lines and columns are the ones in `text`.
 *
 * A block is only blanked where that cannot change how the rest is read: never front
 * matter, a code fence, an HTML block left in place, a comment (directives are comments), a
 * link or footnote definition, or a block followed by an indented one (which may continue
 * it). Where the Markdown layout is not known for sure, and in MDX, anything with markup
 * that can span blank lines (`<`, `>`, and in MDX `{`, `}`, imports and exports) is kept
 * too. HTML is only skipped whole: its paragraphs are elements, not blocks of lines.
 *
 * @param text - The document (without a byte-order mark).
 * @param format - Its format.
 * @param scan - The engine's candidate scan for the options in force.
 * @returns The nlcst trees, in pieces as {@link readProseParts} gives them, with positions into
 *   `text`, or undefined when nothing can match.
 */
export async function readCandidateProse(text: string, format: Format, scan: ProseScan): Promise<Iterable<Root> | undefined> {
  const markup = format === 'markdown' || format === 'mdx' || format === 'html'
  // Markup may write a word's letters as character references (`j&#117;nkie`).
  const referenced = (part: string): boolean => markup && part.includes('&') && scan.mayMatch(decodedReferences(part))
  const whole = scan.index(text)
  // MDX can fail to parse, which is reported: it is always parsed, with its candidate-free blocks blanked.
  if (format !== 'mdx' && !whole.mayMatch(0, text.length) && !referenced(text)) return undefined
  if (format === 'html' || !scan.paragraphLocal) return readProseParts(text, format)
  const blanked = blankBlocks(text, format, (source) => (source === text ? whole : scan.index(source)), referenced)
  if (blanked === undefined) return undefined
  if (blanked === text) return readProseParts(text, format)
  // MDX keeps its blank lines: an ESM block or expression there is read to where it parses.
  const condensed = format === 'mdx' ? undefined : condenseBlankLines(blanked)
  const source = condensed?.text ?? blanked
  const parts = await readProseParts(source, format)
  // Comments sit in kept blocks: let directives find them, at their places in `text`, without a second parse.
  const key = format === 'mdx' ? 'mdx' : 'markdown'
  const comments = markup ? recalledComments(source, key) : undefined
  if (comments) rememberComments(text, key, condensed ? restoreComments(comments, condensed) : comments)
  return condensed ? restorePositions(parts, condensed) : parts
}

/** The characters that character references in a text stand for, each apart (each is its own token when parsed). */
function decodedReferences(text: string): string {
  const decoded: string[] = []
  for (const [, decimal, hex, name] of text.matchAll(reference)) {
    if (name !== undefined) {
      const value = decodeNamedCharacterReference(name)
      if (value !== false) decoded.push(value)
    } else {
      const code = Number.parseInt((decimal ?? hex) as string, decimal === undefined ? 16 : 10)
      if (code <= 0x10ffff) decoded.push(String.fromCodePoint(code))
    }
  }
  return decoded.join(' ')
}

interface Block {
  start: number
  end: number
  /** Index of its first and last line. */
  first: number
  last: number
}

const blankLine = /^[ \t]*\r?$/
const fence = /^\s*(`{3,}|~{3,})/
const definition = /^ {0,3}\[[^\]]*\]:/m

/**
 * The text with what holds no prose, and every block that has no candidate and is safe to
 * drop, turned into spaces; undefined when no block is left with a candidate (then nothing
 * can match, since no sentence spans a blank line).
 */
function blankBlocks(text: string, format: Format, indexed: (source: string) => TextRanges, referenced: (part: string) => boolean): string | undefined {
  const [original, starts] = linesOf(text)
  const layout = format === 'markdown' ? markdownLayout(original, starts) : undefined
  const source = layout ? blankRanges(text, layout.blank) : text
  const candidates = indexed(source)
  const mayMatch: RangeMatch = (start, end) => candidates.mayMatch(start, end) || referenced(source.slice(start, end))
  // Blanking keeps every line's length, so the offsets of lines hold for both.
  const lines = source === text ? original : source.split('\n')
  const blocks: Block[] = []
  for (let index = 0; index < lines.length; index++) {
    if (blankLine.test(lines[index] as string)) continue
    const first = index
    while (index + 1 < lines.length && !blankLine.test(lines[index + 1] as string)) index++
    blocks.push({first, last: index, start: starts[first] as number, end: (starts[index] as number) + (lines[index] as string).length})
  }
  const kept = new Set(blocks.filter((block) => mayMatch(block.start, block.end)))
  // MDX is parsed whatever it holds: its syntax errors are reported.
  if (kept.size === 0 && format !== 'mdx') return undefined
  const markdown = format === 'markdown' || format === 'mdx'
  // With the layout known, only comments (inline directives) pin a block; without it, anything that may open markup across blocks.
  const pinned = layout ? layout.pinned : markdown ? pinnedLines(lines) : new Set<number>()
  const risky = layout ? /<!--/ : format === 'mdx' ? /[<>{}]|^\s*(?:import|export)\b/m : /[<>]/

  // Plain text has no markup a blanked sentence could change: there each kept block keeps only
  // its sentences that may match, unless a term there reads the whole paragraph.
  const bySentence = format === 'text' || format === 'docx'
  let result = ''
  let cursor = 0
  for (const [position, block] of blocks.entries()) {
    const body = source.slice(block.start, block.end)
    if (kept.has(block)) {
      const sentences = bySentence && !candidates.readsParagraph(block.start, block.end) ? blankSentences(body, (start, end) => candidates.mayMatch(block.start + start, block.start + end)) : body
      if (sentences !== body) {
        result += source.slice(cursor, block.start) + sentences
        cursor = block.end
      }
      continue
    }
    if (markdown) {
      const next = blocks[position + 1]
      const continued = next !== undefined && /^[ \t]/.test(lines[next.first] as string)
      let fixed = continued || risky.test(body) || definition.test(body)
      for (let line = block.first; line <= block.last && !fixed; line++) if (pinned.has(line)) fixed = true
      if (fixed) continue
    }
    result += source.slice(cursor, block.start) + body.replace(/[^\r\n]/g, ' ')
    cursor = block.end
  }
  return cursor === 0 ? source : result + source.slice(cursor)
}

/** Marks that may open a quotation (as the engine's quote tracker reads them), and `&`, which may write one. */
const quoteOpener = /["\u201C\u00AB\u201E\u2018&]|(?:^|[\s([{\-\u2014])'/

/**
 * A block of plain text with its sentences that cannot match turned into spaces (see
 * {@link sentenceSpans}). The English parser starts a paragraph after every sentence that ends
 * a line, and the engine reads quotation marks from where the parsed paragraph starts, so a
 * blanked sentence must not move that start past a quotation mark: one that may open a
 * quotation is kept, and so is one that spans a line break after a kept sentence of its
 * paragraph (blanked, the break would start a paragraph there).
 */
function blankSentences(block: string, mayMatch: RangeMatch): string {
  const spans = sentenceSpans(block)
  if (spans.length < 2) return block
  const pieces: string[] = []
  let cursor = 0
  let paragraphKept = false
  for (const [start, end] of spans) {
    if (block.slice(cursor, start).includes('\n')) paragraphKept = false
    const sentence = block.slice(start, end)
    const keep: boolean = mayMatch(start, end) || quoteOpener.test(sentence) || (paragraphKept && sentence.includes('\n'))
    pieces.push(block.slice(cursor, start), keep ? sentence : sentence.replace(/[^\r\n]/g, ' '))
    paragraphKept ||= keep
    cursor = end
  }
  pieces.push(block.slice(cursor))
  return pieces.join('')
}

/** The text with each range (within one line) turned into spaces. */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const pieces: string[] = []
  let cursor = 0
  for (const [start, end] of sorted) {
    pieces.push(text.slice(cursor, start), ' '.repeat(end - start))
    cursor = end
  }
  pieces.push(text.slice(cursor))
  return pieces.join('')
}

/** Lines of front matter and fenced code (fences included): what a block's removal could reinterpret. */
function pinnedLines(lines: string[]): Set<number> {
  const pinned = new Set<number>()
  let index = 0
  if (/^(---|\+\+\+)[ \t]*\r?$/.test(lines[0] ?? '')) {
    const marker = (lines[0] as string).trim()
    pinned.add(0)
    for (index = 1; index < lines.length; index++) {
      pinned.add(index)
      const line = (lines[index] as string).trim()
      if (line === marker || (marker === '---' && line === '...')) break
    }
    index++
  }
  for (; index < lines.length; index++) {
    const open = fence.exec(lines[index] as string)
    if (!open?.[1]) continue
    const marks = open[1]
    pinned.add(index)
    for (index++; index < lines.length; index++) {
      pinned.add(index)
      const close = fence.exec(lines[index] as string)
      if (close?.[1] && close[1][0] === marks[0] && close[1].length >= marks.length && (lines[index] as string).trim() === close[1]) break
    }
  }
  return pinned
}
