import type {MentionText} from './mention-text.js'
import type {Quotation} from './sentence-quotations.js'
import {frameNouns} from './mention-words.js'

/**
 * Mention frames that read the whole sentence. In a sentence about words (one that speaks of a
 * glossary, a dictionary, a phrase, a collocation, a corpus…), a term held up on its own is a
 * word: quoted alone, given in a list of bare terms, given with a dictionary's part-of-speech
 * label, or put as the sentence's heading. A term used of someone in the same sentence keeps
 * its article and its place in the clause, and is still read as a use. The other frames here
 * read what the sentence does with a quotation: makes it the subject of what only a word does,
 * shows it as an example, or quotes a text whose wording was taken back.
 */

/** Nouns that only a sentence about words uses. */
const discourseNouns = new Set(
  'glossary glossaries entry entries dictionary dictionaries thesaurus abbreviation abbreviations collocation collocations corpus corpora idiom idioms etymology phrase phrases expression expressions wording wordings terminology usage synonym synonyms euphemism euphemisms acronym acronyms lexicon vocabulary language shorthand description descriptions label labels nickname nicknames coinage heading noun nouns adjective adjectives slur slurs caption captions tagline taglines'.split(
    ' '
  )
)

/** `word` and `term` are discourse nouns unless an idiom takes them (`in other words`, `terms of the deal`, `her words`). */
const wordOrTerm = /^(?:word|words|term|terms)$/
const notWordsBefore = /^(?:in|other|his|her|their|my|your|our|its|last|final|kind|warm|few|exact|own)$/

/** Languages a sentence about translation names: `as “commit suicide” does in English`. */
const languages = /^(?:english|french|german|spanish|portuguese|italian|dutch|latin|greek|irish|welsh|polish|russian|arabic|chinese|japanese)$/

/**
 * Whether the sentence speaks of words: a discourse noun, `word`/`term` not in an idiom, a
 * style guide, or `in English` and the like.
 */
export function aboutWords(s: MentionText): boolean {
  let found = aboutWordsOf.get(s)
  if (found === undefined) {
    found = readsAboutWords(s)
    aboutWordsOf.set(s, found)
  }
  return found
}

/** Each sentence is read once, however many of its matches the frames ask about. */
const aboutWordsOf = new WeakMap<MentionText, boolean>()

function readsAboutWords(s: MentionText): boolean {
  return s.tokens.some((token, index) => {
    const before = s.tokens[index - 1]?.key ?? ''
    if (discourseNouns.has(token.key) || (before === 'in' && languages.test(token.key))) return true
    // A style guide or a newsroom's guidelines (`our media guidelines`, `the house style`), and
    // the marks that hold words up (`inverted commas`, `quotation marks`, `scare quotes`).
    if (/^(?:style|media|reporting|editorial|house)$/.test(before) && /^(?:guide|guides|guideline|guidelines|guidance|book|note|notes|style)$/.test(token.key)) return true
    if ((before === 'inverted' && /^commas?$/.test(token.key)) || (before === 'quotation' && /^marks?$/.test(token.key)) || (before === 'scare' && token.key === 'quotes')) return true
    if (!wordOrTerm.test(token.key)) return false
    return !notWordsBefore.test(before) && s.tokens[index + 1]?.key !== 'of'
  })
}

/**
 * A quotation of nothing but the term (its article at most), not speech, in a sentence about
 * words: `the collocation “heroin addict” occurred twice as often`, `stop printing “get clean”
 * on its leaflets`, `“the homeless” turns people into a category`.
 *
 * @param s - The sentence.
 * @param quoted - The quotation's first and last token.
 * @param first - The match's first token.
 * @param last - The match's last token.
 * @returns True for the term held up as a word.
 */
export function quotedInDiscourse(s: MentionText, quoted: Quotation, first: number, last: number): boolean {
  // A quotation after a colon counts as speech; one of nothing but the term is a word all the same (`Style note: “the mentally ill,” …`).
  if (quoted.speech && quoted.last !== last) return false
  return quotesTermAlone(s, quoted, first, last) && aboutWords(s)
}

/**
 * Whether a quotation holds the term and nothing else: its article at most before it, and at most
 * two words of its phrase after it (`“lunatic fringe”`).
 */
function quotesTermAlone(s: MentionText, quoted: Quotation, first: number, last: number): boolean {
  const article = quoted.first === first - 1 && /^(?:a|an|the|this)$/.test(s.tokens[first - 1]?.key ?? '')
  return (quoted.first === first || article) && quoted.last >= last && quoted.last - last <= 2
}

/**
 * A term given in a list of bare words (terms or single words, no article, joined by commas,
 * dashes, `and` or `or`) in a sentence about words: `the glossary puts junkie, crackhead and
 * druggie in the column headed “never”`, `lists five words — addict, junkie, abuser, user, clean`.
 * The list holds three items with two terms among them, or two terms.
 *
 * @param s - The sentence.
 * @param first - The match's first token.
 * @param last - The match's last token.
 * @returns True for a term listed as a word.
 */
export function listedInDiscourse(s: MentionText, first: number, last: number): boolean {
  const items = listAround(s, first, last)
  if (!items) return false
  // A list before an auxiliary is the subject of a clause about people: `I'm all for sensitive
  // language, but junkies and winos have made the park unusable`.
  if (auxiliaries.test(s.tokens[(items.at(-1) as [number, number])[1] + 1]?.key ?? '')) return false
  const terms = items.filter(([start, end]) => exactMatch(s, start, end)).length
  return (items.length >= 3 ? terms >= 2 : terms === 2) && aboutWords(s)
}

const auxiliaries = /^(?:are|were|is|was|have|has|had|will|would|can|could|should|may|might|must|do|does|did)$/
const separator = /^\s*(?:,|[\u2013\u2014]|\s-)\s*$/
const joiner = /^(?:and|or)$/
const article = /^(?:a|an|the|this|that|these|those|his|her|their|my|our|your|its|some|many|all)$/

/**
 * The items of the bare list that the match is one item of, as token ranges; undefined when it
 * is in no such list. An item is a term (a match, exactly) or one word: where a list ends inside
 * a sentence, nothing else says how far its last item runs.
 */
function listAround(s: MentionText, first: number, last: number): Array<[number, number]> | undefined {
  const {tokens} = s
  const bare = (index: number): boolean => !article.test(tokens[index]?.key ?? '') && !joiner.test(tokens[index]?.key ?? '')
  // The term that ends (or starts) at a token, else the token alone.
  const itemEndingAt = (end: number): [number, number] => {
    for (let start = end - 1; start >= Math.max(0, end - 4); start--) if (exactMatch(s, start, end)) return [start, end]
    return [end, end]
  }
  const itemStartingAt = (start: number): [number, number] => {
    for (let end = start + 1; end <= Math.min(tokens.length - 1, start + 4); end++) if (exactMatch(s, start, end)) return [start, end]
    return [start, start]
  }
  if (!bare(first) || article.test(tokens[first - 1]?.key ?? '')) return undefined
  const items: Array<[number, number]> = [[first, last]]
  // Backwards over `item, ` and `item and `.
  for (let at = first; ; ) {
    const joined = joiner.test(tokens[at - 1]?.key ?? '')
    const end = joined ? at - 2 : at - 1
    if (end < 0 || !(joined ? /^\s*,?\s*$/.test(s.between(end, end + 1)) : separator.test(s.between(end, at)))) break
    const item = itemEndingAt(end)
    if (!bare(item[0])) break
    items.unshift(item)
    at = item[0]
  }
  // Forwards over `, item` and ` and item`.
  for (let at = last; ; ) {
    const joined = joiner.test(tokens[at + 1]?.key ?? '') && /^\s*,?\s*$/.test(s.between(at, at + 1))
    const start = joined ? at + 2 : at + 1
    if (start >= tokens.length || !(joined ? /^\s+$/.test(s.between(start - 1, start)) : separator.test(s.between(at, start)))) break
    const item = itemStartingAt(start)
    if (!bare(item[0])) break
    items.push(item)
    at = item[1]
  }
  return items.length >= 2 ? items : undefined
}

/** Whether a match spans tokens `start` to `end` exactly (`junkie hurts` holds one but is none). */
function exactMatch(s: MentionText, start: number, end: number): boolean {
  return s.isMatch(start, end) && (start === end || (!s.isMatch(start + 1, end) && !s.isMatch(start, end - 1)))
}

/**
 * A dictionary's part-of-speech label right after the term: `wino (n., informal)`, `madman
 * (n.) — a man who…`, `crackhead, noun, offensive slang`.
 *
 * @param s - The sentence.
 * @param last - The match's last token.
 * @returns True for a term given as a headword.
 */
export function headword(s: MentionText, last: number): boolean {
  const label = s.tokens[last + 1]?.key ?? ''
  const gap = s.between(last, last + 1)
  const after = s.tokens[last + 2] ? s.between(last + 1, last + 2) : s.text.charAt(s.tokens[last + 1]?.end ?? 0)
  if (/^\s*\($/.test(gap)) return /^(?:n|noun|adj|adjective)$/.test(label) && /^[.,)]/.test(after)
  return /^\s*,\s*$/.test(gap) && /^(?:noun|adjective)$/.test(label) && /^\s*[,:;]/.test(after)
}

/** Verbs only a word does, with a quoted term as their subject: `“bipolar weather” trivialises…`, `“dope fiend” moved into pulp fiction`. */
const wordVerbs = new Set(
  'implies implied suggests suggested trivialises trivializes trivialised trivialized stigmatises stigmatizes stigmatised stigmatized reduces reduced turns turned sounds sounded frames framed conjures evokes evoked echoes echoed means meant persists persisted appears appeared occurs occurred survives survived moved fell faded declined entered spread'.split(
    ' '
  )
)
/** What a copula says of a quoted term that only a word is: used, coined, rarer, the default description. */
const wordStates = new Set(
  'used coined printed written spelled spelt preferred common commoner rare rarer standard default misleading outdated offensive stigmatising stigmatizing derogatory pejorative inaccurate meaning meanings definition connotation connotations diagnosis category discouraged avoided dropped retired banned'.split(
    ' '
  )
)
/** Adverbs between a subject and its verb. */
const adverbs = /^(?:still|now|often|soon|once|long|no|longer|also|always|usually|rarely|gradually|slowly|quickly|later|eventually)$/

/**
 * A quotation of nothing but the term opens a clause and is its subject, and the verb says what
 * a word does or is: `Weather presenters were reminded that “bipolar weather” trivialises a
 * serious diagnosis`, `Her thesis traces how “dope fiend” moved into pulp fiction`, `In the 1970s
 * press, “mental patient” was the default description`, `found that “full-blown AIDS” was used
 * almost as often as…`. (`the “crack babies” grew up` has people for its subject.)
 *
 * @param s - The sentence.
 * @param quoted - The quotation around the match.
 * @param first - The match's first token.
 * @param last - The match's last token.
 * @returns True for the term held up as a word.
 */
export function quotedSubject(s: MentionText, quoted: Quotation, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  if (quoted.speech || !quotesTermAlone(s, quoted, first, last)) return false
  // It opens its clause: the sentence's start, a comma, or a word that opens a clause (with one
  // word between after `how`: `how distant “the homeless” sounds`).
  const opener = /^(?:that|why|how|whether|because|and|but|while|although|though)$/
  if (quoted.first > 0 && !/[,;:]/.test(s.between(quoted.first - 1, quoted.first)) && !opener.test(key(quoted.first - 1)) && key(quoted.first - 2) !== 'how') return false
  let at = quoted.last + 1
  while (adverbs.test(key(at)) && at - quoted.last <= 3) at++
  if (wordVerbs.has(key(at)) || (/^(?:came|comes|cropped|crops)$/.test(key(at)) && key(at + 1) === 'up')) return true
  // `“alcoholic liver disease” should become “alcohol-related liver disease”`: one wording for another.
  if (/^(?:should|must|would|will|could|can|may|might)$/.test(key(at)) && /^(?:become|be)$/.test(key(at + 1)) && s.quotations().some((other) => other.first === at + 2 || other.first === at + 3)) return true
  if (!/^(?:is|was|are|were|has|had|have)$/.test(key(at))) return false
  for (let index = at + 1; index <= at + 4 && index < s.tokens.length; index++) {
    if (s.tokens[index]?.gapBefore) return false
    if (wordStates.has(key(index)) || frameNouns.has(key(index))) return true
  }
  return false
}

/**
 * A quotation that the sentence goes on to hold up as an example: `The poster, reading “AIDS
 * victims need your help”, is now used in training as an example of what not to do`.
 *
 * @param s - The sentence.
 * @param quoted - The quotation around the match.
 * @returns True for quoted words shown as an example.
 */
export function quotedAsExample(s: MentionText, quoted: Quotation): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  for (let index = quoted.last + 1; index < s.tokens.length - 1; index++) {
    if (/^examples?$/.test(key(index)) && key(index + 1) === 'of' && (key(index - 1) === 'as' || (/^(?:an|a)$/.test(key(index - 1)) && key(index - 2) === 'as'))) return true
  }
  return false
}

/** Verbs a dictionary or a history of words does to a headword: `traces junkie to…`, `defines addict as…`. */
const lexicographerVerbs = /^(?:traces|traced|tracing|dates|dated|derives|derived|defines|defined|describes|described|glosses|glossed|spells|spelled|spelt|records|recorded|cites|cited|attests|attested|lists|listed)$/

/**
 * A bare singular term, with no article, after a verb of lexicography or `of` in a sentence about
 * words: `The Oxford English Dictionary traces junkie to underworld slang`, `supplies the first
 * half of dipsomaniac`. English gives a person a determiner (`traced the junkie to a squat`).
 *
 * @param s - The sentence.
 * @param first - The match's first token.
 * @param last - The match's last token.
 * @returns True for a term named as a headword.
 */
export function bareHeadword(s: MentionText, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  // In lower case, or an acronym (`describes IDU as an abbreviation`), whose capitals say nothing.
  const text = s.tokens[first]?.text ?? ''
  if (first !== last || /s$/.test(key(first)) || !(/^\p{Ll}/u.test(text) || /^\p{Lu}{2,}$/u.test(text))) return false
  if (!lexicographerVerbs.test(key(first - 1)) && !(key(first - 1) === 'of' && /^(?:half|part|origin|origins|history|etymology|spelling|meaning|sense|use|usage)$/.test(key(first - 2)))) return false
  return aboutWords(s)
}

/** Texts that are shown or printed, whose words a quotation gives: `the caption read “…”`. */
const shownTexts = new Set(
  'caption captions sign signs label labels poster posters headline headlines heading letter advert advertisement banner placard leaflet notice section clause statute entry coverline tagline slogan graffiti'.split(' ')
)

/** Words that say a shown text's wording was taken back: the sentence is about the wording. */
const retracted = /^(?:rewritten|rewrote|rewrite|removed|withdrawn|withdrew|changed|replaced|corrected|reworded|amended|deleted|apologised|apologized|criticised|criticized|complaint|complaints|outcry|backlash)$/

/**
 * A quotation of a text on show, after the text and a verb of reading, in a sentence that says
 * the wording was taken back: `The museum's label, which once read “used on convicts”, has been
 * rewritten`, `The advert, which said “ex-cons need not apply”, was removed`. Without that, the
 * text's author used the words, and the quotation is reported (`A sign on the door read “No
 * junkies”`).
 *
 * @param s - The sentence.
 * @param quoted - The quotation around the match.
 * @returns True for a shown text's words held up.
 */
export function shownText(s: MentionText, quoted: Quotation): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  const verb = quoted.first - 1
  if (!/^(?:read|reads|reading|said|says|saying)$/.test(key(verb)) || !s.tokens.some((token) => retracted.test(token.key))) return false
  for (let index = verb - 1; index >= Math.max(0, verb - 8); index--) if (shownTexts.has(key(index))) return true
  return false
}

/**
 * A sentence that is nothing but the term, or the term and an alternative, asked about or put
 * as a heading: `Fell off the wagon? Our health editor explains…`, `Dementia sufferer or person
 * living with dementia?`, `Non-compliant patient: the handbook now treats that description…`.
 *
 * @param s - The sentence.
 * @param first - The match's first token.
 * @param last - The match's last token.
 * @returns True for the term held up on its own.
 */
export function termAsHeading(s: MentionText, first: number, last: number): boolean {
  const {tokens} = s
  const start = /^(?:the|a|an)$/.test(tokens[0]?.key ?? '') && first === 1 ? 1 : 0
  if (first !== start) return false
  // The sentence's own end, or a colon after the term or its alternative, or after a list of
  // bare words (`Inmate, detainee, prisoner, resident: the glossary shows…`).
  let end = last
  if (/^(?:or|and)$/.test(tokens[last + 1]?.key ?? '') && !tokens[last + 1]?.gapBefore) {
    end = last + 2
    while (end + 1 < tokens.length && end - last < 8 && !tokens[end + 1]?.gapBefore) end++
  } else {
    while (end + 1 < tokens.length && end - last < 8 && /^\s*,\s*$/.test(s.between(end, end + 1)) && (end + 2 >= tokens.length || tokens[end + 2]?.gapBefore)) end++
  }
  const tail = tokens[end]
  if (!tail) return false
  const after = end + 1 < tokens.length ? s.between(end, end + 1) : s.text.slice(tail.end, tail.end + 3)
  if (end + 1 >= tokens.length) return /^\s*["'\u201D\u2019]*\?/.test(after)
  return /^\s*["'\u201D\u2019]*:/.test(after) && aboutWords(s)
}
