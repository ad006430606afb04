import {inTitleLine} from './title-case.js'
import {adviceWords, arrow, arrowBefore, colonFrames, frameAdjectives, frameNouns, frameWords, namingVerbs, pluralFrameNouns, singularFrameNouns, titleNouns, wordNouns} from './mention-words.js'
import {quoteMarks, type Quotation} from './sentence-quotations.js'
import type {MentionText} from './mention-text.js'

/**
 * Mention frames of lists: terms listed after a frame (`terms such as addict and junkie`) or
 * before one (`… are words we never use`), a glossary entry, and an arrow between two wordings.
 */

/**
 * The term is an item of a list that a frame after it names as words: `lists AIDS victim,
 * HIV carrier and full-blown AIDS as terms to avoid`, `addict, junkie and user are words…`.
 * Walk forward item by item to the frame.
 */
export function listEndsInFrame(s: MentionText, last: number): boolean {
  const {tokens} = s
  let end = last
  for (let items = 0; items < 8; items++) {
    const key = (index: number): string => tokens[index]?.key ?? ''
    if (key(end + 1) === 'as' && (frameNouns.has(key(end + 2)) || frameNouns.has(key(end + 3)))) return items > 0 || frameNouns.has(key(end + 2)) || /^(?:a|an|the)$/.test(key(end + 2))
    // `lists AIDS victim and AIDS carrier among terms to avoid`.
    if (key(end + 1) === 'among' && (pluralFrameNouns.has(key(end + 2)) || pluralFrameNouns.has(key(end + 3)))) return true
    let start = end + 1
    const join = key(start)
    if (join === 'and' || join === 'or') start++
    else if (!/^[\s,;/\u201D\u2019"']*,[\s\u201C\u2018"']*$/.test(s.between(end, start))) return false
    if (start >= tokens.length) return false
    // The next item: up to three words, up to a separator or `as`.
    end = start
    while (end - start < 2 && end + 1 < tokens.length && !tokens[end + 1]?.gapBefore && !/^(?:and|or|as|among)$/.test(key(end + 1))) end++
  }
  return false
}

/**
 * The match is an item of a list (or the only item) that a frame introduces: `the word
 * junkie`, `terms such as addict, junkie and user`, `labels like “addict”`, `so-called
 * junkies`, `a practice called “…”`, `the film “…”`. Walk back item by item to the frame.
 */
export function listedAfterFrame(s: MentionText, first: number, last: number, quotation: Quotation | undefined): boolean {
  const {tokens} = s
  let start = quotation?.first ?? first
  // The item may start with a hyphenated prefix the term does not hold (`ex-prisoner`).
  while (!quotation && start > 0 && !s.tokens[start]?.gapBefore && s.between(start - 1, start) === '-') start--
  let quoted = quotation !== undefined
  // A later unquoted item needs evidence of a list of words: it ends the list, or another
  // item is quoted or a term too ("words like hope, and addicts responded" is no list).
  let listLike = quoted || endsItem(s, last)
  for (let items = 0; items < 8; items++) {
    const before = start - 1
    if (before < 0) return false
    if (frameEndsAt(s, before, start, quoted)) return items === 0 || listLike
    // A bare plural frame takes a list, or one phrase that a singular noun ends: `the words
    // junkie and crackhead`, `the words AIDS victim appeared`; `the words addicts hear` is a clause.
    if (!quoted && pluralFrameEndsAt(s, before, start)) return items === 0 ? listFollows(s, last) || (last > first && !/s$/.test(tokens[last]?.key ?? '')) : listLike
    let end = before
    const join = tokens[before]?.key
    if (join === 'and' || join === 'or' || join === 'nor') end = before - 1
    else if (!/[,;/]/.test(s.between(before, start))) return false
    // After a comma alone, the unquoted match is a list's item only if the list ends or goes
    // on after it: `what the governor called “a landmark step”, convicts will…` is a clause.
    else if (items === 0 && !quotation && !endsItem(s, last) && !listFollows(s, last)) return false
    if (end < 0) return false
    const previous = s.quotationEndingAt(end)
    if (previous) {
      start = previous.first
      quoted = true
      listLike = true
      continue
    }
    // An unquoted item: up to three words, stopping at a frame or a list separator.
    let itemStart = end
    while (itemStart > 0 && end - itemStart < 2 && !tokens[itemStart]?.gapBefore && !frameEndsAt(s, itemStart - 1, itemStart, false) && !pluralFrameEndsAt(s, itemStart - 1, itemStart)) {
      const key = tokens[itemStart - 1]?.key
      if (key === 'and' || key === 'or' || key === 'nor') break
      // A word list's item holds no preposition: `in the words of one detective, “…”` names a speaker.
      if (key !== undefined && /^(?:of|in|on|to|for|from|by|with|at)$/.test(key)) break
      itemStart--
    }
    // An item is a term, not a clause: `the word junkie hurts, and junkies know it` holds
    // a term that is followed by more words, so what follows it is no list of words.
    if (s.isMatch(itemStart, end)) {
      if (!matchEndsAt(s, itemStart, end)) return false
      listLike = true
    }
    start = itemStart
    quoted = false
  }
  return false
}

/** Whether a match within tokens `from` to `to` ends at `to`: the item is the term itself. */
function matchEndsAt(s: MentionText, from: number, to: number): boolean {
  for (let start = to; start >= from; start--) if (s.isMatch(start, to)) return !s.isMatch(start, to - 1)
  return false
}

/**
 * `the word`, `the offensive term`, `this outdated label`: a determiner before a singular frame
 * noun, with up to two adjectives between (no punctuation), as the tagger or the word's ending
 * reads them.
 */
function determinedFrame(s: MentionText, at: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  for (let index = at - 1; index >= Math.max(0, at - 3); index--) {
    if (/^(?:the|this|that)$/.test(key(index))) return true
    if (s.tokens[index + 1]?.gapBefore || !frameAdjectives.test(key(index))) return false
  }
  return false
}

/** `the words`, `these terms`: a determined plural frame noun right before item `item`. */
function pluralFrameEndsAt(s: MentionText, at: number, item: number): boolean {
  const {tokens} = s
  return pluralFrameNouns.has(tokens[at]?.key ?? '') && /^(?:the|these|those)$/.test(tokens[at - 1]?.key ?? '') && !tokens[item]?.gapBefore
}

/**
 * `slang terms for sex workers, such as…`, `words for drug users like…`: a plural frame noun and
 * `for` what the words name, ending at token `at` (three words after `for` at most).
 */
function frameNounFor(s: MentionText, at: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  for (let noun = at - 2; noun >= Math.max(0, at - 4); noun--) if (pluralFrameNouns.has(key(noun)) && key(noun + 1) === 'for') return true
  return false
}

/** Another item follows the match: a conjunction or a list separator. */
function listFollows(s: MentionText, last: number): boolean {
  const next = s.tokens[last + 1]
  if (!next) return false
  if (next.key === 'and' || next.key === 'or' || next.key === 'nor') return true
  return /^[,;/]$/.test(s.between(last, last + 1).trim())
}

/** The match ends its list: punctuation or the end of the sentence follows it. */
function endsItem(s: MentionText, last: number): boolean {
  const next = s.tokens[last + 1]
  return !next || next.gapBefore
}

/** Whether the tokens up to `at` close a frame that introduces the item starting at `item`. */
function frameEndsAt(s: MentionText, at: number, item: number, quoted: boolean): boolean {
  const {tokens} = s
  const key = (index: number): string => tokens[index]?.key ?? ''
  const word = key(at)
  // Most words end no frame: decide that before reading any punctuation.
  if (!frameWords.has(word) && key(at - 1) !== 'called') return false
  const gap = s.between(at, item)
  if (gap.includes(':') && (frameNouns.has(word) || colonFrames.has(word))) return true
  // Only white space, quotation marks and (for a quoted item) a comma or colon may come between.
  // A bare list may open with a bracket after a frame noun: `words (junkie, crackhead) that…`.
  if (!quoted && frameNouns.has(word) && /^\s*\(\s*$/.test(gap)) return true
  const plain = quoted ? /^[\s,:(\u2014\u2013-]*$/.test(gap.replace(quoteMarks, '')) : !tokens[item]?.gapBefore
  if (!plain) return false
  if (word === 'like') return frameNouns.has(key(at - 1)) || frameNounFor(s, at - 1)
  // `say “person who uses drugs” instead of junkie or addict`, `rather than addict or junkie`.
  if (word === 'of' || word === 'than') return key(at - 1) === (word === 'of' ? 'instead' : 'rather')
  // `terms to avoid, including lunatic and maniac`: a plural frame noun a few words back.
  if (word === 'including' || word === 'include' || word === 'includes' || word === 'included') return frameNouns.has(key(at - 1)) || [2, 3, 4].some((offset) => pluralFrameNouns.has(key(at - offset)))
  // `Among the words to avoid are addict, junkie and crackhead`: the list after a copula, the
  // plural frame noun a few words back (not right before it: `the words are addicts'`).
  if (word === 'are' || word === 'were') return [2, 3, 4].some((offset) => pluralFrameNouns.has(key(at - offset))) && (listFollows(s, item) || listFollows(s, item + 1))
  if (word === 'as' && key(at - 1) === 'such') return frameNouns.has(key(at - 2)) || frameNounFor(s, at - 2)
  if (word === 'as' && frameNouns.has(key(at - 1)) && key(at - 2) === 'such') return true
  if (word === 'called' && key(at - 1) === 'so') return true
  if (key(at - 1) === 'called' && key(at - 2) === 'so' && !tokens[at]?.gapBefore) return true
  // A headline drops the determiner: `Charity Warns Against Phrase Full-Blown AIDS`.
  if (frameNouns.has(word)) return quoted || (singularFrameNouns.has(word) && (determinedFrame(s, at) || inTitleLine(tokens, at)))
  if (!quoted) return false
  if (titleNouns.has(word) || namingVerbs.has(word)) return true
  return word === 'as' && (key(at - 1) === 'known' || (key(at - 1) === 'to' && key(at - 2) === 'referred'))
}

/**
 * `Junkie, crackhead and smackhead all reduce a person to a drug`, `Addict, abuser, junkie:
 * each of these words…`: the sentence opens on a list of singular nouns without a determiner,
 * two or more of them terms, or a colon after it and then `the words` (`Hooker, whore, tart: the
 * words change…`). A bare singular noun names the word, not a person.
 */
export function bareTermsOpen(s: MentionText, first: number): boolean {
  const {tokens} = s
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
    if (s.isMatch(start, end) && !s.isMatch(start + 1, end) && !s.isMatch(start, end - 1)) terms++
    // The term opens its item; the last item may run on into the verb (`smackhead all reduce`).
    if (start === first) holdsMatch = true
    // The next item, after a comma or a conjunction; anything else ends the list.
    const separator = s.between(end, end + 1)
    let next = end + 1
    if (/^(?:and|or)$/.test(key(next)) && /^[\s,]*$/.test(separator)) next++
    else if (!/^\s*,\s*$/.test(separator)) {
      // `Hooker, whore, tart: the words change…`: a colon, and what follows calls them words.
      if (holdsMatch && /^\s*[:\u2013\u2014]\s*$/.test(separator) && /^(?:the|these|such|all|both)$/.test(key(next)) && (pluralFrameNouns.has(key(next + 1)) || wordNouns.has(key(next + 1)))) return true
      break
    }
    start = next
  }
  return holdsMatch && terms >= 2
}

/**
 * A glossary or style-guide entry: the sentence (or the clause after a colon) opens on the term,
 * a colon or a dash follows it, perhaps after its part of speech in brackets, and the entry
 * gives advice about words (`AIDS victim – avoid; use person living with HIV`, `Junkie: a slang
 * term for…`, `Glossary: Addict — avoid`, `Addict (noun): outdated`), or its part of speech and
 * a numbered sense follow it, as in a dictionary (`tramp (noun) 1. a person who…`).
 */
export function glossaryEntry(s: MentionText, first: number, last: number): boolean {
  if (first !== 0 && s.clauseStart(first) !== first) return false
  let end = last
  if (/^\s*\($/.test(s.between(end, end + 1)) && /^(?:noun|n|adj|adjective|verb|v)$/.test(s.tokens[end + 1]?.key ?? '') && /^\)/.test(s.between(end + 1, end + 2))) {
    end++
    // A dictionary's numbered senses follow the part of speech: `tramp (noun) 1. a person who…`.
    if (/^\d$/.test(s.tokens[end + 1]?.key ?? '') && /^\)\s*$/.test(s.between(end, end + 1)) && /^\.\s/.test(s.between(end + 1, end + 2))) return true
  }
  const gap = s.between(end, end + 1).replace(/^\)/, '')
  if (!/^\s*(?::|[\u2013\u2014]|\s-)\s*$/.test(gap) && !/^\s*[:\u2013\u2014]/.test(gap)) return false
  return s.tokens.slice(end + 1).some((token) => adviceWords.has(token.key))
}

/**
 * A glossary's mapping from one wording to another: `addict → person with addiction`, `*got
 * clean* → *stopped using drugs*`, `"drug abusers" -> "people who use drugs"`. An arrow right
 * after the term (or its quotation) or right before it makes both sides words.
 */
export function besideArrow(s: MentionText, start: number, end: number): boolean {
  const tail = s.tokens[end]
  // After the sentence's last word, the marks attached to it (`“junkie” →` ends no sentence);
  // nothing before its first word, which lies in another sentence or block (an HTML comment's `-->`).
  const after = end + 1 < s.tokens.length ? s.between(end, end + 1) : tail ? s.text.slice(tail.end, tail.end + 8).split('\n')[0] ?? '' : ''
  const before = start > 0 ? s.between(start - 1, start) : ''
  return arrow.test(after.replace(/^[\s"'*_\u201D\u2019)]*/, '')) || arrowBefore.test(before.replace(/[\s"'*_\u201C\u2018(]*$/, ''))
}
