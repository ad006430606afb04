import {htmlBlockNames, htmlRawNames} from 'micromark-util-html-tag-name'

/**
 * CommonMark's seven kinds of HTML block, read as micromark (the parser the Markdown reader
 * uses) reads them, one line at a time: 1 raw text (`<script>`, `<pre>`, `<style>`,
 * `<textarea>`), 2 comment, 3 processing instruction, 4 declaration, 5 CDATA, 6 a known block
 * tag, 7 any other complete tag alone on its line. Kinds 1 to 5 end at a line holding their
 * end marker; 6 and 7 end before a blank line. A kind this module cannot be sure micromark
 * reads the same way is `uncertain`.
 */
export type HtmlBlockKind = 1 | 2 | 3 | 4 | 5 | 6 | 7

/** How a line starts an HTML block: its kind, and whether it also ends it. */
export interface HtmlBlockStart {
  kind: HtmlBlockKind
  ends: boolean
}

const blockNames = new Set(htmlBlockNames)
const rawNames = new Set(htmlRawNames)
const rawEnd = /<\/(?:pre|script|style|textarea)>/i

/**
 * The HTML block a line opens, if any.
 *
 * @param line - The line's content after its container prefixes and indentation (it starts with `<`).
 * @param interrupting - True when the line would otherwise continue a paragraph (kind 7 cannot interrupt one).
 * @returns The start, undefined when the line opens no HTML block, or `uncertain` for constructs micromark reads idiosyncratically.
 */
export function htmlBlockStart(line: string, interrupting: boolean): HtmlBlockStart | 'uncertain' | undefined {
  if (line.startsWith('<!--')) return {kind: 2, ends: line.includes('-->', 2)}
  // CDATA ends at `]]>` in the spec but not after a third `]` in micromark: too rare to model.
  if (line.startsWith('<![CDATA[')) return 'uncertain'
  if (/^<![A-Za-z]/.test(line)) return {kind: 4, ends: line.includes('>', 2)}
  if (line.startsWith('<?')) return {kind: 3, ends: line.includes('?>', 1)}
  const tag = /^<(\/?)([A-Za-z][A-Za-z\d-]*)/.exec(line)
  if (!tag) return undefined
  const closing = tag[1] === '/'
  const name = (tag[2] as string).toLowerCase()
  const after = line.slice(tag[0].length)
  // micromark ends a tag name at a space, tab, `/`, `>` or the line's end; anything else is no tag.
  if (after !== '' && !/^[ \t/>]/.test(after)) return undefined
  const slash = after.startsWith('/')
  if (!slash && !closing && rawNames.has(name)) return {kind: 1, ends: rawEnd.test(after)}
  if (blockNames.has(name)) return slash && !after.startsWith('/>') ? undefined : {kind: 6, ends: false}
  if (interrupting) return undefined
  return completeTagAlone(after, closing) ? {kind: 7, ends: false} : undefined
}

/**
 * Whether a line inside an HTML block of a kind from 1 to 5 holds its end marker.
 *
 * @param kind - The block's kind.
 * @param line - The whole line.
 * @returns True when the block ends with this line.
 */
export function htmlBlockEnds(kind: HtmlBlockKind, line: string): boolean {
  if (kind === 1) return rawEnd.test(line)
  if (kind === 2) return line.includes('-->')
  if (kind === 3) return line.includes('?>')
  if (kind === 4) return line.includes('>')
  return false
}

/**
 * Whether what follows a tag name completes the tag with nothing but spaces after it: a port of
 * micromark's state machine for kind 7, quirks included (`<a b=c=d>` is complete to it).
 */
function completeTagAlone(rest: string, closing: boolean): boolean {
  let at = 0
  const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t'
  const end = (): boolean => rest[at] === '>' && /^[ \t]*$/.test(rest.slice(at + 1))
  if (closing) {
    while (isSpace(rest[at])) at++
    return end()
  }
  let state: 'nameBefore' | 'name' | 'nameAfter' | 'valueBefore' | 'unquoted' | 'quotedAfter' = 'nameBefore'
  for (;;) {
    const char = rest[at]
    if (state === 'nameBefore') {
      if (char === '/') {
        at++
        return end()
      }
      if (char === undefined || !(isSpace(char) || /[A-Za-z_:]/.test(char))) return end()
      at++
      if (!isSpace(char)) state = 'name'
    } else if (state === 'name') {
      if (char !== undefined && /[A-Za-z\d_.:-]/.test(char)) at++
      else state = 'nameAfter'
    } else if (state === 'nameAfter') {
      if (char === '=') state = 'valueBefore'
      else if (!isSpace(char)) state = 'nameBefore'
      if (state !== 'nameBefore') at++
    } else if (state === 'valueBefore') {
      if (char === undefined || '<=>`'.includes(char)) return false
      if (char === '"' || char === "'") {
        const close = rest.indexOf(char, at + 1)
        if (close === -1) return false
        at = close + 1
        state = 'quotedAfter'
      } else if (isSpace(char)) at++
      else state = 'unquoted'
    } else if (state === 'unquoted') {
      if (char === undefined || isSpace(char) || `"'/<=>\``.includes(char)) state = 'nameAfter'
      else at++
    } else {
      if (!(char === '/' || char === '>' || isSpace(char))) return false
      state = 'nameBefore'
    }
  }
}
