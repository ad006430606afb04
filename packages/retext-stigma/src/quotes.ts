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
      const char = text[this.cursor]
      if (char === '\u201C' || char === '\u00AB' || char === '\u201E') this.double = true
      else if (char === '\u201D' || char === '\u00BB') this.double = false
      else if (char === '"') this.double = !this.double
      else if ((char === '\u2018' || char === "'") && /^$|[\s([{\-\u2014]/.test(text[this.cursor - 1] ?? '')) this.single = true
      else if ((char === '\u2019' || char === "'") && this.single && !/\p{L}/u.test(text[this.cursor + 1] ?? '')) this.single = false
    }
    return this.double || this.single
  }
}
