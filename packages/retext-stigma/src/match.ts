import type {CompiledContext, CompiledRules, Terminal, TrieNode} from './compile.js'
import {inWordSet} from './compile.js'
import {shieldedTokens} from './names.js'
import {anyNumber} from '@destigma/rule-schema'
import {isGivenName} from './given-names.js'
import {closedClassTag, lazyTags, numeral} from './pos.js'
import {functionWords, hasNameCue, inShortHeadline, inTitleLine} from './title-case.js'
import {documentWords, isAbout, occurrences, type DocumentWords} from './topic.js'
import type {Token} from './tokens.js'
import type {PartOfSpeech} from './types.js'

/** A term found in a sentence, before options (severity, quotes, allow) apply. */
export interface Match {
  terminal: Terminal
  /** Index of the first and last token of the match. */
  first: number
  last: number
  start: number
  end: number
  /** A headline dropped the term's article (`Convict Escapes From Open Prison`): suggest, but fix nothing. */
  articleDropped?: boolean
  /** Characters the whole term matched, a pattern's words before `<<` and after `>>` included: the longest wins an overlap. */
  reach: number
  /** The whole term's first token, a pattern's words before `<<` included. */
  reachFirst: number
  /** The whole term's last token, a pattern's words after `>>` included. */
  reachLast: number
}

/** Words after which a collective `the + adjective` stands alone as a noun. */
const standaloneFollowers = new Set(
  'are were is was have has had will would can could should may might must do does did who that which whose and or but nor in on at of for from with without to by into across as than like asleep awake alive alone afraid aware outside inside near behind under over through around along beside opposite remain remained remains need needs needed deserve deserves face faced find found sleep slept die died lived struggle struggled receive received lack lacked suffer suffered tend tended end ended rely relied fall fell turn turned gather gathered roam roamed beg begged often also still now too living sleeping since until before after because when while apparently reportedly allegedly though however again already today yesterday tonight'.split(
    ' '
  )
)

/** The trie node a word leads to; a numeral may also take a pattern's `{number}` branch. */
function child(node: TrieNode, key: string): TrieNode | undefined {
  return node.next.get(key) ?? (numeral.test(key) ? node.next.get(anyNumber) : undefined)
}

/** Articles a headline may drop before a term that begins with one (the candidate scan does not require them either). */
export const droppableArticles = ['a', 'an', 'the']

/** Whether token `index` opens a line of title case (a headline), capitalised. */
function startsTitleLine(tokens: Token[], index: number): boolean {
  return opensLine(tokens, index) && inTitleLine(tokens, index)
}

/** Whether token `index` opens its sentence or line, capitalised. */
function opensLine(tokens: Token[], index: number): boolean {
  const token = tokens[index]
  return token !== undefined && (index === 0 || token.lineBefore) && /^\p{Lu}/u.test(token.text)
}

/**
 * Words that follow a headline's bare subject in sentence case, where running prose would need an
 * article: `Alcoholic jailed after crash`, `Schizophrenic who killed neighbour detained`.
 */
const headlineFollowers = new Set('who jailed detained charged convicted cleared spared freed banned found arrested sentenced recaptured stabbed attacked killed murdered caught released rescued named admits denies dies died'.split(' '))

/**
 * Whether a match opens a headline that drops articles: a title-case line, or a capitalised
 * sentence start followed by a word only a headline puts after a bare noun.
 */
function opensHeadline(tokens: Token[], first: number, last: number): boolean {
  return startsTitleLine(tokens, first) || (opensLine(tokens, first) && headlineFollowers.has(tokens[last + 1]?.key ?? ''))
}

/** Little words allowed inside a proper name (`National Institute on Drug Abuse`). */
const nameConnectors = new Set(['of', 'on', 'for', 'and', 'the', '&', 'in', 'against'])

const isCapitalised = (text: string): boolean => /^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text)

/**
 * Find every rule match in one sentence: walk the trie from each token,
 * drop matches that fail their context or sit in a proper name, and keep the
 * longest where matches overlap.
 *
 * @param tokens - The sentence's tokens.
 * @param compiled - The compiled rules.
 * @param enabled - Whether a rule is switched on.
 * @param paragraph - Every sentence of the paragraph, for rules whose context is the whole paragraph.
 * @param document - The words of the whole text, for rules whose context is the document; called only when one needs it.
 * @returns Non-overlapping matches in order of position.
 */
export function matchSentence(
  tokens: Token[],
  compiled: CompiledRules,
  enabled: (ruleId: string) => boolean,
  paragraph: Token[][] = [tokens],
  document: () => DocumentWords = () => documentWords(paragraph.flatMap((sentence) => sentence.map((token) => token.text)).join(' '))
): Match[] {
  // Most sentences have no match at all: find shielded names only once one turns up.
  let shielded: boolean[] | undefined
  const isShielded = (index: number): boolean => (shielded ??= shieldedTokens(tokens, compiled.exceptions))[index] === true
  // Parts of speech only for a sentence where a rule asks for them.
  const around: Surroundings = {paragraph, document, tagOf: lazyTags(tokens)}
  const candidates: Match[] = []

  // Walk the trie from `node`, whose path has matched the tokens up to `first` (and, where
  // `articleDropped`, an article the text leaves out).
  const walk = (first: number, start: TrieNode | undefined, articleDropped: boolean): void => {
    let node = start
    let last = first
    while (node) {
      for (const terminal of node.ends) {
        // Only fixed terms: a pattern's `<<` and `>>` count trie keys, which the missing article would shift.
        if (articleDropped && terminal.skip !== undefined) continue
        // A pattern's words before `<<` or after `>>` must be there but are not flagged.
        const from = first + (terminal.skip ?? 0)
        const to = terminal.span === undefined ? last : from + terminal.span - 1
        const reach = (tokens[last]?.end ?? 0) - (tokens[first]?.start ?? 0)
        const match: Match = {terminal, first: from, last: to, start: tokens[from]?.start ?? 0, end: tokens[to]?.end ?? 0, reach, reachFirst: first, reachLast: last}
        if (articleDropped) match.articleDropped = true
        // Without its article, a word before a preposition is an adjective (`Drunk In Love Voted Best Duet`).
        if (articleDropped && (closedClassTag(tokens[to + 1]?.key ?? '') === 'preposition' || !opensHeadline(tokens, first, to))) continue
        if (accept(match, tokens, compiled, isShielded, enabled, around)) candidates.push(match)
      }
      const following = tokens[last + 1]
      if (!following || following.gapBefore) break
      node = child(node, following.key)
      last++
    }
  }
  for (let first = 0; first < tokens.length; first++) {
    const key = tokens[first]?.key ?? ''
    walk(first, child(compiled.trie, key), false)
    // Headlines drop articles (`Convict Escapes From Open Prison`, `Schizophrenic who killed
    // neighbour detained`): at the start of a headline, a term that begins with one may match
    // without it (`opensHeadline` decides once the match's end is known).
    if (opensLine(tokens, first)) for (const article of droppableArticles) walk(first, compiled.trie.next.get(article)?.next.get(key), true)
  }

  // Longest first (`born addicted to >> the {substance}` over `addicted to the methadone`); then
  // keep what does not overlap anything already kept.
  candidates.sort((a, b) => b.reach - a.reach || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Match[] = []
  const taken: boolean[] = []
  for (const candidate of candidates) {
    let free = true
    for (let index = candidate.first; index <= candidate.last && free; index++) if (taken[index]) free = false
    if (!free) continue
    for (let index = candidate.first; index <= candidate.last; index++) taken[index] = true
    kept.push(candidate)
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** What context conditions may look at beyond the sentence's own words. */
interface Surroundings {
  paragraph: Token[][]
  document: () => DocumentWords
  tagOf: (index: number) => PartOfSpeech | undefined
}

function accept(match: Match, tokens: Token[], compiled: CompiledRules, isShielded: (index: number) => boolean, enabled: (ruleId: string) => boolean, around: Surroundings): boolean {
  const {rule, exactWords} = match.terminal
  if (!enabled(rule.id)) return false
  if (exactWords && exactWords.some((word, index) => word !== undefined && !sameCase(word, tokens, match.first + index))) return false
  if (match.terminal.acronymFirst && readsAsWord(tokens, match.first) && hasCapitals(tokens)) return false
  for (let index = match.first; index <= match.last; index++) if (isShielded(index)) return false
  // A term begins a word, never the later part of a hyphenated one (`apt-get clean`, `non-addict`),
  // and is prose, not part of a file name or an identifier (`drunkard-tails.png`, `bpf_tramp_run`).
  if (tokens[match.first]?.joined) return false
  for (let index = match.first; index <= match.last; index++) if (tokens[index]?.code) return false
  // Acronym terms are written in capitals anyway, so capitals say nothing about a name; in a
  // headline neither do capitals, unless a name cue (`Anonymous`, `Act`) stands beside the match.
  if (!exactWords && inProperName(tokens, match.first, match.last, match.terminal.acronymFirst === true) && !inHeadline(tokens, match.first, match.last, around.tagOf)) return false
  if (!exactWords && isCapitalsName(tokens, match.first, match.last)) return false
  if (namedInApposition(tokens, match.first, match.last)) return false
  if (acronymOpensName(tokens, match.last)) return false
  if (match.first === match.last && afterGivenName(tokens, match.first)) return false
  const context = match.terminal.context ?? compiled.contexts.get(rule.id)
  return context ? contextHolds(context, tokens, match.first, match.last, around, match.reachLast) : true
}

/** In a headline, capitals say nothing about a name unless a name cue (`Anonymous`, `Act`) stands beside the match. */
function inHeadline(tokens: Token[], first: number, last: number, tagOf: Surroundings['tagOf']): boolean {
  return (inTitleLine(tokens, first) || inShortHeadline(tokens, first, last, tagOf)) && !hasNameCue(tokens, first, last)
}

/**
 * An acronym that opens a term, written in lower case with an `s` on the end, reads as a verb
 * or a plural (`the app aids testing`, `first aid training aids victims`). Only in a sentence
 * typed without capitals may it still be the acronym; later in a term (`caught hiv`, `died of
 * aids`) or without the `s` (`hiv positive`) it is the acronym whatever its case.
 */
const readsAsWord = (tokens: Token[], index: number): boolean => {
  const text = tokens[index]?.text
  return text !== undefined && text === text.toLowerCase() && text.endsWith('s')
}

const hasCapitals = (tokens: Token[]): boolean => tokens.some((token) => token.text !== token.text.toLowerCase())

/**
 * A case-sensitive word as written; a headline may capitalise one the rule writes in lower case
 * (`Ex-Cons`), unless a name cue stands beside it there (`General Hooker's Letters`).
 */
function sameCase(word: string, tokens: Token[], index: number): boolean {
  const text = tokens[index]?.text
  if (text === word) return true
  if (text === undefined || word !== word.toLowerCase() || text !== word.charAt(0).toUpperCase() + word.slice(1)) return false
  // A plural that opens the sentence is the common noun: titles and names are rarely plural (`Psychos like him should never be let out`).
  if (opensLine(tokens, index) && /s$/.test(word) && !/s$/.test(tokens[index + 1]?.key ?? '') && !isCapitalised(tokens[index + 1]?.text ?? '')) return true
  return inTitleLine(tokens, index) && !hasNameCue(tokens, index, index)
}

/**
 * Whether a token follows the one before it with only white space between, or also
 * quotation marks when `throughQuotes` (a quoted phrase keeps the word that introduces it:
 * `she is “so OCD”`).
 */
const adjacent = (token: Token | undefined, throughQuotes: boolean): boolean => token !== undefined && (!token.gapBefore || (throughQuotes && token.quoteBefore === true))

/** The token right before the match, if only white space (or, `throughQuotes`, quotation marks) separate them. */
function previousWord(tokens: Token[], first: number, throughQuotes = false): Token | undefined {
  return adjacent(tokens[first], throughQuotes) ? tokens[first - 1] : undefined
}

/** The token right after the match, if only white space (or, `throughQuotes`, quotation marks) separate them. */
function nextWord(tokens: Token[], last: number, throughQuotes = false): Token | undefined {
  const next = tokens[last + 1]
  return adjacent(next, throughQuotes) ? next : undefined
}

/** Parts of speech that continue a noun phrase after its head. */
const modifiers = new Set<PartOfSpeech>(['noun', 'proper-noun', 'adjective', 'number'])

const has = (set: Set<PartOfSpeech>, tag: PartOfSpeech | undefined): boolean => tag !== undefined && set.has(tag)

const timeUnits = new Set('years months weeks days hours minutes decades'.split(' '))

const periods = new Set('year week month night time summer winter spring autumn fall weekend decade century season term'.split(' '))

/**
 * A count of time that says when (`years later`, `months after`), or `last` or `next` before a
 * period (`admitted 40 NAS babies last year`), not a noun the match modifies. (Days and
 * `yesterday` are adverbs to the tagger's word list already.)
 */
function saysWhen(word: Token, following: Token | undefined): boolean {
  if (word.key === 'last' || word.key === 'next') return periods.has(following?.key ?? '')
  return timeUnits.has(word.key) && /^(?:later|after|ago|before|earlier)$/.test(following?.key ?? '')
}

/** Adjective pairs that follow the noun they qualify: `HIV sufferers past and present`, `addicts young and old`. */
const postpositivePairs = new Set(['past and', 'present and', 'young and', 'old and', 'rich and', 'poor and', 'great and'])

/** Whether a word after a match qualifies it from behind, so the match heads its phrase. */
const postpositive = (word: Token, following: Token | undefined): boolean => word.key === 'alike' || postpositivePairs.has(`${word.key} ${following?.key ?? ''}`)

/** A word that owns what follows it: `orphans'`, `victim's`. */
const isPossessive = (token: Token | undefined): boolean => token !== undefined && /['’]s?$/.test(token.text)

/**
 * A participle that opens a clause after a noun: a preposition, a determiner or a pronoun follows
 * it (`a drunk shouting at passengers`, `town drunk honoured by mayor`).
 */
function participleClause(tokens: Token[], index: number): boolean {
  const word = tokens[index]
  const after = closedClassTag(tokens[index + 1]?.key ?? '')
  return word !== undefined && /(?:ing|ed)$/.test(word.key) && (after === 'preposition' || after === 'determiner' || after === 'pronoun')
}

/** Whether the words either side of a match have the parts of speech the context asks for. */
function tagsHold(context: CompiledContext, first: number, last: number, previous: Token | undefined, next: Token | undefined, tagOf: Surroundings['tagOf'], possessive: boolean, following: Token | undefined): boolean {
  // Tags are asked for only where a word is there to tag, so a match at the end of its
  // sentence (or before a known function word, for `head`) never loads the tagger.
  const before = (): PartOfSpeech | undefined => (previous ? tagOf(first - 1) : undefined)
  // A noun of time after the words says when, and modifies nothing (`committed suicide yesterday`,
  // `… years later`); nor does an adjective pair that follows its noun (`sufferers past and present`).
  const after = (): PartOfSpeech | undefined => (!next ? undefined : saysWhen(next, following) || postpositive(next, following) ? 'adverb' : tagOf(last + 1))
  if (context.precededByPos && !has(context.precededByPos, before())) return false
  if (context.notPrecededByPos && has(context.notPrecededByPos, before())) return false
  if (context.followedByPos && !has(context.followedByPos, after())) return false
  if (context.notFollowedByPos && has(context.notFollowedByPos, after())) return false
  // A word joined on by a hyphen makes a compound of the match's last word (`a committed
  // suicide-prevention charity`): a noun after it, whatever the tagger reads in the compound.
  if (context.notFollowedByPos?.has('noun') && next?.joined && !functionWords.has(next.key)) return false
  // The tagger is least sure of the ambiguous word itself, so the head test reads only its follower.
  // A possessive heads nothing it owns (`AIDS orphans' homes` still names the children).
  if (context.head && next && !possessive && !standaloneFollowers.has(next.key) && has(modifiers, after())) return false
  return true
}

/**
 * Whether a match's context holds. `end` is the last token of the whole term: a pattern's words
 * after `>>` are not flagged, but what follows the term is read after them (`abused the
 * medication budget` has a noun after the drug).
 */
function contextHolds(context: CompiledContext, tokens: Token[], first: number, last: number, {paragraph, document, tagOf}: Surroundings, end = last): boolean {
  // A document about something else altogether (a match report for `hooker`, a software manual
  // for `vagrant`). Turning a rule off takes two of its words at least: one passing word in a
  // short text (`Her brother played rugby once`) says nothing.
  if (context.offTopic && isAbout(document(), context.offTopic, 2)) return false
  const previous = previousWord(tokens, first)
  const next = nextWord(tokens, end)
  // A word a context requires may stand outside the quotation marks round the match (`is “so
  // OCD”`); a word it rules out must touch the match (`the film “Junkie Dad”` is no film junkie).
  const introducing = previous ?? previousWord(tokens, first, true)
  const following = next ?? nextWord(tokens, end, true)
  // A headline drops the article a rule may ask for before the words (`Alcoholic jailed after crash`).
  const droppedArticle = !introducing && droppableArticles.some((article) => context.precededBy && inWordSet(context.precededBy, article)) && opensHeadline(tokens, first, end)
  if (context.precededBy && !(introducing && inWordSet(context.precededBy, introducing.key)) && !droppedArticle) return false
  if (context.notPrecededBy && previous && inWordSet(context.notPrecededBy, previous.key)) return false
  if (context.followedBy && !(following && inWordSet(context.followedBy, following.key))) return false
  if (context.notFollowedBy && next && inWordSet(context.notFollowedBy, next.key)) return false
  // A verb after the words ends the noun phrase too (`a drunk staggered in`, `Town Drunk Banned`),
  // and so does a participle before a preposition or a determiner (`a drunk shouting at
  // passengers`, `drunk honoured by mayor`), which a compound noun would not have (`the homeless
  // housing crisis`). A possessive owns the noun after it (`a schizophrenic's account`).
  if (context.standalone && next && !isPossessive(tokens[end]) && !standaloneFollowers.has(next.key) && tagOf(end + 1) !== 'verb' && !participleClause(tokens, end + 1)) return false
  if ((context.standalone || context.head) && next && modifiesAcrossConjunction(tokens, end, tagOf)) return false
  if ((context.standalone || context.head) && modifiesAcrossComma(tokens, end, tagOf)) return false
  if (context.noun && previous && readsAsVerb(tokens, first, tagOf)) return false
  if (context.requires || context.forbids) {
    const {requires, forbids, window} = context
    if (window === 'document') {
      // A document's topic: any of its words, the match's own included, as `requires` counts them in a window.
      const words = document()
      if (requires && occurrences(words, requires) === 0) return false
      if (forbids && occurrences(words, forbids) > 0) return false
      return context.needsTags ? tagsHold(context, first, end, previous, next, tagOf, isPossessive(tokens[end]), tokens[end + 2]) : true
    }
    const own = tokens.slice(first, last + 1)
    const around =
      window === 'paragraph'
        ? paragraph.flatMap((sentence) => (sentence === tokens ? [...tokens.slice(0, first), ...tokens.slice(last + 1)] : sentence))
        : [...tokens.slice(Math.max(0, first - window), first), ...tokens.slice(last + 1, last + 1 + window)]
    // The match's own words count as nearby for `requires` (`substance abuse` carries its context).
    // A document about the rule's topic stands in for a nearby word (`get clean` in a hostel story).
    if (requires && ![...around, ...own].some((token) => inWordSet(requires, token.key)) && !(context.topic && isAbout(document(), context.topic))) return false
    if (forbids && around.some((token) => inWordSet(forbids, token.key))) return false
  }
  return context.needsTags ? tagsHold(context, first, end, previous, next, tagOf, isPossessive(tokens[end]), tokens[end + 2]) : true
}

/** Words after which a bare word is a verb: infinitive `to`, modals, `do`, subject pronouns. */
const verbIntroducers = new Set(
  "to will would shall should can could may might must do does did don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't i you he she it we they nothing something everything anything nobody somebody everybody anybody".split(' ')
)

/**
 * A word of a noun rule in a verb's place (`had to tramp the creeks`, `it would beggar the
 * family`, `he tramps to work`, `walk or tramp about`), judged by the words before it: the
 * tagger is least sure of the ambiguous word itself.
 */
function readsAsVerb(tokens: Token[], first: number, tagOf: Surroundings['tagOf']): boolean {
  const previous = tokens[first - 1]
  if (!previous) return false
  // `from convict to councillor`: `to` there is a preposition.
  if (previous.key === 'to' && tokens.slice(Math.max(0, first - 5), first - 1).some((token) => token.key === 'from')) return false
  if (verbIntroducers.has(previous.key)) return true
  if (adverbBeforeObject(tokens, first, tagOf)) return true
  // Coordinated with a verb: `walk or tramp about` (not `dogs and tramps`).
  return /^(?:and|or)$/.test(previous.key) && !tokens[first - 1]?.gapBefore && first >= 2 && tagOf(first - 2) === 'verb'
}

/** Adverbs that pick out a noun (`only convicts`, `even tramps`) rather than qualify a verb. */
const focusAdverbs = new Set('only even just also especially mainly mostly particularly largely chiefly notably not'.split(' '))

/**
 * `the state rarely convicts police officers`: after a subject, an adverb of manner or
 * frequency, and before the word's object (or, after a noun subject, a preposition), the word is
 * a verb.
 */
function adverbBeforeObject(tokens: Token[], first: number, tagOf: Surroundings['tagOf']): boolean {
  const adverb = tokens[first - 1]
  const object = tokens[first + 1]
  if (!adverb || !object || first < 2 || adverb.gapBefore || tokens[first]?.gapBefore || object.gapBefore || focusAdverbs.has(adverb.key)) return false
  if (tagOf(first - 1) !== 'adverb') return false
  const objectTag = tagOf(first + 1)
  if (objectTag === 'noun' || objectTag === 'proper-noun' || objectTag === 'determiner' || objectTag === 'pronoun') return true
  // With a noun for its subject, a verb may take a preposition instead (`The tribunal rarely convicts on one witness`).
  return objectTag === 'preposition' && tagOf(first - 2) === 'noun'
}

/**
 * A phrase that stands alone only in appearance: coordinated with another modifier of the same
 * noun (`the homeless and housing team`, `the homeless and vulnerable people`). After `and` or
 * `or` comes one word, then a noun, with nothing between. (`the homeless and the poor`, `the
 * homeless and elderly` stand alone.)
 */
function modifiesAcrossConjunction(tokens: Token[], last: number, tagOf: Surroundings['tagOf']): boolean {
  const conjunction = tokens[last + 1]
  const modifier = tokens[last + 2]
  const noun = tokens[last + 3]
  if (!conjunction || !/^(?:and|or)$/.test(conjunction.key) || !modifier || !noun || modifier.gapBefore || noun.gapBefore) return false
  // `an alcoholic and a non-alcoholic version`: the term's own negation shares the noun after it.
  if (/^(?:a|an|the)$/.test(modifier.key) && noun.key === 'non' && tokens[last + 4]?.joined && tokens[last + 4]?.key === tokens[last]?.key) return true
  // A determiner after the conjunction opens a noun phrase of its own (`an alcoholic and his kids`).
  if (/^(?:the|a|an|those|these|this|that|their|our|his|her|its|my|your|other|many|most|some|all|every|each|no)$/.test(modifier.key)) return false
  // A verb after the conjunction starts a verb phrase of its own (`help the mentally ill and improve
  // health care`); a participle still modifies the noun (`the homeless and suffering refugees`).
  if (tagOf(last + 2) === 'verb' && !/(?:ing|ed)$/.test(modifier.key)) return false
  // A determiner after the "noun" makes it a verb with its object (`the homeless and hungry queue each night`).
  // (Punctuation between ends the phrase instead: `a schizophrenic and depressive patient, the notes say`.)
  const ends = !tokens[last + 4] || tokens[last + 4]?.gapBefore === true
  if (!ends && /^(?:the|a|an|each|every|their|his|her|its|our|this|that)$/.test(tokens[last + 4]?.key ?? '')) return false
  const head = tagOf(last + 3)
  // A word the model reads as an adjective still heads the phrase when the phrase ends on it.
  return head === 'noun' || head === 'proper-noun' || (head === 'adjective' && ends)
}

/**
 * Coordinate adjectives joined by a comma before their noun: `an alcoholic, violent father`,
 * `the homeless, hungry families`. The word after the comma must read as an adjective (or a
 * participle) and a noun must follow it directly.
 */
function modifiesAcrossComma(tokens: Token[], last: number, tagOf: Surroundings['tagOf']): boolean {
  const modifier = tokens[last + 1]
  if (!modifier?.commaBefore) return false
  // A hyphenated modifier is one word (`a lush, slow-building piece`): its head is after its last part.
  let end = last + 1
  while (tokens[end + 1]?.joined) end++
  const noun = tokens[end + 1]
  if (!noun || noun.gapBefore) return false
  // A participle modifies too (`a junky, cluttered flat`).
  const tag = end > last + 1 ? 'adjective' : tagOf(last + 1)
  if (tag !== 'adjective' && !(tag === 'verb' && /(?:ed|ing)$/.test(modifier.key))) return false
  const head = tagOf(end + 1)
  return head === 'noun' || head === 'proper-noun'
}

const allCapitals = (text: string): boolean => text.length >= 4 && /^[\p{Lu}'’-]+$/u.test(text)
/** Words that make a word in capitals a noun shouted for emphasis (`an ALCOHOLIC`, `three JUNKIES`), not a name. */
const determiners = new Set('a an the this that these those my his her their our your its some any no every many several few more most all other one two three four five six seven eight nine ten'.split(' '))

/**
 * An acronym that ends the match and a capitalised word right after it, in running text, open
 * a name (`caught AIDS Walk participants`, `infected with HIV Unit staff`); a day of the week
 * (`died of AIDS Monday`) or a title line's capitals do not.
 */
function acronymOpensName(tokens: Token[], last: number): boolean {
  const acronym = tokens[last]
  const next = nextWord(tokens, last)
  if (!acronym || !next || !/^\p{Lu}{2,}$/u.test(acronym.text) || !isCapitalised(next.text) || next.lineBefore) return false
  return closedClassTag(next.key) === undefined && !inTitleLine(tokens, last)
}

/**
 * A given name right before a one-word match makes it a surname (`Tommy Nutter Retrospective
 * Opens`, `john lee hooker on vinyl`), where capitals cannot say so: in a headline, or in text
 * typed without capitals. In other text a capitalised run is already a name, and a word in
 * lower case after a capitalised name is what the person did (`Tom got clean`).
 */
function afterGivenName(tokens: Token[], first: number): boolean {
  const before = tokens[first - 1]
  const word = tokens[first]
  if (!before || !word || word.gapBefore || !isGivenName(before.key)) return false
  return hasCapitals(tokens) ? isCapitalised(before.text) && isCapitalised(word.text) : true
}

/** What an apposition may call a capitalised word that opens the sentence: a work, a venue, a brand or a performer. */
const appositionNames = new Set(
  'novel film movie album song hit duet single ballad anthem documentary drama musical game magazine podcast memoir thriller sitcom biopic band club nightclub restaurant bar pub cafe hotel venue brand label boutique guitarist singer rapper drummer bassist musician comedian wrestler boxer dj producer'.split(' ')
)
/** Verbs that make an apposition-like aside a report of speech: `Addicts, the singer said, …`. */
const asideVerbs = /^(?:said|says|told|tells|added|adds|argued|argues|claimed|claims|warned|warns|wrote|writes|insisted|insists)$/

/**
 * A capitalised word that opens the sentence, which an apposition then names as a work, a place
 * or a performer: `Tramp, the private members' club on Jermyn Street, …`, `Junkie, the 1953
 * novel, …`, `Wino, the doom metal guitarist, …`. (`Addicts, the report says, need help` names
 * no work, and `Junkies, the singer said, …` reports speech.)
 */
function namedInApposition(tokens: Token[], first: number, last: number): boolean {
  const word = tokens[first]
  const article = tokens[last + 1]
  // The apposition opens on an article or on a name's possessive (`Maniac, Michael Sembello's 1983 hit`).
  if (first !== 0 || !word || !isCapitalised(word.text) || !article?.commaBefore || !(/^(?:the|a|an)$/.test(article.key) || isCapitalised(article.text))) return false
  for (let index = last + 2; index <= last + 6 && index < tokens.length; index++) {
    const token = tokens[index]
    if (!token || (token.gapBefore && !/'$/.test(tokens[index - 1]?.text ?? ''))) return false
    if (appositionNames.has(token.key)) return !asideVerbs.test(tokens[index + 1]?.key ?? '')
  }
  return false
}

/**
 * One word in capitals, in a sentence otherwise in lower case, with no determiner before it:
 * a product's or a project's name (`TRAMP may or may not be the answer`), not the common noun.
 * A headline in capitals, or several shouted words, is read as usual.
 */
function isCapitalsName(tokens: Token[], first: number, last: number): boolean {
  const word = tokens[first]
  const before = tokens[first - 1]?.key ?? ''
  if (first !== last || !word || !allCapitals(word.text) || determiners.has(before) || /^\d/.test(before)) return false
  let lower = 0
  for (const [index, token] of tokens.entries()) {
    if (index !== first && allCapitals(token.text)) return false
    if (/\p{Ll}/u.test(token.text)) lower++
  }
  return lower >= 3
}

/**
 * Whether a capitalised match is part of a longer capitalised name, such as
 * an organisation or a programme not listed in any rule's exceptions. `acronymHead`: the
 * match opens on an acronym, whose capital says nothing of a name.
 */
function inProperName(tokens: Token[], first: number, last: number, acronymHead: boolean): boolean {
  // A term that opens on an article is a name when its next word is (`the National Coalition for
  // the Homeless`, `Confessions of a Lush`).
  const opensOnArticle = /^(?:the|a|an)$/.test(tokens[first]?.key ?? '') && first < last && isCapitalised(tokens[first + 1]?.text ?? '')
  const head = tokens[opensOnArticle ? first + 1 : first]
  if (!head || !(isCapitalised(head.text) || acronymHead)) return false
  const after = nextWord(tokens, last)
  // A capitalised word or a short acronym goes on with the name (`Junkie XL`, `Addiction NI`);
  // `OK` is a word (`Junkies OK with plan`).
  if (after && (isCapitalised(after.text) || (/^[\p{Lu}\d]{2,4}$/u.test(after.text) && after.text !== 'OK'))) return true
  // A quoted message's attribution ends its line: `Kate P Looney wrote:`.
  if (after && /^(?:wrote|writes)$/.test(after.key) && (last + 2 >= tokens.length || tokens[last + 2]?.lineBefore)) return true
  // A middle initial: `John P. Looney`.
  const initial = tokens[first - 1]
  if (initial && /^\p{Lu}$/u.test(initial.text) && head.start - initial.end === 2 && isCapitalised(tokens[first - 2]?.text ?? '')) return true
  // A character's name: one capitalised word after `the` in running text (`appeared as the Tramp`).
  const article = tokens[first - 1]
  if (first === last && !acronymHead && article?.text === 'the' && first > 1 && !head.gapBefore && !/s$/.test(head.key)) return true
  for (let index = first; index > 0; index--) {
    if (tokens[index]?.gapBefore) return false
    const word = tokens[index - 1]
    if (!word) return false
    // A possessive owns what follows and ends its own name there, when the match's capitals say
    // nothing (`America's AIDS victims`); a capitalised word after one is a title (`Burroughs' Junkie`).
    if (acronymHead && /'s?$/.test(word.key)) return false
    // A sentence's capitalised first word before a name-like word makes a name (`The Samaritans`),
    // but not before an acronym, which British style writes `Aids` (`The Aids victims`).
    // (`For the Homeless, winter is hard` opens on a preposition; `Diary of a Madman` on a noun.)
    if (isCapitalised(word.text)) return index - 1 > 0 || (!acronymHead && (!nameConnectors.has(tokens[index]?.key ?? '') || closedClassTag(word.key) === undefined))
    // `of a` goes on with a title's name too: `Diary of a Madman`, `Confessions of an Addict`.
    if (!nameConnectors.has(word.key) && !(/^(?:a|an)$/.test(word.key) && tokens[index - 2]?.key === 'of')) return false
  }
  return false
}
