import {functionWords} from './title-case.js'
import {anyoneObjects, callingVerbs, complaints, conceptNouns, copulas, frameNouns, labelNouns, namingVerbs, objectPronouns, pluralFrameNouns, pressNouns, pressVerbs, speechVerbs, wordUseVerbs} from './mention-words.js'
import {type Quotation} from './sentence-quotations.js'
import type {MentionText} from './mention-text.js'

/**
 * Mention frames read from quotation marks: scare quotes round one word, a quoted phrase after a
 * verb that handles words, a quoted title or headline, and quoted phrases listed together.
 */

/** One word in quotation marks, not a quoted exclamation or a reply. */
export function isScareQuote(s: MentionText, quotation: Quotation): boolean {
  const {tokens} = s
  const head = tokens[quotation.first]
  const tail = tokens[quotation.last]
  if (!head || !tail || quotation.speech) return false
  return !/\s/.test(s.text.slice(head.start, tail.end))
}

/**
 * Quotation marks round nothing but two terms or more and the words that join them: the
 * writer holds up a category as someone else's words (`the workhouse admitted “tramps and
 * vagrants”`).
 */
export function quotesOnlyTerms(s: MentionText, quotation: Quotation): boolean {
  if (quotation.speech) return false
  let terms = 0
  let joined = true
  let index = quotation.first
  while (index <= quotation.last) {
    // The shortest range from here that holds a match, and the match starts here.
    let end = index
    while (end <= quotation.last && !s.isMatch(index, end)) end++
    // Terms side by side make one phrase (`“AIDS-infected junkies”`), not a list: a joining word or a comma comes between.
    if (end <= quotation.last && !s.isMatch(index + 1, end) && (joined || /,/.test(s.between(index - 1, index)))) {
      terms++
      joined = false
      index = end + 1
    } else if (/^(?:and|or|nor)$/.test(s.tokens[index]?.key ?? '')) {
      joined = true
      index++
    } else return false
  }
  return terms >= 2
}

/**
 * Quotation marks round exactly a term of several words, and nothing else: the phrase held
 * up as a phrase (`we no longer say “committed suicide”`, `replace “substance abuse”`).
 */
export function quotesOnlyTheTerm(s: MentionText, quotation: Quotation, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  // The quotation may hold the term's article too (`writing “an alcoholic”`), and run on past
  // the flagged words into the rest of the term's phrase (`instead of “abusing drugs”` flags
  // only the verb).
  // Or an article and one word before the term (`described her as “a former prostitute”`).
  const open =
    quotation.first === first - 1 && /^(?:a|an|the|this|that)$/.test(key(first - 1))
      ? first - 1
      : quotation.first === first - 2 && /^(?:a|an|the)$/.test(key(first - 2)) && !s.tokens[first - 1]?.gapBefore
        ? first - 2
        : first
  if (quotation.speech || quotation.first !== open || quotation.last < last || quotation.last - last > 2) return false
  // Only after a verb that handles words (`say`, `replace`, `called them`): a quoted phrase
  // elsewhere is someone's use, reported as quoted (`called the mix “strangely schizophrenic”`).
  // The quoted phrase is the sentence's subject: `“AIDS victim” implies powerlessness`
  // (with an article, `“An addict” was found`, it is a person).
  if (open === 0) return open === first
  const before = key(open - 1)
  if (wordUseVerbs.has(before) || (before === 'of' && key(open - 2) === 'instead')) return true
  // `A reader complained that the paper had said the singer “committed suicide”`, `withdrew
  // costumes sold as “mental patient” outfits after complaints`: a complaint in the sentence is
  // about the wording.
  if (s.tokens.some((token) => complaints.has(token.key))) return true
  // `mentions of “illegal immigrants”`, `the use of “committed suicide”`, `references to “AIDS victims”`.
  if ((before === 'of' || before === 'to') && /^(?:mention|mentions|use|uses|usage|reference|references|occurrence|occurrences|instance|instances|frequency|count|counts)$/.test(key(open - 2))) return true
  // `because it referred to “the mentally ill”`, `the jibe about “replacing one drug with another”`.
  if (before === 'to' && /^(?:referred|refers|referring|refer)$/.test(key(open - 2)) && s.tokens.some((token) => complaints.has(token.key))) return true
  if (before === 'about' && /^(?:jibe|jibes|joke|jokes|quip|quips|taunt|taunts|myth|myths|cliche|cliché|claim|claims)$/.test(key(open - 2))) return true
  // `the language of “drug abuse”`, `the notion of “full-blown AIDS”`: a frame, label or idea noun and `of`.
  if (before === 'of' && (frameNouns.has(key(open - 2)) || labelNouns.has(key(open - 2)) || conceptNouns.has(key(open - 2)))) return true
  // `'the homeless' became common as a collective noun`: the phrase's grammar is spoken of.
  if (grammarAfter(s, quotation.last)) return true
  // `the word “abuse” in “substance abuse”`: a quoted word's place in a quoted phrase.
  if (before === 'in' && s.quotationEndingAt(open - 2)) return true
  // `“drogadicto” is usually translated as “drug addict”`: a translation, word for word.
  // An adverb may come between, set off by commas or not (`rendered, misleadingly, as “drug addict”`).
  if (before === 'as' && (translated(key(open - 2)) || (/ly$/.test(key(open - 2)) && translated(key(open - 3))))) return true
  // `“person without a home” was preferred to “the homeless”`, `wrote “HIV test” rather than “AIDS test”`.
  if ((before === 'to' && /^(?:preferred|prefer|prefers|preferable)$/.test(key(open - 2))) || (before === 'than' && key(open - 2) === 'rather')) return true
  // `object to “AIDS orphans”`, `objections to “clean”`: a wording objected to.
  if (before === 'to' && /^(?:object|objects|objected|objecting|objection|objections)$/.test(key(open - 2))) return true
  // `write “HIV test”, never “AIDS test”`: one quoted wording set against another.
  if (/^(?:not|never)$/.test(before) && s.quotationEndingAt(open - 2)) return true
  // `There is no “AIDS test”`: a quoted term denied a referent is held up as a wrong word.
  if (before === 'no' && /^(?:is|was|are|were)$/.test(key(open - 2)) && key(open - 3) === 'there') return true
  // `Saying a baby was “born addicted” blames the mother`: a gerund of saying opens the sentence.
  if (open <= 6 && /^(?:saying|calling|writing|describing)$/.test(key(0))) return true
  // `search for “AIDS victim” in the archive`: the words looked up.
  if (before === 'for' && /^search(?:es|ed|ing)?$/.test(key(open - 2))) return true
  // `other papers spoke of “AIDS victims”`, `wrote about “junkies”`: others' words, reported.
  // An adverb may come between (`magistrates spoke routinely of “habitual drunkards”`).
  const spoke = (word: string): boolean => /^(?:speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking|write|writes|wrote|written|writing)$/.test(word)
  if (/^(?:of|about)$/.test(before) && (spoke(key(open - 2)) || (/ly$/.test(key(open - 2)) && spoke(key(open - 3))))) return true
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

  // `called it a “junkie tax”`, `called her a “hooker”`: an article inside the naming.
  if (/^(?:a|an)$/.test(before) && objectPronouns.has(key(open - 2)) && (namingVerbs.has(key(open - 3)) || callingVerbs.has(key(open - 3)))) return true
  // `want “committed suicide” struck from style guides`: what is to become of the words.
  // (`“illegal immigrant” was changed to “undocumented migrant”`: what became of them, passive.)
  // `take “the mentally ill” out of the strategy`: the words removed from a text.
  if (/^(?:take|takes|took|taken|taking|leave|leaves|left|keep|keeps|kept)$/.test(before) && key(quotation.last + 1) === 'out' && key(quotation.last + 2) === 'of') return true
  // Past auxiliaries: `“injecting drug users” would be replaced with…`.
  let fate = quotation.last + 1
  while (fate - quotation.last <= 3 && /^(?:was|were|is|are|be|been|being|would|will|should|must|could|can|may|might|has|have|had|to)$/.test(key(fate))) fate++
  if (/^(?:struck|removed|dropped|banned|replaced|retired|deleted|erased|scrapped|changed|amended)$/.test(key(fate)) && /^[\s"'\u201D\u2019]*$/.test(s.between(quotation.last, quotation.last + 1))) return true
  // `Should “parked on methadone” be added to the list of banned phrases?`
  for (let index = quotation.last + 1; index < s.tokens.length - 1; index++) if (key(index) === 'list' && key(index + 1) === 'of' && [2, 3, 4].some((offset) => pluralFrameNouns.has(key(index + offset)))) return true
  // `calling a cold day “bipolar weather”`: a verb of calling, its object of up to three words between.
  for (let index = open - 2; index >= Math.max(0, open - 4); index--) {
    if (s.tokens[index + 1]?.gapBefore) return false
    if (callingVerbs.has(key(index))) return true
  }
  return false
}

/** A quoted title: two content words or more, every one capitalised (`“Crack Babies Grow Up”`). */
export function isQuotedTitle(s: MentionText, quotation: Quotation): boolean {
  let content = 0
  for (let index = quotation.first; index <= quotation.last; index++) {
    const token = s.tokens[index]
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
export function quotedHeadline(s: MentionText, quotation: Quotation): boolean {
  if (quotation.speech || quotation.last === quotation.first) return false
  const head = s.tokens[quotation.first]
  if (!head || !/^\p{Lu}/u.test(head.text)) return false
  for (let index = quotation.first + 1; index <= quotation.last; index++) if (/[,.;:!?]/.test(s.between(index - 1, index))) return false
  const before = s.tokens[quotation.first - 1]?.key ?? ''
  if (pressVerbs.has(before)) return true
  // Words someone spoke: `she told the newspaper “Junkies ruined his life”`.
  for (let index = Math.max(0, quotation.first - 4); index < quotation.first; index++) if (speechVerbs.has(s.tokens[index]?.key ?? '')) return false
  return s.tokens.some((token, index) => pressNouns.has(token.key) || (token.key === 'front' && /^pages?$/.test(s.tokens[index + 1]?.key ?? '')))
}

/**
 * One of two or more short quoted phrases joined by `and`, `or` or commas: phrases held up
 * as phrases (`newspapers wrote about 'AIDS victims' and 'innocent victims'`).
 */
export function quotedListItem(s: MentionText, quotation: Quotation): boolean {
  if (quotation.speech || quotation.last - quotation.first > 5) return false
  // Words someone said or shouted, one after another, are speech: `He said “you junkie” and “get
  // out”`. (What a text says is wording: `The handout says “streetwalker” and “working girl” are out`.)
  const spoken = (first: number): boolean => [1, 2, 3].some((offset) => /^(?:said|told|asked|added|replied|explained|shouted|yelled|screamed|muttered|snapped|hissed|spat)$/.test(s.tokens[first - offset]?.key ?? ''))
  const joined = (end: number, start: number): boolean => {
    const join = s.tokens[end + 1]?.key
    // `“addict” or “junkie”`, `a “substance abuser” or a “person with…”`.
    // The second may repeat a preposition or bring an article: `as “a schizophrenic” or as “a man with schizophrenia”`.
    const article = end + 3 === start && /^(?:a|an|the|as|to|with)$/.test(s.tokens[end + 2]?.key ?? '')
    if ((join === 'and' || join === 'or') && (end + 2 === start || article)) return true
    // One wording for another: `moved away from “AIDS victims” towards “people living with HIV”`.
    if ((join === 'to' || join === 'towards') && end + 2 === start) return true
    return end + 1 === start && /,/.test(s.between(end, start))
  }
  return s.quotations().some(
    // The other phrase may be a longer alternative: `“substance abuser” and “person with a substance use disorder”`.
    (other) =>
      other !== quotation &&
      !other.speech &&
      other.last - other.first <= 6 &&
      !spoken(Math.min(other.first, quotation.first)) &&
      (joined(other.last, quotation.first) || joined(quotation.last, other.first))
  )
}

const translated = (word: string): boolean => /^(?:translated|translates|translate|translating|rendered|renders|glossed)$/.test(word)

/** A word of grammar within six words after the quotation, in its clause: `… became common as a collective noun`. */
function grammarAfter(s: MentionText, last: number): boolean {
  for (let index = last + 1; index <= last + 6 && index < s.tokens.length; index++) {
    if (/[.;:!?]/.test(s.between(index - 1, index))) return false
    if (/^(?:noun|nouns|adjective|adjectives|verb|verbs|pronoun|pronouns|adverb|adverbs)$/.test(s.tokens[index]?.key ?? '')) return true
  }
  return false
}
