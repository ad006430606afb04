import {functionWords, inTitleLine} from './title-case.js'
import type {Token} from './tokens.js'
import {adviceObjects, adviceWords, anyoneObjects, arrow, arrowBefore, callingVerbs, colonFrames, conceptNouns, copulas, definingVerbs, describingVerbs, documentNouns, frameAdjectives, frameNouns, frameWords, generalNaming, labelNouns, languageNouns, meaningVerbs, namingVerbs, negations, objectPronouns, ofTheTime, pluralFrameNouns, pressNouns, pressVerbs, rejections, replacingVerbs, sayingVerbs, singularFrameNouns, speechVerbs, titleNouns, trailingNamingVerbs, wordFates, wordJudgements, wordNouns, wordUseVerbs} from './mention-words.js'
import {cleanGap, quoteMark, quoteMarks, readQuotations, type Quotation} from './sentence-quotations.js'

/**
 * Mentions: a term discussed as a word ("the word 'junkie' hurts", "terms such as addict and
 * junkie", "so-called junkies", scare quotes round one word, a film's title in quotation
 * marks) rather than used of someone. A writer explaining why a word hurts is not using it.
 *
 * Everything here reads the sentence's tokens and the punctuation between them (quotation
 * marks, commas, colons), and runs only for sentences that hold a match.
 */

/**
 * The mentions of one sentence. Build it when the sentence has a match; the quotations are
 * read once, on the first question.
 */
export class SentenceMentions {
  private quotations: Quotation[] | undefined
  private aboutHeadlines: boolean | undefined
  private entities: boolean | undefined

  /**
   * @param tokens - The sentence's tokens.
   * @param text - The source the tokens' offsets point into.
   * @param isMatch - Whether a token range is itself a rule match (a list of terms names several).
   */
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
    private readonly isMatch: (first: number, last: number) => boolean
  ) {}

  /**
   * Whether the match spanning tokens `first` to `last` is a mention.
   *
   * @param first - Index of the match's first token.
   * @param last - Index of the match's last token.
   * @param quoted - The match is inside quotation marks, as the document-wide tracker saw it.
   * @returns True when the term is discussed as a word rather than used.
   */
  isMention(first: number, last: number, quoted: boolean): boolean {
    // Quotations are read only for a quoted match, or for a list item that ends in a mark.
    const quotation = quoted || this.hasEntities() ? this.quotationAround(first, last) : undefined
    if (quotation) {
      if (this.isScareQuote(quotation) || this.quotesOnlyTheTerm(quotation, first, last)) return true
      if (this.isQuotedTitle(quotation) || this.mentionsHeadlines()) return true
      if (this.quotedListItem(quotation) || this.quotedHeadline(quotation)) return true
    }
    if (this.framed(first, last, quotation)) return true
    // A frame inside a longer quotation names the term itself: `He said: “We used the term AIDS victims then.”`
    return quotation !== undefined && (quotation.first < first || quotation.last > last) && this.framed(first, last, undefined)
  }

  /** Whether a frame around the match (or around the quotation that holds it) makes it a word. */
  private framed(first: number, last: number, quotation: Quotation | undefined): boolean {
    const start = quotation?.first ?? first
    const end = quotation?.last ?? last
    if (this.trailingFrame(start, end) || this.leadingParenthetical(start) || this.leadingLanguage(start) || this.listEndsInFrame(end)) return true
    if (this.advisedAgainst(start) || this.labellingInGeneral(start) || this.whatWasCalled(start) || this.saidAsWord(start, end) || this.wordHistory(start, end) || this.glossaryEntry(start, end) || (!quotation && this.inUnquotedTitle(first, last))) return true
    if (this.namedAsWord(start, end) || this.bareTermsOpen(first)) return true
    if (this.labelAfter(end + 1) || this.labelBefore(start)) return true
    if (this.labelRejected(start) || this.wordInApposition(start, end) || this.askedAsWord(start, end) || this.handledAs(start, end) || this.deniedAsThing(start)) return true
    if (this.besideArrow(start, end) || this.renamed(start, end)) return true
    return this.listedAfterFrame(first, last, quotation)
  }

  /** HTML may write the marks as entities, which the document-wide tracker does not read. */
  private hasEntities(): boolean {
    const head = this.tokens[0]
    const tail = this.tokens.at(-1)
    this.entities ??= head !== undefined && tail !== undefined && this.text.slice(head.start, tail.end).includes('&')
    return this.entities
  }

  /** The quotation whose last word is token `end`, if a mark follows that word. */
  private quotationEndingAt(end: number): Quotation | undefined {
    const token = this.tokens[end]
    if (!token) return undefined
    // A full stop or a comma may come inside the closing mark (`“full-blown AIDS.”`).
    const after = /^[.,;:!?]/.test(this.text.charAt(token.end)) ? token.end + 1 : token.end
    if (!quoteMark.test(this.text.charAt(after)) && !quoteMark.test(this.text.slice(after, after + 8))) return undefined
    this.quotations ??= readQuotations(this.tokens, this.text)
    return this.quotations.find((candidate) => candidate.last === end)
  }

  /** The quotation that holds the whole match, if any. */
  private quotationAround(first: number, last: number): Quotation | undefined {
    this.quotations ??= readQuotations(this.tokens, this.text)
    // The innermost: `“We used the term ‘AIDS victims’ then”` holds the term in the single marks.
    let inner: Quotation | undefined
    for (const quotation of this.quotations) if (quotation.first <= first && last <= quotation.last && (!inner || quotation.last - quotation.first < inner.last - inner.first)) inner = quotation
    return inner
  }

  /** One word in quotation marks, not a quoted exclamation or a reply. */
  private isScareQuote(quotation: Quotation): boolean {
    const {tokens} = this
    const head = tokens[quotation.first]
    const tail = tokens[quotation.last]
    if (!head || !tail || quotation.speech) return false
    return !/\s/.test(this.text.slice(head.start, tail.end))
  }

  /**
   * Quotation marks round exactly a term of several words, and nothing else: the phrase held
   * up as a phrase (`we no longer say “committed suicide”`, `replace “substance abuse”`).
   */
  private quotesOnlyTheTerm(quotation: Quotation, first: number, last: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    // The quotation may hold the term's article too (`writing “an alcoholic”`), and run on past
    // the flagged words into the rest of the term's phrase (`instead of “abusing drugs”` flags
    // only the verb).
    const open = quotation.first === first - 1 && /^(?:a|an|the)$/.test(key(first - 1)) ? first - 1 : first
    if (quotation.speech || quotation.first !== open || quotation.last < last || quotation.last - last > 2) return false
    // Only after a verb that handles words (`say`, `replace`, `called them`): a quoted phrase
    // elsewhere is someone's use, reported as quoted (`called the mix “strangely schizophrenic”`).
    // The quoted phrase is the sentence's subject: `“AIDS victim” implies powerlessness`
    // (with an article, `“An addict” was found`, it is a person).
    if (open === 0) return open === first
    const before = key(open - 1)
    if (wordUseVerbs.has(before) || (before === 'of' && key(open - 2) === 'instead')) return true
    // `mentions of “illegal immigrants”`, `the use of “committed suicide”`, `references to “AIDS victims”`.
    if ((before === 'of' || before === 'to') && /^(?:mention|mentions|use|uses|usage|reference|references|occurrence|occurrences|instance|instances)$/.test(key(open - 2))) return true
    // `the language of “drug abuse”`, `the word of “addict”`: a frame noun and `of`.
    if (before === 'of' && (frameNouns.has(key(open - 2)) || labelNouns.has(key(open - 2)) || conceptNouns.has(key(open - 2)))) return true
    // `search for “AIDS victim” in the archive`: the words looked up.
    if (before === 'for' && /^search(?:es|ed|ing)?$/.test(key(open - 2))) return true
    // `other papers spoke of “AIDS victims”`, `wrote about “junkies”`: others' words, reported.
    if (/^(?:of|about)$/.test(before) && /^(?:speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking|write|writes|wrote|written|writing)$/.test(key(open - 2))) return true
    // `advises against “committed suicide”`, `warned against “clean”`.
    if (before === 'against' && /^(?:advise|advises|advised|advising|warn|warns|warned|warning|argue|argues|argued|arguing)$/.test(key(open - 2))) return true
    // `The “crack baby” turned out to be a myth`: a determiner before the marks, as before one
    // word in scare quotes. (An article inside them, `described as “a substance abuser”`, quotes a
    // description; `that` may open a clause, `told them that “widget mans” were…`.)
    if (open === first && /^(?:the|this|these|those)$/.test(before)) return true
    // `the legal term was “common prostitute”`: a frame noun, then a copula.
    if (copulas.has(before) && frameNouns.has(key(open - 2))) return true
    // `saying (that) someone “committed suicide”`: what is said of anyone is a wording.
    const saying = (index: number): boolean => /^(?:say|says|said|saying)$/.test(key(index))
    if (anyoneObjects.has(before) && (saying(open - 2) || (key(open - 2) === 'that' && saying(open - 3)))) return true
    if (objectPronouns.has(before) && (namingVerbs.has(key(open - 2)) || callingVerbs.has(key(open - 2)))) return true
    // `calling a cold day “bipolar weather”`: a verb of calling, its object of up to three words between.
    for (let index = open - 2; index >= Math.max(0, open - 4); index--) {
      if (this.tokens[index + 1]?.gapBefore) return false
      if (callingVerbs.has(key(index))) return true
    }
    return false
  }

  /**
   * A title without quotation marks, in capitals, right after a word that introduces one: `a
   * report titled Addicts in Our Midst`, `the documentary Junkie Nation`. The run of
   * capitalised words (and the little words a title keeps in lower case) must hold the match.
   */
  private inUnquotedTitle(first: number, last: number): boolean {
    const {tokens} = this
    const capital = (index: number): boolean => /^\p{Lu}/u.test(tokens[index]?.text ?? '')
    const inRun = (index: number): boolean => capital(index) || functionWords.has(tokens[index]?.key ?? '')
    // In a headline every word is capitalised, so capitals there mark no title (`Documentary Follows Addicts`).
    if (!capital(first) || inTitleLine(tokens, first)) return false
    let start = first
    while (start > 0 && !tokens[start]?.gapBefore && inRun(start - 1) && !namingVerbs.has(tokens[start - 1]?.key ?? '') && !titleNouns.has(tokens[start - 1]?.key ?? '')) start--
    if (!capital(start)) return false
    if (start === 0) return this.titleNamedAfter(first, last)
    const cue = tokens[start - 1]?.key ?? ''
    if (!namingVerbs.has(cue) && !titleNouns.has(cue)) return false
    let end = last
    while (end + 1 < tokens.length && !tokens[end + 1]?.gapBefore && inRun(end + 1)) end++
    // A comma may come between a naming verb and its title; between a title noun and its title
    // only as an apposition closed by another (`her first novel, Crack Baby, won`).
    const comma = /^\s*,\s*$/
    const apposition = titleNouns.has(cue) && comma.test(this.between(end, end + 1))
    if (tokens[start]?.gapBefore && !(/^\s*,?\s*$/.test(this.between(start - 1, start)) && (namingVerbs.has(cue) || apposition))) return false
    let content = 0
    for (let index = start; index <= end; index++) if (capital(index) && !functionWords.has(tokens[index]?.key ?? '')) content++
    // One capitalised word is a title after a title noun that has its determiner (`the novel
    // Junkie was published in 1953`), as after a verb of naming.
    const determined = /^(?:the|a|an|his|her|their|its|our|my|your)$/.test(tokens[start - 2]?.key ?? '') || /['’]s$/.test(tokens[start - 2]?.text ?? '')
    return namingVerbs.has(cue) || determined ? content >= 1 : content >= 2
  }

  /**
   * A title that opens the sentence and an apposition after it names what it is: `Drug Misuse:
   * Prevention And Treatment, the 2003 government paper, is no longer current`.
   */
  private titleNamedAfter(first: number, last: number): boolean {
    const {tokens} = this
    const inRun = (index: number): boolean => /^\p{Lu}/u.test(tokens[index]?.text ?? '') || functionWords.has(tokens[index]?.key ?? '')
    let end = last
    while (end + 1 < tokens.length && inRun(end + 1) && !/,/.test(this.between(end, end + 1))) end++
    let content = 0
    for (let index = 0; index <= end; index++) if (/^\p{Lu}/u.test(tokens[index]?.text ?? '') && !functionWords.has(tokens[index]?.key ?? '')) content++
    if (content < 3 || first > end || !/^\s*,\s*$/.test(this.between(end, end + 1))) return false
    if (!/^(?:the|a|an)$/.test(tokens[end + 1]?.key ?? '')) return false
    for (let index = end + 2; index <= end + 5 && index < tokens.length; index++) if (titleNouns.has(tokens[index]?.key ?? '') || documentNouns.has(tokens[index]?.key ?? '')) return true
    return false
  }

  /** A quoted title: two content words or more, every one capitalised (`“Crack Babies Grow Up”`). */
  private isQuotedTitle(quotation: Quotation): boolean {
    let content = 0
    for (let index = quotation.first; index <= quotation.last; index++) {
      const token = this.tokens[index]
      if (!token || functionWords.has(token.key) || !/\p{L}/u.test(token.text)) continue
      if (!/^\p{Lu}/u.test(token.text)) return false
      content++
    }
    return content >= 2
  }

  /** The sentence is about headlines, so what it quotes are example headlines. */
  /**
   * A headline quoted in sentence case in a sentence about the press: `The Sun ran “Junkie mum
   * jailed for neglect” on its front page`. It opens with a capital, runs to two words or more
   * with no comma or full stop inside, and the sentence names a paper, its front page or what
   * it ran.
   */
  private quotedHeadline(quotation: Quotation): boolean {
    if (quotation.speech || quotation.last === quotation.first) return false
    const head = this.tokens[quotation.first]
    if (!head || !/^\p{Lu}/u.test(head.text)) return false
    for (let index = quotation.first + 1; index <= quotation.last; index++) if (/[,.;:!?]/.test(this.between(index - 1, index))) return false
    const before = this.tokens[quotation.first - 1]?.key ?? ''
    if (pressVerbs.has(before)) return true
    // Words someone spoke: `she told the newspaper “Junkies ruined his life”`.
    for (let index = Math.max(0, quotation.first - 4); index < quotation.first; index++) if (speechVerbs.has(this.tokens[index]?.key ?? '')) return false
    return this.tokens.some((token, index) => pressNouns.has(token.key) || (token.key === 'front' && /^pages?$/.test(this.tokens[index + 1]?.key ?? '')))
  }

  private mentionsHeadlines(): boolean {
    this.aboutHeadlines ??= this.tokens.some((token) => token.key.startsWith('headline'))
    return this.aboutHeadlines
  }

  /**
   * `junkies (to use the language of the time)`, `lunatics, as they were then called`,
   * `the street homeless, as earlier strategies called them`, `a successful suicide, in the
   * language of one textbook`: a parenthesis right after the term says whose word it is.
   */
  private trailingFrame(first: number, last: number): boolean {
    const at = (offset: number): string => this.tokens[last + offset]?.key ?? ''
    if (at(1) === 'to' && at(2) === 'use' && at(3) === 'the' && languageNouns.has(at(4))) return true
    // `common prostitutes (the term used at the time)`, `convicts (then the usual term)`: a
    // bracket right after the term that names it a word. (`The addicts (the term the paper
    // used) were moved on` still speaks of people, as an apposition would.)
    if (/^\s*[(\u2014\u2013]\s*$/.test(this.between(last, last + 1)) && !this.determined(first)) {
      for (let offset = 1; offset <= 4 && last + offset < this.tokens.length; offset++) {
        if (offset > 1 && this.tokens[last + offset]?.gapBefore) break
        if (languageNouns.has(at(offset)) || wordNouns.has(at(offset))) return true
      }
    }
    if (at(1) === 'in' && /^(?:the|their|his|her|its|our|my)$/.test(at(2)) && languageNouns.has(at(3)) && at(4) === 'of') return true
    if (at(1) === 'as' && /^(?:they|it|he|she|we|these|such)$/.test(at(2)) && /^(?:was|were|is|are)$/.test(at(3))) {
      const verb = /^(?:then|once|often|commonly|still|sometimes|usually)$/.test(at(4)) ? at(5) : at(4)
      return verb === 'called' || verb === 'known' || verb === 'labelled' || verb === 'labeled'
    }
    if (at(1) !== 'as' || !this.tokens[last + 1]?.gapBefore) return false
    // `, as <a subject of up to four words> [then] called (them)`: the naming verb ends the clause.
    for (let offset = 2; offset <= 7; offset++) {
      const word = at(offset)
      if (trailingNamingVerbs.has(word)) return offset > 2
      if (word === 'put' && at(offset + 1) === 'it') return offset > 2
      if (word === '' || this.tokens[last + offset]?.gapBefore) return false
    }
    return false
  }

  /**
   * `the label of HIV carrier`: a label noun and `of` right before the term. (`the name of
   * the addict` names a person, so `name` is not a label noun here.)
   */
  private labelBefore(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    const at = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
    return key(at) === 'of' && labelNouns.has(key(at - 1)) && !this.tokens[first]?.gapBefore
  }

  /** `the addict label`, `the “junkie” tag`: the term qualifies a noun that names it as a label. */
  private labelAfter(after: number): boolean {
    const next = this.tokens[after]
    return next !== undefined && labelNouns.has(next.key) && /^[\s"'\u201D\u2019]*$/.test(this.between(after - 1, after))
  }

  /**
   * `In the parlance of the 1980s, she was an AIDS victim`: the sentence opens on whose words
   * follow, closed by a comma before the term.
   */
  private leadingLanguage(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    if (key(0) !== 'in' || !/^(?:the|their|its|his|her|our)$/.test(key(1)) || !languageNouns.has(key(2)) || key(3) !== 'of') return false
    for (let index = 4; index < first && index < 12; index++) if (/,/.test(this.between(index - 1, index))) return true
    return false
  }

  /** A determiner opens the term or comes right before it: it names people (`the addicts`). */
  private determined(first: number): boolean {
    const determiner = /^(?:the|a|an|these|those|this|that|his|her|their|our|my|your|its)$/
    return determiner.test(this.tokens[first]?.key ?? '') || determiner.test(this.tokens[first - 1]?.key ?? '')
  }

  /** `housed, to use the language of the time, lunatics`. */
  private leadingParenthetical(first: number): boolean {
    let index = first - 1
    if (/^(?:a|an|the)$/.test(this.tokens[index]?.key ?? '')) index--
    while (index >= 0 && ofTheTime.has(this.tokens[index]?.key ?? '')) index--
    const key = (offset: number): string => this.tokens[index - offset]?.key ?? ''
    return languageNouns.has(key(0)) && key(1) === 'the' && key(2) === 'use' && key(3) === 'to'
  }

  /**
   * `Junkie is a slur`, `Addict is a loaded term`, `Junkie, crackhead and druggie are words we
   * never use`, `Addict is outdated`, `Junkie should be avoided`: the sentence opens on the term
   * (or a short list holding it) and calls it a word, judges it as only a word is judged, or
   * says what should become of it.
   */
  private namedAsWord(first: number, last: number): boolean {
    const {tokens} = this
    const listed = (from: number, to: number): boolean => {
      if (to - from >= 10) return false
      for (let index = from; index <= to; index++) if (/[.;:!?]/.test(this.between(index - 1, index)) && !quotedQuestion(index)) return false
      return true
    }
    // A quoted question is one item: `“Are you clean?” is a question many people dread`.
    const quotedQuestion = (index: number): boolean => /^[?!]["'\u201D\u2019]\s*$/.test(this.between(index - 1, index))
    // The term opens the sentence, or follows other items of a list that does.
    if (first > 0) {
      const inList = /^(?:and|or)$/.test(tokens[first - 1]?.key ?? '') || /,/.test(this.between(first - 1, first))
      if (!inList || !listed(1, first)) return false
    }
    const verbal = (index: number): boolean => copulas.has(tokens[index]?.key ?? '') || meaningVerbs.has(tokens[index]?.key ?? '') || /^(?:should|must)$/.test(tokens[index]?.key ?? '')
    let verb = last + 1
    while (verb < tokens.length && verb - last <= 10 && !verbal(verb)) verb++
    if (!verbal(verb) || !listed(last + 1, verb)) return false
    // Between the term and the verb, only more items of the list.
    if (verb > last + 1 && !/,/.test(this.between(last, last + 1)) && !/^(?:and|or)$/.test(tokens[last + 1]?.key ?? '')) return false
    // `Clean implies dirty`, `AIDS victim suggests helplessness`: only a word means something. A
    // determiner makes the subject a person (`The addict meant no harm`).
    if (meaningVerbs.has(tokens[verb]?.key ?? '')) return !/^(?:a|an|the|this|that|my|his|her|their|our|your)$/.test(tokens[0]?.key ?? '')
    if (!copulas.has(tokens[verb]?.key ?? '')) return this.adviceAfter(verb - 1)
    const key = (offset: number): string => tokens[verb + offset]?.key ?? ''
    // `is a slur`, `was once a legal term`: a word noun within four words of the verb, with no
    // punctuation between.
    for (let index = 1; index <= 4 && verb + index < tokens.length; index++) {
      if (tokens[verb + index]?.gapBefore) return false
      // `Junkie is a novel by William S. Burroughs`: a title, named.
      if (wordNouns.has(key(index)) || (first === 0 && this.namesTitle(verb, index))) return true
      // `Addict is outdated`: a judgement only a word earns, said of a term that is no plural
      // (`Junkies are offensive` may be said of people).
      if (wordJudgements.has(key(index)) && !/s$/.test(tokens[last]?.key ?? '')) return true
    }
    return false
  }

  /** `is a novel`, `was a 1953 novel`: right after the copula, an article and a title noun, one word between at most. */
  private namesTitle(verb: number, at: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    return titleNouns.has(key(at)) && /^(?:a|an)$/.test(key(verb + 1)) && at - verb <= 3
  }

  /**
   * `Junkie, crackhead and smackhead all reduce a person to a drug`, `Addict, abuser, junkie:
   * each of these words…`: the sentence opens on a list of singular nouns without a determiner,
   * two or more of them terms. A bare singular noun names the word, not a person.
   */
  private bareTermsOpen(first: number): boolean {
    const {tokens} = this
    const key = (index: number): string => tokens[index]?.key ?? ''
    let terms = 0
    let holdsMatch = false
    let start = 0
    for (let items = 0; items < 8 && start < tokens.length; items++) {
      if (/^(?:a|an|the|this|that|these|those|my|his|her|their|our|your|its)$/.test(key(start))) return false
      let end = start
      while (end - start < 2 && tokens[end + 1] && !tokens[end + 1]?.gapBefore && !/^(?:and|or)$/.test(key(end + 1))) end++
      if (/s$/.test(key(end))) return false
      // An item is a term when a match spans it exactly (`One junkie` holds a term but is none).
      if (this.isMatch(start, end) && !this.isMatch(start + 1, end) && !this.isMatch(start, end - 1)) terms++
      // The term opens its item; the last item may run on into the verb (`smackhead all reduce`).
      if (start === first) holdsMatch = true
      // The next item, after a comma or a conjunction; anything else ends the list.
      const separator = this.between(end, end + 1)
      let next = end + 1
      if (/^(?:and|or)$/.test(key(next)) && /^[\s,]*$/.test(separator)) next++
      else if (!/^\s*,\s*$/.test(separator)) break
      start = next
    }
    return holdsMatch && terms >= 2
  }

  /** `Junkie should be avoided`, `Crack baby should no longer be used`: right after token `last`. */
  private adviceAfter(last: number): boolean {
    const key = (offset: number): string => this.tokens[last + offset]?.key ?? ''
    if (!/^(?:should|must)$/.test(key(1)) || this.tokens[last + 1]?.gapBefore) return false
    let at = 2
    while (at < 4 && /^(?:not|never|no|longer)$/.test(key(at))) at++
    return key(at) === 'be' && wordFates.has(key(at + 1))
  }

  /**
   * `Don't say crack baby.`, `Never write addict; write person with addiction.`, `Instead of
   * AIDS test, say HIV test`, `Avoid junkie.`, `Never use addict.`: the term is the object of a
   * verb of saying or writing, of an imperative `avoid` or a negated `use`, or follows
   * `instead of` or `rather than`, and ends its clause (a clause after it, `residents say
   * junkies are everywhere`, makes it a use).
   */
  private saidAsWord(first: number, last: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    const before = key(first - 1)
    const next = this.tokens[last + 1]
    if (this.tokens[first]?.gapBefore) return false
    // `replaced addict with person who uses drugs`, `defines junkie as…`: the verb's object is the word.
    if (next && !next.gapBefore && ((replacingVerbs.has(before) && next.key === 'with') || (definingVerbs.has(before) && next.key === 'as'))) return true
    const frame =
      sayingVerbs.has(before) ||
      (before === 'of' && key(first - 2) === 'instead') ||
      (before === 'than' && key(first - 2) === 'rather') ||
      // `Avoid addict.`, `Never use junkie.`: an imperative about the word.
      (before === 'avoid' && first === 1) ||
      (before === 'use' && negations.has(key(first - 2))) ||
      // `Say person who uses drugs, not junkie.`: the word a style rule (an imperative opening the
      // sentence or following a colon) sets aside.
      this.setAside(first)
    if (!frame) return false
    return !next || next.gapBefore || /^(?:instead|or|rather)$/.test(next.key)
  }

  /** A style rule opens at token `at`: an imperative (`say …`) or its writer's own (`we say …`). */
  private styleRuleOpens(at: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    const verb = /^(?:we|i)$/.test(key(at)) ? at + 1 : at
    return /^(?:say|write|use|prefer)$/.test(key(verb))
  }

  /**
   * `The AIDS test was renamed the HIV test`, `Junkies are now called people who use drugs`: the
   * sentence opens on the term (an article before it at most), and says it was renamed. (`The
   * addict was called in` and `the addicts became known as regulars` say nothing of the word.)
   */
  private renamed(first: number, last: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    if (first > 1 || (first === 1 && !/^(?:the|a|an)$/.test(key(0)))) return false
    let at = last + 1
    if (/^(?:was|were|is|are|has|have|had)$/.test(key(at))) at++
    if (key(at) === 'been' || key(at) === 'later') at++
    if (key(at) === 'renamed') return true
    // `called` with a particle summons someone (`are now called in one by one`).
    const called = key(at + 1) === 'called' && !/^(?:in|up|out|back|to|on|for|away|off|over|upon|into)$/.test(key(at + 2))
    return key(at) === 'now' && (called || (key(at + 1) === 'known' && key(at + 2) === 'as'))
  }

  /**
   * `Say person who uses drugs, not junkie.`, `Doctors call it an HIV test, not an AIDS test.`:
   * after a comma and `not` (and an article), the wording that a style rule or a verb of calling
   * sets aside.
   */
  private setAside(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    const not = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
    if (!/^(?:not|never)$/.test(key(not)) || !/,/.test(this.between(not - 1, not))) return false
    const start = this.clauseStart(not)
    return this.styleRuleOpens(start) || this.namesBefore(start, not)
  }

  /**
   * A verb of calling in the clause before the contrast: `Doctors call it an HIV test, not an AIDS
   * test`. (`She is a mother, not an addict` names no wording, and stays a use.)
   */
  private namesBefore(from: number, to: number): boolean {
    for (let index = from; index < to; index++) if (callingVerbs.has(this.tokens[index]?.key ?? '') || /^(?:called|says|writes|prefers|uses)$/.test(this.tokens[index]?.key ?? '')) return true
    return false
  }

  /** The first token of the clause holding token `at`: after the last colon before it, else the sentence's first. */
  private clauseStart(at: number): number {
    for (let index = at; index > 0; index--) if (this.between(index - 1, index).includes(':')) return index
    return 0
  }

  /**
   * A glossary's mapping from one wording to another: `addict → person with addiction`, `*got
   * clean* → *stopped using drugs*`, `"drug abusers" -> "people who use drugs"`. An arrow right
   * after the term (or its quotation) or right before it makes both sides words.
   */
  private besideArrow(start: number, end: number): boolean {
    const tail = this.tokens[end]
    // After the sentence's last word, the marks attached to it (`“junkie” →` ends no sentence);
    // nothing before its first word, which lies in another sentence or block (an HTML comment's `-->`).
    const after = end + 1 < this.tokens.length ? this.between(end, end + 1) : tail ? this.text.slice(tail.end, tail.end + 8).split('\n')[0] ?? '' : ''
    const before = start > 0 ? this.between(start - 1, start) : ''
    return arrow.test(after.replace(/^[\s"'*_\u201D\u2019)]*/, '')) || arrowBefore.test(before.replace(/[\s"'*_\u201C\u2018(]*$/, ''))
  }

  /**
   * A label someone rejects: `He refuses to be called an AIDS sufferer`, `She does not want to
   * be described as HIV-infected`, `objected to being described as an ex-con`, `Nobody wants to
   * be known as a junkie`. A passive of naming after `be` or `being`, with a word of refusal or a
   * negation a few words before it. (`Being called a junkie made him stop going` rejects nothing:
   * a use.)
   */
  private labelRejected(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    let at = first - 1
    if (/^(?:a|an)$/.test(key(at))) at--
    if (key(at) === 'as') {
      at--
      if (key(at) === 'to' && /^(?:referred|spoken)$/.test(key(at - 1))) at--
      if (!/^(?:described|referred|known|seen|labelled|labeled|branded|portrayed|spoken)$/.test(key(at))) return false
    } else if (!/^(?:called|labelled|labeled|branded|dubbed|termed)$/.test(key(at))) return false
    if (!/^(?:be|being)$/.test(key(at - 1))) return false
    // Nothing but opening quotation marks between the verb and the term.
    for (let index = at + 1; index <= first; index++) if (!/^[\s"'\u201C\u2018]*$/.test(this.between(index - 1, index))) return false
    for (let index = at - 2; index >= Math.max(0, at - 6); index--) if (rejections.has(key(index)) || negations.has(key(index))) return true
    return false
  }

  /**
   * What others speak of, or a bare singular term opening the sentence, then called a word in an
   * apposition: `Older reports speak of AIDS orphans, a phrase many agencies now avoid`, `Crack
   * baby, a term coined in 1986, is now rejected`. (`The addicts, a term the paper used, were
   * moved on` still uses the term of people.)
   */
  private wordInApposition(first: number, last: number): boolean {
    const key = (offset: number): string => this.tokens[last + offset]?.key ?? ''
    const before = (offset: number): string => this.tokens[first - offset]?.key ?? ''
    // Or a bare singular term opens the sentence: `Crack baby, a term coined in 1986, is now rejected`.
    const opens = first === 0 && !/s$/.test(key(0))
    if (!opens && (!/^(?:of|about|to)$/.test(before(1)) || !/^(?:speak|speaks|spoke|spoken|talk|talks|talked|write|writes|wrote|written|refer|refers|referred)$/.test(before(2)))) return false
    // Past more items of a list: `speak of lunatics and imbeciles, terms now retired`.
    let end = last
    if (/^(?:and|or)$/.test(key(1))) {
      end = last + 2
      while (end - last < 4 && this.tokens[end + 1] && !this.tokens[end + 1]?.gapBefore) end++
    }
    if (!/^[\s"'\u201D\u2019]*,\s*$/.test(this.between(end, end + 1))) return false
    const noun = (offset: number): string => this.tokens[end + offset]?.key ?? ''
    const at = /^(?:a|an|the|that|this)$/.test(noun(1)) ? 2 : 1
    return wordNouns.has(noun(at)) || (frameAdjectives.test(noun(at)) && wordNouns.has(noun(at + 1)))
  }

  /** A question about the word: `Is inmate an offensive word?`, `Is addict still acceptable?`, `What does full-blown AIDS mean?`. */
  private askedAsWord(first: number, last: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    if (key(last + 1) === 'mean' && /^(?:does|did|do)$/.test(key(first - 1)) && key(first - 2) === 'what') return true
    if (first !== 1 || !/^(?:is|was|isn't)$/.test(key(0))) return false
    const next = this.tokens[last + 1]
    // Only a closing mark may come between (`Is “HIV sufferer” offensive?`).
    if (!next || (next.gapBefore && !next.quoteBefore)) return false
    for (let index = last + 1; index <= last + 4 && index < this.tokens.length; index++) {
      if (index > last + 1 && this.tokens[index]?.gapBefore) return false
      if (wordNouns.has(key(index)) || wordJudgements.has(key(index)) || /^(?:acceptable|okay|ok)$/.test(key(index))) return true
    }
    return false
  }

  /** `There is no such thing as an AIDS test`: a term denied a referent is held up as a wrong word. */
  private deniedAsThing(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    const at = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
    return key(at) === 'as' && key(at - 1) === 'thing' && key(at - 2) === 'such' && key(at - 3) === 'no'
  }

  /**
   * A verb that handles words, with the bare term as its object and what it is taken as after it:
   * `guidelines reject HIV-infected as a description of people`, `adopted addict as a term`.
   */
  private handledAs(first: number, last: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    if (!wordUseVerbs.has(key(first - 1)) || this.tokens[first]?.gapBefore || key(last + 1) !== 'as' || this.tokens[last + 1]?.gapBefore) return false
    const noun = /^(?:a|an|the)$/.test(key(last + 2)) ? key(last + 3) : key(last + 2)
    return wordNouns.has(noun) || /^(?:description|descriptions|name|names)$/.test(noun)
  }

  /**
   * The word's own history, with the term opening the sentence: `Junkie entered the language in
   * the 1920s`, `Crack baby was coined in 1985`, `Junkie comes from junk`.
   */
  private wordHistory(first: number, last: number): boolean {
    if (first !== 0) return false
    const key = (offset: number): string => this.tokens[last + offset]?.key ?? ''
    if (this.tokens[last + 1]?.gapBefore) return false
    if (/^(?:entered|enters)$/.test(key(1))) return /^(?:language|dictionary|lexicon|vocabulary|english)$/.test(key(2) === 'the' ? key(3) : key(2))
    if (/^(?:was|were)$/.test(key(1))) return key(2) === 'coined' || (key(2) === 'first' && /^(?:used|recorded|coined)$/.test(key(3)))
    // `Addicts came from all over the city` is people: only a singular, in the present or `derived`.
    return /^(?:comes|derives|derived)$/.test(key(1)) && key(2) === 'from' && !/s$/.test(this.tokens[last]?.key ?? '')
  }

  /**
   * Advice not to call people the term: `Don't describe people as schizophrenics`, `never call
   * them junkies`, `avoid referring to clients as addicts`, `never describe a family member as
   * an addict`. A negation or `avoid` before a verb of calling or describing, its object, and
   * the term (after `as` where the verb takes it).
   */
  private advisedAgainst(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    let at = first - 1
    if (key(at) === 'a' || key(at) === 'an' || key(at) === 'the') at--
    const afterAs = key(at) === 'as'
    if (afterAs) at--
    // The object: a word such as `people` or `anyone`, or, before `as`, a noun phrase of up to
    // three words (`describe a family member as an addict`), with no punctuation inside.
    if (adviceObjects.has(key(at))) {
      at--
      if (key(at) === 'a' || key(at) === 'the') at--
    } else if (!afterAs) return false
    else {
      let words = 0
      while (words < 3 && at > 0 && !this.tokens[at + 1]?.gapBefore && !describingVerbs.has(key(at))) {
        at--
        words++
      }
      if (words === 0 || this.tokens[at + 1]?.gapBefore) return false
    }
    if (key(at) === 'to' && /^refer/.test(key(at - 1))) at--
    if (!describingVerbs.has(key(at))) return false
    for (let index = at - 1; index >= Math.max(0, at - 3); index--) if (negations.has(key(index))) return true
    return false
  }

  /**
   * The act of labelling discussed in general rather than done to someone: `what it means to
   * call someone an addict`, `Referring to someone as a schizophrenic reduces them to a
   * diagnosis`, `when a source calls someone a nutter`, `prefer to call themselves alcoholics`.
   * The verb of naming has anyone as its object (`someone`, `people`, `themselves`). A label
   * given to someone in particular stays a use (`the tabloid called him a coke-head`, `being
   * called a junkie made him stop going`).
   */
  private labellingInGeneral(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    let at = first - 1
    if (/^(?:a|an)$/.test(key(at))) at--
    if (key(at) === 'as') at--
    if (!anyoneObjects.has(key(at))) return this.namingAnyOne(at, first)
    at--
    if (key(at) === 'to') at--
    if (!generalNaming.has(key(at))) return false
    const start = key(at - 1) === 'to' ? at - 1 : at
    // Nothing but opening quotation marks inside the frame.
    for (let index = start + 1; index <= first; index++) if (!/^[\s"'\u201C\u2018]*$/.test(this.between(index - 1, index))) return false
    return true
  }

  /**
   * `Calling a released prisoner an ex-offender keeps them tied to their crime`: a gerund of
   * naming opens the sentence, and its object is anyone of a kind (an indefinite noun phrase of up
   * to three words ending at token `end`). `Calling him an addict was unfair` names someone.
   */
  private namingAnyOne(end: number, first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    for (let article = end; article >= Math.max(1, end - 2); article--) {
      if (!/^(?:a|an)$/.test(key(article))) continue
      if (article - 1 !== 0 || !generalNaming.has(key(0)) || !key(0).endsWith('ing')) return false
      for (let index = 1; index <= first; index++) if (!/^[\s"'\u201C\u2018]*$/.test(this.between(index - 1, index))) return false
      return true
    }
    return false
  }

  /**
   * `what the Victorians called lunatics`, `what were then called lunatics`: the term names
   * a category in someone else's words.
   */
  private whatWasCalled(first: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    if (!namingVerbs.has(key(first - 1)) || this.tokens[first]?.gapBefore) return false
    for (let index = first - 2; index >= Math.max(0, first - 7); index--) {
      if (key(index) === 'what') return true
      if (this.tokens[index + 1]?.gapBefore) return false
    }
    return false
  }

  /**
   * A glossary or style-guide entry: the sentence opens on the term, a colon or a dash follows
   * it, and the entry gives advice about words (`AIDS victim – avoid; use person living with
   * HIV`, `Junkie: a slang term for…`).
   */
  private glossaryEntry(first: number, last: number): boolean {
    if (first !== 0) return false
    const gap = this.between(last, last + 1)
    if (!/^\s*(?::|[\u2013\u2014]|\s-)\s*$/.test(gap) && !/^\s*[:\u2013\u2014]/.test(gap)) return false
    return this.tokens.slice(last + 1).some((token) => adviceWords.has(token.key))
  }

  /**
   * One of two or more short quoted phrases joined by `and`, `or` or commas: phrases held up
   * as phrases (`newspapers wrote about 'AIDS victims' and 'innocent victims'`).
   */
  private quotedListItem(quotation: Quotation): boolean {
    if (quotation.speech || quotation.last - quotation.first > 3) return false
    const joined = (end: number, start: number): boolean => {
      const join = this.tokens[end + 1]?.key
      // `“addict” or “junkie”`, `a “substance abuser” or a “person with…”`.
      const article = end + 3 === start && /^(?:a|an|the)$/.test(this.tokens[end + 2]?.key ?? '')
      if ((join === 'and' || join === 'or') && (end + 2 === start || article)) return true
      return end + 1 === start && /,/.test(this.between(end, start))
    }
    this.quotations ??= readQuotations(this.tokens, this.text)
    return this.quotations.some(
      // The other phrase may be a longer alternative: `“substance abuser” and “person with a substance use disorder”`.
      (other) => other !== quotation && !other.speech && other.last - other.first <= 6 && (joined(other.last, quotation.first) || joined(quotation.last, other.first))
    )
  }

  /**
   * The term is an item of a list that a frame after it names as words: `lists AIDS victim,
   * HIV carrier and full-blown AIDS as terms to avoid`, `addict, junkie and user are words…`.
   * Walk forward item by item to the frame.
   */
  private listEndsInFrame(last: number): boolean {
    const {tokens} = this
    let end = last
    for (let items = 0; items < 8; items++) {
      const key = (index: number): string => tokens[index]?.key ?? ''
      if (key(end + 1) === 'as' && (frameNouns.has(key(end + 2)) || frameNouns.has(key(end + 3)))) return items > 0 || frameNouns.has(key(end + 2)) || /^(?:a|an|the)$/.test(key(end + 2))
      let start = end + 1
      const join = key(start)
      if (join === 'and' || join === 'or') start++
      else if (!/^[\s,;/\u201D\u2019"']*,[\s\u201C\u2018"']*$/.test(this.between(end, start))) return false
      if (start >= tokens.length) return false
      // The next item: up to three words, up to a separator or `as`.
      end = start
      while (end - start < 2 && end + 1 < tokens.length && !tokens[end + 1]?.gapBefore && !/^(?:and|or|as)$/.test(key(end + 1))) end++
    }
    return false
  }

  /**
   * The match is an item of a list (or the only item) that a frame introduces: `the word
   * junkie`, `terms such as addict, junkie and user`, `labels like “addict”`, `so-called
   * junkies`, `a practice called “…”`, `the film “…”`. Walk back item by item to the frame.
   */
  private listedAfterFrame(first: number, last: number, quotation: Quotation | undefined): boolean {
    const {tokens} = this
    let start = quotation?.first ?? first
    // The item may start with a hyphenated prefix the term does not hold (`ex-prisoner`).
    while (!quotation && start > 0 && !this.tokens[start]?.gapBefore && this.between(start - 1, start) === '-') start--
    let quoted = quotation !== undefined
    // A later unquoted item needs evidence of a list of words: it ends the list, or another
    // item is quoted or a term too ("words like hope, and addicts responded" is no list).
    let listLike = quoted || this.endsItem(last)
    for (let items = 0; items < 8; items++) {
      const before = start - 1
      if (before < 0) return false
      if (this.frameEndsAt(before, start, quoted)) return items === 0 || listLike
      // A bare plural frame takes a list, or one phrase that a singular noun ends: `the words
      // junkie and crackhead`, `the words AIDS victim appeared`; `the words addicts hear` is a clause.
      if (!quoted && this.pluralFrameEndsAt(before, start)) return items === 0 ? this.listFollows(last) || (last > first && !/s$/.test(tokens[last]?.key ?? '')) : listLike
      let end = before
      const join = tokens[before]?.key
      if (join === 'and' || join === 'or' || join === 'nor') end = before - 1
      else if (!/[,;/]/.test(this.between(before, start))) return false
      if (end < 0) return false
      const previous = this.quotationEndingAt(end)
      if (previous) {
        start = previous.first
        quoted = true
        listLike = true
        continue
      }
      // An unquoted item: up to three words, stopping at a frame or a list separator.
      let itemStart = end
      while (itemStart > 0 && end - itemStart < 2 && !tokens[itemStart]?.gapBefore && !this.frameEndsAt(itemStart - 1, itemStart, false) && !this.pluralFrameEndsAt(itemStart - 1, itemStart)) {
        const key = tokens[itemStart - 1]?.key
        if (key === 'and' || key === 'or' || key === 'nor') break
        itemStart--
      }
      // An item is a term, not a clause: `the word junkie hurts, and junkies know it` holds
      // a term that is followed by more words, so what follows it is no list of words.
      if (this.isMatch(itemStart, end)) {
        if (!this.matchEndsAt(itemStart, end)) return false
        listLike = true
      }
      start = itemStart
      quoted = false
    }
    return false
  }

  /** Whether a match within tokens `from` to `to` ends at `to`: the item is the term itself. */
  private matchEndsAt(from: number, to: number): boolean {
    for (let start = to; start >= from; start--) if (this.isMatch(start, to)) return !this.isMatch(start, to - 1)
    return false
  }

  /**
   * `the word`, `the offensive term`, `this outdated label`: a determiner before a singular frame
   * noun, with up to two adjectives between (no punctuation), as the tagger or the word's ending
   * reads them.
   */
  private determinedFrame(at: number): boolean {
    const key = (index: number): string => this.tokens[index]?.key ?? ''
    for (let index = at - 1; index >= Math.max(0, at - 3); index--) {
      if (/^(?:the|this|that)$/.test(key(index))) return true
      if (this.tokens[index + 1]?.gapBefore || !frameAdjectives.test(key(index))) return false
    }
    return false
  }

  /** `the words`, `these terms`: a determined plural frame noun right before item `item`. */
  private pluralFrameEndsAt(at: number, item: number): boolean {
    const {tokens} = this
    return pluralFrameNouns.has(tokens[at]?.key ?? '') && /^(?:the|these|those)$/.test(tokens[at - 1]?.key ?? '') && !tokens[item]?.gapBefore
  }

  /** Another item follows the match: a conjunction or a list separator. */
  private listFollows(last: number): boolean {
    const next = this.tokens[last + 1]
    if (!next) return false
    if (next.key === 'and' || next.key === 'or' || next.key === 'nor') return true
    return /^[,;/]$/.test(this.between(last, last + 1).trim())
  }

  /** The match ends its list: punctuation or the end of the sentence follows it. */
  private endsItem(last: number): boolean {
    const next = this.tokens[last + 1]
    return !next || next.gapBefore
  }

  /** Whether the tokens up to `at` close a frame that introduces the item starting at `item`. */
  private frameEndsAt(at: number, item: number, quoted: boolean): boolean {
    const {tokens} = this
    const key = (index: number): string => tokens[index]?.key ?? ''
    const word = key(at)
    // Most words end no frame: decide that before reading any punctuation.
    if (!frameWords.has(word) && key(at - 1) !== 'called') return false
    const gap = this.between(at, item)
    if (gap.includes(':') && (frameNouns.has(word) || colonFrames.has(word))) return true
    // Only white space, quotation marks and (for a quoted item) a comma or colon may come between.
    // A bare list may open with a bracket after a frame noun: `words (junkie, crackhead) that…`.
    if (!quoted && frameNouns.has(word) && /^\s*\(\s*$/.test(gap)) return true
    const plain = quoted ? /^[\s,:(\u2014\u2013-]*$/.test(gap.replace(quoteMarks, '')) : !tokens[item]?.gapBefore
    if (!plain) return false
    if (word === 'like') return frameNouns.has(key(at - 1))
    // `terms to avoid, including lunatic and maniac`: a plural frame noun a few words back.
    if (word === 'including' || word === 'include' || word === 'includes' || word === 'included') return frameNouns.has(key(at - 1)) || [2, 3, 4].some((offset) => pluralFrameNouns.has(key(at - offset)))
    // `Among the words to avoid are addict, junkie and crackhead`: the list after a copula, the
    // plural frame noun a few words back (not right before it: `the words are addicts'`).
    if (word === 'are' || word === 'were') return [2, 3, 4].some((offset) => pluralFrameNouns.has(key(at - offset))) && (this.listFollows(item) || this.listFollows(item + 1))
    if (word === 'as' && key(at - 1) === 'such') return frameNouns.has(key(at - 2))
    if (word === 'as' && frameNouns.has(key(at - 1)) && key(at - 2) === 'such') return true
    if (word === 'called' && key(at - 1) === 'so') return true
    if (key(at - 1) === 'called' && key(at - 2) === 'so' && !tokens[at]?.gapBefore) return true
    if (frameNouns.has(word)) return quoted || (singularFrameNouns.has(word) && this.determinedFrame(at))
    if (!quoted) return false
    if (titleNouns.has(word) || namingVerbs.has(word)) return true
    return word === 'as' && (key(at - 1) === 'known' || (key(at - 1) === 'to' && key(at - 2) === 'referred'))
  }


  /** The source between token `at` and token `item`. */
  private between(at: number, item: number): string {
    const before = this.tokens[at]
    const after = this.tokens[item]
    // Before the first word or after the last, nothing of this sentence lies between.
    return before && after ? cleanGap(this.text.slice(before.end, after.start)) : ''
  }
}
