/**
 * Tracks whether a position lies inside quotation marks, scanning each paragraph
 * once from its start: positions must be asked in increasing order within a paragraph.
 * Curly quotes open and close; straight double quotes toggle; a single quote (curly or
 * straight) only opens after a space or bracket and only closes before a non-letter,
 * since `’` and `'` are also apostrophes.
 */
export class QuoteTracker {
  private paragraph = -1
  private cursor = 0
  private double = false
  private single = false

  /** @param text - The whole source. */
  constructor(private readonly text: string) {}

  /**
   * Whether `offset` is quoted, counting from the start of its paragraph.
   *
   * @param paragraphStart - Offset where the paragraph starts.
   * @param offset - Start of the match.
   * @returns True when the match is inside quotation marks.
   */
  isQuoted(paragraphStart: number, offset: number): boolean {
    if (paragraphStart !== this.paragraph || offset < this.cursor) {
      this.paragraph = paragraphStart
      this.cursor = paragraphStart
      this.double = false
      this.single = false
    }
    const text = this.text
    for (; this.cursor < offset; this.cursor++) {
      let char = text[this.cursor]
      const before = text[this.cursor - 1] ?? ''
      // HTML writes the marks as entities (`&ldquo;`): read one as its mark, and look past it.
      if (char === '&') {
        const entity = quoteEntity.exec(text.slice(this.cursor, this.cursor + 10))
        if (entity) {
          char = entityMarks[entity[0].toLowerCase()]
          this.cursor += entity[0].length - 1
        }
      }
      const after = text[this.cursor + 1] ?? ''
      if (char === '\u201C' || char === '\u00AB' || char === '\u201E') this.double = true
      else if (char === '\u201D' || char === '\u00BB') this.double = false
      else if (char === '"') this.double = !this.double
      else if ((char === '\u2018' || char === "'") && /^$|[\s([{\-\u2014]/.test(before)) this.single = true
      else if ((char === '\u2019' || char === "'") && this.single && !/\p{L}/u.test(after)) this.single = false
    }
    return this.double || this.single
  }
}

/** The quotation-mark entities of HTML, as the marks they stand for. */
export const entityMarks: Record<string, string> = {
  '&ldquo;': '\u201C',
  '&rdquo;': '\u201D',
  '&bdquo;': '\u201E',
  '&laquo;': '\u00AB',
  '&raquo;': '\u00BB',
  '&lsquo;': '\u2018',
  '&rsquo;': '\u2019',
  '&quot;': '"',
  '&#34;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&#8220;': '\u201C',
  '&#8221;': '\u201D',
  '&#8216;': '\u2018',
  '&#8217;': '\u2019',
  '&#x201c;': '\u201C',
  '&#x201d;': '\u201D',
  '&#x2018;': '\u2018',
  '&#x2019;': '\u2019'
}
const quoteEntity = /^&(?:[lrb]dquo|[lr]squo|[lr]aquo|quot|apos|#34|#39|#82(?:16|17|20|21)|#x201[89cd]);/i
