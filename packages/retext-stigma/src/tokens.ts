import type {Root, Sentence, Paragraph} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
import {normaliseWord, hyphens} from '@destigma/rule-schema'
import {markCodeRuns} from './code-runs.js'

/** A word (or one part of a hyphenated word) with its place in the source. */
export interface Token {
  key: string
  text: string
  start: number
  end: number
  /** Something other than white space separates this token from the previous one. */
  gapBefore: boolean
  /** A line break comes between this token and the previous one (headlines are told by their line). */
  lineBefore: boolean
  /** Only quotation marks (and white space) come between this token and the previous one: `is “so OCD”`. */
  quoteBefore?: boolean
  /** Only a comma (and white space) comes between this token and the previous one: `an alcoholic, violent father`. */
  commaBefore?: boolean
  /** A hyphen joins this token to the previous one: a later part of a hyphenated word (`term` in `long-term`). */
  joined?: boolean
  /** Part of an identifier, a file name, an address or a domain (`bpf_tramp_run_ctx`, `drunkard-tails.png`), not prose. */
  code?: boolean
}

/** The words of one paragraph, sentence by sentence. */
export interface ParagraphTokens {
  sentences: Token[][]
  start: number
  /** A reader marked the paragraph as words discussed as words (`data.mention`: a style guide's "Avoid" column). */
  mention: boolean
}

const trailingApostrophe = /^['\u2019]$/
const quotationMark = /^["'\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E]$/

/**
 * Yield the word tokens of each paragraph in turn, sentence by sentence, with offsets
 * into the source, so only one paragraph's tokens are alive at a time. Hyphenated words
 * are split into parts so `crack-head` matches `crack head`.
 *
 * @param tree - An nlcst tree with positions.
 * @returns One entry per paragraph, in document order.
 */
export function* paragraphTokens(tree: Root): Generator<ParagraphTokens> {
  const paragraphs: Paragraph[] = []
  visit(tree, 'ParagraphNode', (paragraph: Paragraph) => {
    paragraphs.push(paragraph)
    return 'skip'
  })
  for (const paragraph of paragraphs) {
    const sentences: Token[][] = []
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') sentences.push(tokensOf(sentence))
    yield {sentences, start: paragraph.position?.start.offset ?? 0, mention: (paragraph.data as {mention?: unknown} | undefined)?.mention === true}
  }
}

function tokensOf(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  let gap = true
  let lineBreak = false
  // Whether every mark since the previous word is a quotation mark.
  let onlyQuotes = false
  // The marks since the previous word, white space left out.
  let marks = ''
  // Single quotation marks opened and not yet closed: a `'` after `junkies` then closes
  // the quotation rather than making a plural possessive.
  let openSingles = 0
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (!node) continue
    if (node.type === 'WhiteSpaceNode') {
      if (node.value.includes('\n')) lineBreak = true
      continue
    }
    if (node.type === 'PunctuationNode' && /^['\u2018]$/.test(node.value)) {
      const previous = children[index - 1]
      if (!previous || previous.type === 'WhiteSpaceNode') openSingles++
    }
    // Emphasis typed in plain text (`the word *junkie*`) is markup, as it is in Markdown.
    if (isEmphasisMark(children, index)) continue
    if (node.type !== 'WordNode' || node.position?.start.offset === undefined) {
      onlyQuotes = (onlyQuotes || !gap) && (node.type === 'PunctuationNode' || node.type === 'SymbolNode') && quotationMark.test(node.value)
      marks += 'value' in node ? node.value : '?'
      gap = true
      continue
    }
    const quoteBefore = onlyQuotes && tokens.length > 0
    onlyQuotes = false
    const commaBefore = marks === ',' && tokens.length > 0
    marks = ''
    const firstPart = tokens.length
    const start = node.position.start.offset
    const only = node.children.length === 1 ? node.children[0] : undefined
    let text = only?.type === 'TextNode' ? only.value : toString(node)
    const end = node.position.end.offset ?? start + text.length
    // Text spread over inline markup cannot be sliced by character; keep it whole.
    const contiguous = end - start === text.length
    let wordEnd = end
    // A plural possessive (`addicts'`): the apostrophe is a separate node.
    const next = children[index + 1]
    if (
      contiguous &&
      next?.type === 'PunctuationNode' &&
      trailingApostrophe.test(next.value) &&
      next.position?.start.offset === end &&
      /s$/i.test(text)
    ) {
      if (openSingles > 0) {
        openSingles--
        pushParts(tokens, text, start, wordEnd, gap, lineBreak, quoteBefore)
        markComma(tokens[firstPart], commaBefore)
        gap = false
        lineBreak = false
        continue
      }
      text += next.value
      // The mark may be written longer than it reads (`&rsquo;` in HTML): end where it ends.
      wordEnd = next.position.end.offset ?? wordEnd + next.value.length
      index++
    }
    // parse-english folds a full stop into the word before a lower-case word ("an addict.
    // and"); the stop is not part of the word for matching.
    const last = node.children.at(-1)
    if (contiguous && text.length > 1 && last?.type === 'PunctuationNode' && last.value === '.' && text.endsWith('.')) {
      text = text.slice(0, -1)
      wordEnd = last.position?.start.offset ?? wordEnd - 1
    }
    if (contiguous) pushParts(tokens, text, start, wordEnd, gap, lineBreak, quoteBefore)
    else tokens.push(withQuote({key: normaliseWord(text), text, start, end: wordEnd, gapBefore: gap, lineBefore: lineBreak}, quoteBefore))
    markComma(tokens[firstPart], commaBefore)
    gap = false
    lineBreak = false
  }
  markCodeRuns(sentence, tokens)
  return tokens
}

const emphasisMark = /^(?:\*{1,2}|_{1,2})$/

/**
 * Asterisks or underscores that open a word after a space, or close one before a space or a
 * mark: emphasis typed in plain text. Between two words they join an identifier (`bpf_tramp`).
 */
function isEmphasisMark(children: Sentence['children'], index: number): boolean {
  const node = children[index]
  if (!node || (node.type !== 'SymbolNode' && node.type !== 'PunctuationNode') || !emphasisMark.test(node.value)) return false
  const before = children[index - 1]
  const after = children[index + 1]
  const opens = (!before || before.type === 'WhiteSpaceNode') && after?.type === 'WordNode'
  const closes = before?.type === 'WordNode' && (!after || after.type !== 'WordNode')
  return opens || closes
}

/** Mark the first token of a word that only a comma separates from the previous one. */
function markComma(token: Token | undefined, commaBefore: boolean): void {
  if (token && commaBefore) token.commaBefore = true
}

/** Mark a token that only quotation marks separate from the previous one. */
function withQuote(token: Token, quoteBefore: boolean): Token {
  if (quoteBefore) token.quoteBefore = true
  return token
}

/** Push a word's token, or one per part of a hyphenated word; `end` is where the last part ends in the source. */
function pushParts(tokens: Token[], text: string, start: number, end: number, gap: boolean, lineBreak: boolean, quoteBefore: boolean): void {
  if (!hyphens.test(text)) {
    tokens.push(withQuote({key: normaliseWord(text), text, start, end, gapBefore: gap, lineBefore: lineBreak}, quoteBefore))
    return
  }
  let offset = 0
  let first = true
  const parts = text.split(hyphens)
  for (const [index, part] of parts.entries()) {
    if (part !== '') {
      const partEnd = index === parts.length - 1 ? end : start + offset + part.length
      const token: Token = {key: normaliseWord(part), text: part, start: start + offset, end: partEnd, gapBefore: first ? gap : false, lineBefore: first && lineBreak}
      if (!first) token.joined = true
      tokens.push(withQuote(token, first && quoteBefore))
      first = false
    }
    offset += part.length + 1
  }
}
