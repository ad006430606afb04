import type {RuleTerm} from './types.js'
import {phraseKeys} from './normalise.js'

/** A form of a term the matcher looks for, tagged so the fix builder can answer it. */
export interface Variant {
  keys: string[]
  form: string
}

/**
 * Regular English plural of one word.
 *
 * @param word - A singular noun.
 * @returns Its plural.
 */
export function pluralise(word: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/**
 * Derive every variant of a term: plural and possessives for nouns, the
 * closed compound, and explicit tagged forms.
 *
 * @param term - The term as written in the rule.
 * @returns Variants with their form tags (`singular`, `plural`, `possessive`, `plural-possessive` or the rule's own tags).
 */
export function expandTerm(term: RuleTerm): Variant[] {
  const variants: Variant[] = []
  const add = (keys: string[], form: string): void => {
    variants.push({keys, form})
    if (term.closed && keys.length > 1) variants.push({keys: [keys.join('')], form})
  }

  const keys = phraseKeys(term.phrase)
  const kind = term.kind ?? 'noun'
  if (kind === 'noun') {
    const head = keys.at(-1) ?? ''
    // An acronym (`IDU`) takes a plain `s`, whatever its last letter.
    const writtenHead = term.phrase.split(/\s+/).at(-1) ?? ''
    const acronym = /^\p{Lu}{2,}$/u.test(writtenHead)
    const pluralKeys = term.plural ? phraseKeys(term.plural) : [...keys.slice(0, -1), acronym ? head + 's' : pluralise(head)]
    const pluralHead = pluralKeys.at(-1) ?? ''
    add(keys, 'singular')
    add(pluralKeys, 'plural')
    add([...keys.slice(0, -1), head + "'s"], 'possessive')
    add(
      [...pluralKeys.slice(0, -1), pluralHead.endsWith('s') ? pluralHead + "'" : pluralHead + "'s"],
      'plural-possessive'
    )
  } else {
    add(keys, term.form ?? 'singular')
  }

  for (const extra of term.forms ?? []) add(phraseKeys(extra.phrase), extra.form)
  return variants
}

/** Verbs whose past or participle is not `-ed`; the rest follow the spelling rules below. */
const irregularVerbs: Record<string, {past: string; participle?: string; gerund?: string}> = {
  get: {past: 'got', participle: 'gotten'},
  come: {past: 'came', participle: 'come'},
  keep: {past: 'kept'},
  stay: {past: 'stayed'},
  test: {past: 'tested'},
  go: {past: 'went', participle: 'gone'},
  take: {past: 'took', participle: 'taken'},
  fall: {past: 'fell', participle: 'fallen'},
  be: {past: 'was', participle: 'been', gerund: 'being'}
}

/**
 * The forms of a verb, tagged so suggestions can answer each one: `base`, `third`
 * (`abuses`), `past` (`abused`), `gerund` (`abusing`) and, where it differs from the
 * past, `participle` (`gotten`).
 *
 * @param lemma - The verb's base form.
 * @returns Each form with its tag.
 */
export function verbForms(lemma: string): Array<{word: string; tag: string}> {
  const irregular = irregularVerbs[lemma]
  // One-syllable verbs ending consonant-vowel-consonant double it (`get` → `getting`).
  const doubles = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma)
  const stem = doubles ? lemma + lemma.slice(-1) : lemma
  const gerund = irregular?.gerund ?? (/[^e]e$/.test(lemma) ? lemma.slice(0, -1) + 'ing' : /ie$/.test(lemma) ? lemma.slice(0, -2) + 'ying' : stem + 'ing')
  const regularPast = /e$/.test(lemma) ? lemma + 'd' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : stem + 'ed'
  const past = irregular?.past ?? regularPast
  const third = /(?:s|x|z|ch|sh|o)$/.test(lemma) ? lemma + 'es' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ies' : lemma + 's'
  const forms = [
    {word: lemma, tag: 'base'},
    {word: lemma === 'be' ? 'is' : third, tag: 'third'},
    {word: past, tag: 'past'},
    {word: gerund, tag: 'gerund'}
  ]
  const participle = irregular?.participle
  if (participle && participle !== past && participle !== lemma) forms.push({word: participle, tag: 'participle'})
  return forms
}
