import {adviceObjects, anyoneObjects, callingVerbs, criticisms, definingVerbs, describingVerbs, generalNaming, namingVerbs, negations, objectPronouns, rejections, replacingVerbs, sayingVerbs, swappingVerbs} from './mention-words.js'
import type {MentionText} from './mention-text.js'

/**
 * Mention frames of naming and advice: calling or describing anyone, advice against a word, a
 * label refused, a style rule that sets a wording aside.
 */

/**
 * Advice not to call people the term: `Don't describe people as schizophrenics`, `never call
 * them junkies`, `avoid referring to clients as addicts`, `never describe a family member as
 * an addict`. A negation or `avoid` before a verb of calling or describing, its object, and
 * the term (after `as` where the verb takes it).
 */
export function advisedAgainst(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  let at = first - 1
  const article = key(at) === 'a' || key(at) === 'an'
  if (article || key(at) === 'the') at--
  const afterAs = key(at) === 'as'
  if (afterAs) at--
  // The object: a word such as `people` or `anyone`, or, before `as` or the term's article, a
  // noun phrase of up to three words (`describe a family member as an addict`, `don't call my
  // brother a junkie`), with no punctuation inside.
  if (adviceObjects.has(key(at))) {
    at--
    if (key(at) === 'a' || key(at) === 'the') at--
  } else if (!afterAs && !article) return false
  else {
    let words = 0
    while (words < 3 && at > 0 && !s.tokens[at + 1]?.gapBefore && !describingVerbs.has(key(at))) {
      at--
      words++
    }
    if (words === 0 || s.tokens[at + 1]?.gapBefore) return false
  }
  if (key(at) === 'to' && /^refer/.test(key(at - 1))) at--
  if (!describingVerbs.has(key(at))) return false
  // Advice against it, or blame for it: `criticised for describing migrants as illegal immigrants`.
  for (let index = at - 1; index >= Math.max(0, at - 3); index--) if (negations.has(key(index)) || criticisms.has(key(index))) return true
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
export function labellingInGeneral(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  let at = first - 1
  if (/^(?:a|an)$/.test(key(at))) at--
  if (key(at) === 'as') at--
  if (!anyoneObjects.has(key(at))) return namingAnyOne(s, at, first)
  at--
  if (key(at) === 'to') at--
  if (!generalNaming.has(key(at))) return false
  const start = key(at - 1) === 'to' ? at - 1 : at
  // Nothing but opening quotation marks inside the frame.
  for (let index = start + 1; index <= first; index++) if (!/^[\s"'\u201C\u2018]*$/.test(s.between(index - 1, index))) return false
  return true
}

/**
 * `Calling a released prisoner an ex-offender keeps them tied to their crime`: a gerund of
 * naming opens the sentence, and its object is anyone of a kind (an indefinite noun phrase of up
 * to three words ending at token `end`). `Calling him an addict was unfair` names someone.
 */
function namingAnyOne(s: MentionText, end: number, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  for (let article = end; article >= Math.max(1, end - 2); article--) {
    if (!/^(?:a|an)$/.test(key(article))) continue
    if (article - 1 !== 0 || !generalNaming.has(key(0)) || !key(0).endsWith('ing')) return false
    for (let index = 1; index <= first; index++) if (!/^[\s"'\u201C\u2018]*$/.test(s.between(index - 1, index))) return false
    return true
  }
  return false
}

/**
 * `what the Victorians called lunatics`, `what were then called lunatics`: the term names
 * a category in someone else's words.
 */
export function whatWasCalled(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  // The term's article may come between (`what people call an AIDS test`).
  const verb = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
  if (!(namingVerbs.has(key(verb)) || /^(?:call|calls)$/.test(key(verb))) || s.tokens[verb + 1]?.gapBefore) return false
  for (let index = verb - 1; index >= Math.max(0, verb - 6); index--) {
    if (key(index) === 'what') return true
    if (s.tokens[index + 1]?.gapBefore) return false
  }
  return false
}

/**
 * A thing's former name: `HIV, once known as the AIDS virus`, `(then called the AIDS virus)`,
 * `Until 1986 it was called the AIDS virus`, `Early reports called it the AIDS virus`. A naming
 * participle after `then`, `once` or `formerly` in an aside, or a thing (`it`) named. A person's
 * former label stays a use (`he, once known as a junkie`, `called him a junkie`).
 */
export function formerName(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  let at = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
  // `called it the AIDS virus`: a thing named.
  if (key(at) === 'it' && /^(?:call|calls|called|calling|name|names|named|dub|dubs|dubbed|term|terms|termed)$/.test(key(at - 1))) return true
  if (key(at) === 'as' && key(at - 1) === 'known') at -= 2
  else if (/^(?:called|termed|dubbed|named|labelled|labeled)$/.test(key(at))) at--
  else return false
  // No person in the clause before it: then it is a label passed on.
  for (let index = at; index >= 0 && !/[.;:]/.test(s.between(index, index + 1)); index--) if (/^(?:he|she|him|her|they|them|who|i|we|you)$/.test(key(index))) return false
  // An aside after a comma or a bracket (`HIV, once known as…`, `(then called…`); `the man was
  // then called a junkie` passes a label on.
  if (/^(?:then|once|formerly|previously|originally)$/.test(key(at)) && /[,(\u2013\u2014]\s*$/.test(s.between(at - 1, at))) return true
  // `it was (then) called`: a thing.
  if (/^(?:then|once|first|originally)$/.test(key(at))) at--
  return /^(?:was|is|were)$/.test(key(at)) && key(at - 1) === 'it'
}

/**
 * A label someone rejects: `He refuses to be called an AIDS sufferer`, `She does not want to
 * be described as HIV-infected`, `objected to being described as an ex-con`, `Nobody wants to
 * be known as a junkie`. A passive of naming after `be` or `being`, with a word of refusal or a
 * negation a few words before it. (`Being called a junkie made him stop going` rejects nothing:
 * a use.)
 */
export function labelRejected(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  let at = first - 1
  if (/^(?:a|an)$/.test(key(at))) at--
  if (key(at) === 'as') {
    at--
    if (key(at) === 'to' && /^(?:referred|spoken)$/.test(key(at - 1))) at--
    if (!/^(?:described|referred|known|seen|labelled|labeled|branded|portrayed|spoken)$/.test(key(at))) return false
  } else if (!/^(?:called|labelled|labeled|branded|dubbed|termed)$/.test(key(at))) return false
  if (!/^(?:be|being)$/.test(key(at - 1))) return false
  // Nothing but opening quotation marks between the verb and the term.
  for (let index = at + 1; index <= first; index++) if (!/^[\s"'\u201C\u2018]*$/.test(s.between(index - 1, index))) return false
  for (let index = at - 2; index >= Math.max(0, at - 6); index--) if (rejections.has(key(index)) || negations.has(key(index))) return true
  return false
}

/** The term is in the definition after `define(s) <a word or two> as`, no punctuation but commas between. */
function definedAs(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  for (let as = first - 1; as >= Math.max(1, first - 6); as--) {
    if (/[.;:!?]/.test(s.between(as, as + 1))) return false
    if (key(as) !== 'as') continue
    // What is defined is a word, not a person (`defined him as an addict`, `defines himself as…`).
    for (let verb = as - 1; verb >= Math.max(0, as - 3); verb--) {
      if (objectPronouns.has(key(verb)) || anyoneObjects.has(key(verb)) || /sel(?:f|ves)$/.test(key(verb))) return false
      if (definingVerbs.has(key(verb))) return verb < as - 1
    }
    return false
  }
  return false
}

/**
 * `Say person who uses drugs, not junkie.`, `Doctors call it an HIV test, not an AIDS test.`:
 * after a comma and `not` (and an article), the wording that a style rule or a verb of calling
 * sets aside.
 */
function setAside(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  const not = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
  if (!/^(?:not|never)$/.test(key(not)) || !/,/.test(s.between(not - 1, not))) return false
  const start = s.clauseStart(not)
  return styleRuleOpens(s, start) || namesBefore(s, start, not)
}

/**
 * A verb of calling in the clause before the contrast: `Doctors call it an HIV test, not an AIDS
 * test`. (`She is a mother, not an addict` names no wording, and stays a use.)
 */
function namesBefore(s: MentionText, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (callingVerbs.has(s.tokens[index]?.key ?? '') || /^(?:called|says|writes|prefers|uses)$/.test(s.tokens[index]?.key ?? '')) return true
  return false
}

/** A style rule opens at token `at`: an imperative (`say …`) or its writer's own (`we say …`). */
function styleRuleOpens(s: MentionText, at: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  const verb = /^(?:we|i)$/.test(key(at)) ? at + 1 : at
  return /^(?:say|write|use|prefer)$/.test(key(verb))
}

/**
 * `Don't say crack baby.`, `Never write addict; write person with addiction.`, `Instead of
 * AIDS test, say HIV test`, `Avoid junkie.`, `Never use addict.`: the term is the object of a
 * verb of saying or writing, of an imperative `avoid` or a negated `use`, or follows
 * `instead of` or `rather than`, and ends its clause (a clause after it, `residents say
 * junkies are everywhere`, makes it a use).
 */
export function saidAsWord(s: MentionText, first: number, last: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  const before = key(first - 1)
  const next = s.tokens[last + 1]
  if (s.tokens[first]?.gapBefore) return false
  // `replaced addict with person who uses drugs`, `swap junkie for…`, `defines junkie as…`: the verb's object is the word.
  if (next && !next.gapBefore && ((replacingVerbs.has(before) && (next.key === 'with' || (next.key === 'for' && swappingVerbs.has(before)))) || (definingVerbs.has(before) && next.key === 'as'))) return true
  // `Dictionaries define an addict as…`: the same with the term's article.
  if (next?.key === 'as' && /^(?:a|an)$/.test(before) && definingVerbs.has(key(first - 2))) return true
  // `defines junkie as a narcotics peddler or addict`: a word in the definition names a word too.
  if (definedAs(s, first)) return true
  const frame =
    sayingVerbs.has(before) ||
    (before === 'of' && key(first - 2) === 'instead') ||
    (before === 'than' && key(first - 2) === 'rather') ||
    insteadOfSaying(s, first) ||
    // `Avoid addict.`, `Never use junkie.`: an imperative about the word.
    (before === 'avoid' && first === 1) ||
    (before === 'use' && negations.has(key(first - 2))) ||
    // `Say person who uses drugs, not junkie.`: the word a style rule (an imperative opening the
    // sentence or following a colon) sets aside.
    setAside(s, first)
  if (!frame) return false
  return !next || next.gapBefore || /^(?:instead|or|rather)$/.test(next.key)
}

/**
 * `Instead of saying someone committed suicide, say…`, `rather than writing that he was a
 * junkie`: the wording set aside is a clause after `instead of saying` (or `rather than
 * saying`), with a short subject before the term.
 */
function insteadOfSaying(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  for (let verb = first - 1; verb >= Math.max(2, first - 5); verb--) {
    if (s.tokens[verb + 1]?.gapBefore) return false
    if (!/^(?:say|saying|write|writing)$/.test(key(verb))) continue
    return (key(verb - 1) === 'of' && key(verb - 2) === 'instead') || (key(verb - 1) === 'than' && key(verb - 2) === 'rather')
  }
  return false
}
