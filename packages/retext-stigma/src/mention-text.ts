import type {Token} from './tokens.js'
import {cleanGap, quoteMark, readQuotations, type Quotation} from './sentence-quotations.js'

/**
 * One sentence as the mention frames read it: its tokens, the punctuation between them, and
 * its quotations, read once on the first question. Every frame module takes one.
 */
export class MentionText {
  private read: Quotation[] | undefined
  private aboutHeadlines: boolean | undefined
  private entities: boolean | undefined

  /**
   * @param tokens - The sentence's tokens.
   * @param text - The source the tokens' offsets point into.
   * @param isMatch - Whether a token range is itself a rule match (a list of terms names several).
   */
  constructor(
    readonly tokens: Token[],
    readonly text: string,
    readonly isMatch: (first: number, last: number) => boolean
  ) {}

  /** The sentence's quotations, read on the first call. */
  quotations(): Quotation[] {
    this.read ??= readQuotations(this.tokens, this.text)
    return this.read
  }

  /** HTML may write the marks as entities, which the document-wide tracker does not read. */
  hasEntities(): boolean {
    const head = this.tokens[0]
    const tail = this.tokens.at(-1)
    this.entities ??= head !== undefined && tail !== undefined && this.text.slice(head.start, tail.end).includes('&')
    return this.entities
  }

  /** The quotation whose last word is token `end`, if a mark follows that word. */
  quotationEndingAt(end: number): Quotation | undefined {
    const token = this.tokens[end]
    if (!token) return undefined
    // A full stop or a comma may come inside the closing mark (`“full-blown AIDS.”`).
    const after = /^[.,;:!?]/.test(this.text.charAt(token.end)) ? token.end + 1 : token.end
    if (!quoteMark.test(this.text.charAt(after)) && !quoteMark.test(this.text.slice(after, after + 8))) return undefined
    return this.quotations().find((candidate) => candidate.last === end)
  }

  /** The quotation that holds the whole match, if any. */
  quotationAround(first: number, last: number): Quotation | undefined {
    // The innermost: `“We used the term ‘AIDS victims’ then”` holds the term in the single marks.
    let inner: Quotation | undefined
    for (const quotation of this.quotations()) if (quotation.first <= first && last <= quotation.last && (!inner || quotation.last - quotation.first < inner.last - inner.first)) inner = quotation
    return inner
  }

  /** The sentence is about headlines, so what it quotes are example headlines. */
  mentionsHeadlines(): boolean {
    this.aboutHeadlines ??= this.tokens.some((token) => token.key.startsWith('headline'))
    return this.aboutHeadlines
  }

  /** A determiner opens the term or comes right before it: it names people (`the addicts`). */
  determined(first: number): boolean {
    const determiner = /^(?:the|a|an|these|those|this|that|his|her|their|our|my|your|its)$/
    return determiner.test(this.tokens[first]?.key ?? '') || determiner.test(this.tokens[first - 1]?.key ?? '')
  }

  /** The first token of the clause holding token `at`: after the last colon before it, else the sentence's first. */
  clauseStart(at: number): number {
    for (let index = at; index > 0; index--) if (this.between(index - 1, index).includes(':')) return index
    return 0
  }

  /** The source between token `at` and token `item`. */
  between(at: number, item: number): string {
    const before = this.tokens[at]
    const after = this.tokens[item]
    // Before the first word or after the last, nothing of this sentence lies between.
    return before && after ? cleanGap(this.text.slice(before.end, after.start)) : ''
  }
}
