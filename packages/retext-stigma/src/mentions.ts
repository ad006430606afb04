import type {Token} from './tokens.js'
import type {Quotation} from './sentence-quotations.js'
import {MentionText} from './mention-text.js'
import {labelAfter, labelBefore, leadingLanguage, leadingParenthetical, trailingFrame} from './mention-brackets.js'
import {bareTermsOpen, besideArrow, glossaryEntry, listedAfterFrame, listEndsInFrame} from './mention-lists.js'
import {advisedAgainst, formerName, labellingInGeneral, labelRejected, saidAsWord, whatWasCalled} from './mention-naming.js'
import {isQuotedTitle, isScareQuote, quotedHeadline, quotedListItem, quotesOnlyTerms, quotesOnlyTheTerm} from './mention-quotes.js'
import {askedAsWord, attributedWording, deniedAsThing, handledAs, namedAsWord, renamed, wordHistory, wordInApposition} from './mention-subjects.js'
import {headlineAfterColon, inUnquotedTitle} from './mention-titles.js'
import {bareHeadword, headword, listedInDiscourse, quotedAsExample, quotedInDiscourse, quotedSubject, shownText, termAsHeading} from './mention-discourse.js'

/**
 * Mentions: a term discussed as a word ("the word 'junkie' hurts", "terms such as addict and
 * junkie", "so-called junkies", scare quotes round one word, a film's title in quotation
 * marks) rather than used of someone. A writer explaining why a word hurts is not using it.
 *
 * Everything here reads the sentence's tokens and the punctuation between them (quotation
 * marks, commas, colons), and runs only for sentences that hold a match. The frames live in
 * modules by kind: quotation marks (mention-quotes), lists (mention-lists), brackets and asides
 * (mention-brackets), naming and advice (mention-naming), the term spoken of as a word
 * (mention-subjects) and titles (mention-titles).
 */

/**
 * The mentions of one sentence. Build it when the sentence has a match; the quotations are
 * read once, on the first question.
 */
export class SentenceMentions {
  private readonly sentence: MentionText

  /**
   * @param tokens - The sentence's tokens.
   * @param text - The source the tokens' offsets point into.
   * @param isMatch - Whether a token range is itself a rule match (a list of terms names several).
   */
  constructor(tokens: Token[], text: string, isMatch: (first: number, last: number) => boolean) {
    this.sentence = new MentionText(tokens, text, isMatch)
  }

  /**
   * Whether the match spanning tokens `first` to `last` is a mention.
   *
   * @param first - Index of the match's first token.
   * @param last - Index of the match's last token.
   * @param quoted - The match is inside quotation marks, as the document-wide tracker saw it.
   * @returns True when the term is discussed as a word rather than used.
   */
  isMention(first: number, last: number, quoted: boolean): boolean {
    const s = this.sentence
    // Quotations are read only for a quoted match, or for a list item that ends in a mark.
    const quotation = quoted || s.hasEntities() ? s.quotationAround(first, last) : undefined
    if (quotation) {
      if (isScareQuote(s, quotation) || quotesOnlyTheTerm(s, quotation, first, last)) return true
      if (isQuotedTitle(s, quotation) || s.mentionsHeadlines()) return true
      if (quotedListItem(s, quotation) || quotedHeadline(s, quotation) || quotesOnlyTerms(s, quotation)) return true
    }
    if (this.framed(first, last, quotation)) return true
    // A frame inside a longer quotation names the term itself: `He said: “We used the term AIDS victims then.”`
    return quotation !== undefined && (quotation.first < first || quotation.last > last) && this.framed(first, last, undefined)
  }

  /** Whether a frame around the match (or around the quotation that holds it) makes it a word. */
  private framed(first: number, last: number, quotation: Quotation | undefined): boolean {
    const s = this.sentence
    const start = quotation?.first ?? first
    const end = quotation?.last ?? last
    if (trailingFrame(s, start, end) || leadingParenthetical(s, start) || leadingLanguage(s, start) || listEndsInFrame(s, end)) return true
    if (advisedAgainst(s, start) || labellingInGeneral(s, start) || whatWasCalled(s, start) || saidAsWord(s, start, end) || wordHistory(s, start, end) || glossaryEntry(s, start, end) || (!quotation && inUnquotedTitle(s, first, last))) return true
    if (namedAsWord(s, start, end) || bareTermsOpen(s, first)) return true
    if (labelAfter(s, end + 1) || labelBefore(s, start)) return true
    if (labelRejected(s, start) || wordInApposition(s, start, end, quotation !== undefined) || askedAsWord(s, start, end) || handledAs(s, start, end) || deniedAsThing(s, start)) return true
    if (besideArrow(s, start, end) || renamed(s, start, end) || formerName(s, first) || headlineAfterColon(s, first)) return true
    if (quotation ? quotedInDiscourse(s, quotation, first, last) || quotedSubject(s, quotation, first, last) || quotedAsExample(s, quotation) || shownText(s, quotation) : listedInDiscourse(s, first, last)) return true
    if (headword(s, end) || (!quotation && (bareHeadword(s, first, last) || termAsHeading(s, first, last) || attributedWording(s, first, last)))) return true
    return listedAfterFrame(s, first, last, quotation)
  }
}
