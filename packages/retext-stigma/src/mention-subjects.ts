import {bearingVerbs, connotationNouns, copulas, frameAdjectives, frameNouns, meaningVerbs, titleNouns, wordFates, wordJudgements, wordNouns, wordUseVerbs} from './mention-words.js'
import type {MentionText} from './mention-text.js'

/**
 * Mention frames where the sentence speaks of the term as a word: `Junkie is a slur`, `Is addict
 * offensive?`, `The AIDS test was renamed`, a word's history.
 */

/** One-word openers that say when, before a comma: not list items. */
const timeWords = new Set('yesterday today tonight now then once later recently sometimes often meanwhile afterwards originally historically traditionally'.split(' '))

/**
 * `Junkie is a slur`, `Addict is a loaded term`, `Junkie, crackhead and druggie are words we
 * never use`, `Addict is outdated`, `Junkie should be avoided`: the sentence opens on the term
 * (or a short list holding it) and calls it a word, judges it as only a word is judged, or
 * says what should become of it.
 */
export function namedAsWord(s: MentionText, first: number, last: number): boolean {
  const {tokens} = s
  const listed = (from: number, to: number): boolean => {
    if (to - from >= 10) return false
    for (let index = from; index <= to; index++) if (/[.;:!?]/.test(s.between(index - 1, index)) && !quotedQuestion(index)) return false
    return true
  }
  // A quoted question is one item: `“Are you clean?” is a question many people dread`.
  const quotedQuestion = (index: number): boolean => /^[?!]["'\u201D\u2019]\s*$/.test(s.between(index - 1, index))
  // The term opens the sentence, or follows other items of a list that does: the item before it
  // is a term too, or one word opening the sentence (`Waster, junkie and scrounger are slurs`, not
  // `Forty years ago, an AIDS test meant a wait` or `Yesterday, junkie meant…`).
  if (first > 0) {
    const joiner = /^(?:and|or)$/.test(tokens[first - 1]?.key ?? '')
    if (!joiner && !/,/.test(s.between(first - 1, first))) return false
    const item = joiner ? first - 2 : first - 1
    // A match that ends on the item's last word.
    let termBefore = false
    for (let start = item; start >= Math.max(0, item - 4) && !termBefore; start--) termBefore = s.isMatch(start, item) && !s.isMatch(start, item - 1)
    if (!(termBefore || (item === 0 && !timeWords.has(tokens[0]?.key ?? ''))) || !listed(1, first)) return false
  }
  const verbal = (index: number): boolean =>
    copulas.has(tokens[index]?.key ?? '') || meaningVerbs.has(tokens[index]?.key ?? '') || bears(index) || /^(?:should|must)$/.test(tokens[index]?.key ?? '')
  // `carries decades of contempt`, `bears a stigma`: a connotation within four words, no punctuation
  // between, said of a term that is no plural (`Addicts carry a stigma` is said of people).
  const bears = (index: number): boolean => {
    if (!bearingVerbs.has(tokens[index]?.key ?? '') || /s$/.test(tokens[last]?.key ?? '')) return false
    for (let at = index + 1; at <= index + 4 && at < tokens.length && !tokens[at]?.gapBefore; at++) if (connotationNouns.has(tokens[at]?.key ?? '')) return true
    return false
  }
  let verb = last + 1
  while (verb < tokens.length && verb - last <= 10 && !verbal(verb)) verb++
  if (!verbal(verb) || !listed(last + 1, verb)) return false
  // Between the term and the verb, only more items of the list.
  if (verb > last + 1 && !/,/.test(s.between(last, last + 1)) && !/^(?:and|or)$/.test(tokens[last + 1]?.key ?? '')) return false
  // `Clean implies dirty`, `AIDS victim suggests helplessness`, `Junkie carries contempt`: only a word means something. A
  // determiner makes the subject a person (`The addict meant no harm`).
  if (meaningVerbs.has(tokens[verb]?.key ?? '') || bears(verb)) return !/^(?:a|an|the|this|that|my|his|her|their|our|your)$/.test(tokens[0]?.key ?? '')
  if (!copulas.has(tokens[verb]?.key ?? '')) return adviceAfter(s, verb - 1)
  const key = (offset: number): string => tokens[verb + offset]?.key ?? ''
  // `is a slur`, `was once a legal term`: a word noun within four words of the verb, with no
  // punctuation between.
  for (let index = 1; index <= 4 && verb + index < tokens.length; index++) {
    if (tokens[verb + index]?.gapBefore) return false
    // `Junkie is a novel by William S. Burroughs`: a title, named.
    if (wordNouns.has(key(index)) || (first === 0 && namesTitle(s, verb, index))) return true
    // `Addict is outdated`: a judgement only a word earns, said of a term that is no plural
    // (`Junkies are offensive` may be said of people).
    if (wordJudgements.has(key(index)) && !/s$/.test(tokens[last]?.key ?? '')) return true
  }
  return false
}

/** `is a novel`, `was a 1953 novel`: right after the copula, an article and a title noun, one word between at most. */
function namesTitle(s: MentionText, verb: number, at: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  return titleNouns.has(key(at)) && /^(?:a|an)$/.test(key(verb + 1)) && at - verb <= 3
}

/** `Junkie should be avoided`, `Crack baby should no longer be used`: right after token `last`. */
function adviceAfter(s: MentionText, last: number): boolean {
  const key = (offset: number): string => s.tokens[last + offset]?.key ?? ''
  if (!/^(?:should|must)$/.test(key(1)) || s.tokens[last + 1]?.gapBefore) return false
  let at = 2
  while (at < 4 && /^(?:not|never|no|longer)$/.test(key(at))) at++
  return key(at) === 'be' && wordFates.has(key(at + 1))
}

/**
 * `The AIDS test was renamed the HIV test`, `Junkies are now called people who use drugs`: the
 * sentence opens on the term (an article before it at most), and says it was renamed. (`The
 * addict was called in` and `the addicts became known as regulars` say nothing of the word.)
 */
export function renamed(s: MentionText, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
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
 * What others speak of, a bare singular term opening the sentence, or a quotation, then called a
 * word in an apposition: `Older reports speak of AIDS orphans, a phrase many agencies now
 * avoid`, `Crack baby, a term coined in 1986, is now rejected`, `described him as a “known
 * crackhead”, a phrase the inquiry criticised`. (`The addicts, a term the paper used, were moved
 * on` still uses the term of people.)
 */
export function wordInApposition(s: MentionText, first: number, last: number, quoted: boolean): boolean {
  const key = (offset: number): string => s.tokens[last + offset]?.key ?? ''
  const before = (offset: number): string => s.tokens[first - offset]?.key ?? ''
  // Or a bare singular term opens the sentence, or stands without a determiner: `Crack baby, a
  // term coined in 1986, is now rejected`, `the first half of dipsomaniac, a word now found…`.
  const opens = (first === 0 || !s.determined(first)) && !/s$/.test(key(0))
  if (!opens && !quoted && (!/^(?:of|about|to)$/.test(before(1)) || !/^(?:speak|speaks|spoke|spoken|talk|talks|talked|write|writes|wrote|written|refer|refers|referred)$/.test(before(2)))) return false
  // Past more items of a list: `speak of lunatics and imbeciles, terms now retired`.
  let end = last
  if (/^(?:and|or)$/.test(key(1))) {
    end = last + 2
    while (end - last < 4 && s.tokens[end + 1] && !s.tokens[end + 1]?.gapBefore) end++
  }
  // A quoted question or sentence keeps its own mark: `“Can you catch AIDS?”, a question that…`.
  if (!(quoted ? /^[?!.]?["'\u201D\u2019]*,\s*$/ : /^[\s"'\u201D\u2019]*,\s*$/).test(s.between(end, end + 1))) return false
  const noun = (offset: number): string => s.tokens[end + offset]?.key ?? ''
  const at = /^(?:a|an|the|that|this)$/.test(noun(1)) ? 2 : 1
  // A quotation may be called its wording too: `…“an alcoholic or drug abuser”, wording the charity wants removed`.
  const named = (word: string): boolean => wordNouns.has(word) || (quoted && frameNouns.has(word))
  // A possessive or a date may come first: `Alkie, the character's nickname`, `Juvenile delinquent, the 1950s coinage`.
  const owned = /'s?$|^\d/.test(noun(at)) ? at + 1 : at
  return named(noun(owned)) || (frameAdjectives.test(noun(owned)) && named(noun(owned + 1)))
}

/** A question about the word: `Is inmate an offensive word?`, `Is addict still acceptable?`, `What does full-blown AIDS mean?`. */
export function askedAsWord(s: MentionText, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  if (key(last + 1) === 'mean' && /^(?:does|did|do)$/.test(key(first - 1)) && key(first - 2) === 'what') return true
  // The question opens the sentence, or the clause after a colon (`A question from a reader: is “drug abuser” any worse…?`).
  const start = s.clauseStart(first)
  if (first !== start + 1 || !/^(?:is|was|isn't)$/.test(key(start))) return false
  const next = s.tokens[last + 1]
  // Only a closing mark may come between (`Is “HIV sufferer” offensive?`).
  if (!next || (next.gapBefore && !next.quoteBefore)) return false
  for (let index = last + 1; index <= last + 4 && index < s.tokens.length; index++) {
    if (index > last + 1 && s.tokens[index]?.gapBefore) return false
    if (wordNouns.has(key(index)) || wordJudgements.has(key(index)) || /^(?:acceptable|okay|ok|worse|better|kinder|harsher)$/.test(key(index))) return true
  }
  return false
}

/** `There is no such thing as an AIDS test`: a term denied a referent is held up as a wrong word. */
export function deniedAsThing(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  const at = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
  return key(at) === 'as' && key(at - 1) === 'thing' && key(at - 2) === 'such' && key(at - 3) === 'no'
}

/**
 * A verb that handles words, with the bare term as its object and what it is taken as after it:
 * `guidelines reject HIV-infected as a description of people`, `adopted addict as a term`.
 */
export function handledAs(s: MentionText, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  if (!wordUseVerbs.has(key(first - 1)) || s.tokens[first]?.gapBefore || key(last + 1) !== 'as' || s.tokens[last + 1]?.gapBefore) return false
  const noun = /^(?:a|an|the)$/.test(key(last + 2)) ? key(last + 3) : key(last + 2)
  return wordNouns.has(noun) || /^(?:description|descriptions|name|names)$/.test(noun)
}

/**
 * The word's own history, with the term opening the sentence: `Junkie entered the language in
 * the 1920s`, `Crack baby was coined in 1985`, `Junkie comes from junk`.
 */
export function wordHistory(s: MentionText, first: number, last: number): boolean {
  if (first !== 0) return false
  const key = (offset: number): string => s.tokens[last + offset]?.key ?? ''
  if (s.tokens[last + 1]?.gapBefore) return false
  if (/^(?:entered|enters)$/.test(key(1))) return /^(?:language|dictionary|lexicon|vocabulary|english)$/.test(key(2) === 'the' ? key(3) : key(2))
  if (/^(?:was|were)$/.test(key(1))) return key(2) === 'coined' || (key(2) === 'first' && /^(?:used|recorded|coined)$/.test(key(3)))
  // `Addicts came from all over the city` is people: only a singular, in the present or `derived`.
  return /^(?:comes|derives|derived)$/.test(key(1)) && key(2) === 'from' && !/s$/.test(s.tokens[last]?.key ?? '')
}

/**
 * The term opens the sentence, bare, and an aside after it says whose wording it is: `Suicide
 * victim, the caption read, until…`, `Failed suicide, the headline called it`, `Derelicts, the
 * council's survey called them`, `Full-blown AIDS, the charity notes, is something doctors no
 * longer say`. An aside that reports speech is a mention only of a bare singular, which is no
 * way to speak of a person (`Addicts, the report says, need help` is a use).
 */
export function attributedWording(s: MentionText, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  if (first !== 0 || !/,/.test(s.between(last, last + 1))) return false
  for (let verb = last + 2; verb <= last + 7 && verb < s.tokens.length; verb++) {
    if (s.tokens[verb]?.gapBefore) return false
    const word = key(verb)
    if (/^(?:read|reads)$/.test(word)) return true
    if (/^(?:called|calls|dubbed|labelled|labeled|termed|branded)$/.test(word)) return /^(?:it|them|him|her)$/.test(key(verb + 1))
    if (/^(?:notes|noted|says|said|argues|argued|points|pointed|explains|explained|writes|wrote)$/.test(word)) return !plural(s.tokens[last]) && !s.determined(first)
  }
  return false
}

/** A plural noun by its form: an `s` that is no acronym's last letter (`AIDS`), or an irregular plural. */
function plural(token: {key: string; text: string} | undefined): boolean {
  if (!token || /^\p{Lu}{2,}$/u.test(token.text)) return false
  return /s$|^(?:people|women|men|children)$/.test(token.key)
}
