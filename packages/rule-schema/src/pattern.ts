import type {RuleTerm, WordClasses} from './types.js'
import {verbForms} from './inflect.js'
import {phraseKeys} from './normalise.js'

/**
 * The pattern language of `kind: pattern` terms, compiled into the same trie as plain terms:
 *
 * - `word`: the word itself;
 * - `<abuse>`: a verb lemma in each of its forms (`abuse`, `abuses`, `abused`, `abusing`);
 * - `{substance}`: any phrase of a named word class (`rules/word-classes.yml`); `{number}`
 *   is built in and stands for any numeral (`2015`, `30`);
 * - `[of the]`: optional words;
 * - `(drug | substance abuse)`: one of several alternatives;
 * - `… <<` and `>> …`: words that must come before or after the match without being part
 *   of it (`<abuse> >> {substance}` flags the verb only, and only before a drug).
 *
 * Groups nest. A variant's form is the tag of its verb (`base`, `third`, `past`, `gerund`,
 * `participle`), after the term's own `form` and a `-` when it has one; without a verb it
 * is the term's `form` (default `singular`).
 */

/** One expansion of a pattern: the keys to match and what they carry. */
export interface PatternVariant {
  keys: string[]
  form: string
  /** Per word class: the positions `[from, to)` in `keys` that the class filled. */
  captures: Record<string, [number, number]>
  /** Keys before the match proper (the words before `<<`). */
  skip: number
  /** Keys in the match proper (all but the words before `<<` and after `>>`). */
  span: number
}

type Element =
  | {type: 'word'; keys: string[]}
  | {type: 'verb'; lemma: string}
  | {type: 'class'; name: string}
  | {type: 'optional'; body: Element[]}
  | {type: 'choice'; options: Element[][]}
  | {type: 'mark'; side: 'lead' | 'trail'}

/** A problem in a pattern, with the character where it is. */
export class PatternError extends Error {
  constructor(
    message: string,
    readonly index: number
  ) {
    super(message)
    this.name = 'PatternError'
  }
}

/** The trie key of `{number}`: no word normalises to it. */
export const anyNumber = '#'

/** Most variants one term may expand to: a bigger pattern is a mistake, not a rule. */
export const maxVariants = 5000

const closers: Record<string, string> = {'[': ']', '(': ')'}

/**
 * Parse a pattern into its elements.
 *
 * @param pattern - The pattern as written in the rule.
 * @returns The elements of the top-level sequence.
 * @throws {PatternError} When a bracket is unbalanced or a group is empty.
 */
export function parsePattern(pattern: string): Element[] {
  let index = 0
  const sequence = (closer: string | undefined): Element[][] => {
    const options: Element[][] = [[]]
    while (index < pattern.length) {
      const char = pattern[index] as string
      if (/\s/.test(char)) {
        index++
      } else if (char === closer) {
        index++
        return options
      } else if (char === '|') {
        if (!closer) throw new PatternError('`|` may only separate alternatives inside `( … )` or `[ … ]`', index)
        index++
        options.push([])
      } else if (char === '[' || char === '(') {
        const start = index++
        const inner = sequence(closers[char])
        if (inner.some((option) => option.length === 0)) throw new PatternError(`empty ${char === '[' ? 'optional group' : 'alternative'}`, start)
        const current = options.at(-1) as Element[]
        if (char === '[') current.push({type: 'optional', body: inner.length === 1 ? (inner[0] as Element[]) : [{type: 'choice', options: inner}]})
        else current.push({type: 'choice', options: inner})
      } else if (pattern.startsWith('<<', index) || pattern.startsWith('>>', index)) {
        if (closer) throw new PatternError('`<<` and `>>` may not stand inside a group', index)
        ;(options.at(-1) as Element[]).push({type: 'mark', side: char === '<' ? 'lead' : 'trail'})
        index += 2
      } else if (char === '<' || char === '{') {
        const end = pattern.indexOf(char === '<' ? '>' : '}', index)
        const name = end === -1 ? '' : pattern.slice(index + 1, end).trim()
        if (!/^[a-z][a-z-]*$/.test(name)) throw new PatternError(`${char === '<' ? '`<verb>`' : '`{class}`'} needs a lower-case name and its closing bracket`, index)
        ;(options.at(-1) as Element[]).push(char === '<' ? {type: 'verb', lemma: name} : {type: 'class', name})
        index = end + 1
      } else if (char === ']' || char === ')' || char === '>' || char === '}') {
        throw new PatternError(`unexpected \`${char}\``, index)
      } else {
        const start = index
        while (index < pattern.length && !/[\s[\]()<>{}|]/.test(pattern[index] as string)) index++
        ;(options.at(-1) as Element[]).push({type: 'word', keys: phraseKeys(pattern.slice(start, index))})
      }
    }
    if (closer) throw new PatternError(`missing \`${closer}\``, pattern.length)
    return options
  }
  const top = sequence(undefined)
  return top[0] as Element[]
}

/**
 * Call `emit` for every word sequence a pattern stands for, depth first, without building
 * the whole list: a pattern with classes can stand for thousands of phrases.
 *
 * @param term - A `kind: pattern` term.
 * @param classes - The named word classes.
 * @param emit - Receives each variant; its `keys` array is reused, so copy it to keep it.
 * @throws {PatternError} When the pattern does not parse, names an unknown class, or expands too far.
 */
export function forEachVariant(term: RuleTerm, classes: WordClasses, emit: (variant: PatternVariant) => void): void {
  const elements = parsePattern(term.phrase)
  const keys: string[] = []
  const captures = new Map<string, [number, number]>()
  let verb: string | undefined
  let lead: number | undefined
  let trail: number | undefined
  let count = 0
  // Each class's phrases and each verb's forms are split once.
  const memberKeys = new Map<string, string[][]>()
  const membersOf = (name: string): string[][] => {
    let split = memberKeys.get(name)
    if (split) return split
    if (name === 'number') split = [[anyNumber]]
    else {
      const members = classes[name]
      if (!members) throw new PatternError(`unknown word class \`{${name}}\` (classes: ${Object.keys(classes).sort().join(', ') || 'none'})`, 0)
      split = members.map((member) => phraseKeys(member))
    }
    memberKeys.set(name, split)
    return split
  }
  const finish = (): void => {
    if (++count > maxVariants) throw new PatternError(`expands to more than ${maxVariants} variants; split it into several terms`, 0)
    const skip = lead ?? 0
    const span = (trail ?? keys.length) - skip
    if (span <= 0) throw new PatternError('the words between `<<` and `>>` may not be empty', 0)
    const form = verb ? (term.form ? `${term.form}-${verb}` : verb) : (term.form ?? 'singular')
    // Captures count from the start of the match proper, as the engine's tokens do.
    const shifted: Record<string, [number, number]> = {}
    for (const [name, [from, to]] of captures) shifted[name] = [from - skip, to - skip]
    emit({keys, form, captures: shifted, skip, span})
  }
  const run = (sequence: Element[], index: number, next: () => void): void => {
    const element = sequence[index]
    if (!element) return next()
    const rest = (): void => run(sequence, index + 1, next)
    switch (element.type) {
      case 'word':
        keys.push(...element.keys)
        rest()
        keys.length -= element.keys.length
        return
      case 'verb':
        if (verb) throw new PatternError('a pattern may hold one `<verb>`', 0)
        for (const {word, tag} of verbForms(element.lemma)) {
          keys.push(word)
          verb = tag
          rest()
          keys.pop()
        }
        verb = undefined
        return
      case 'class': {
        const before = captures.get(element.name)
        for (const member of membersOf(element.name)) {
          const at = keys.length
          keys.push(...member)
          captures.set(element.name, [at, at + member.length])
          rest()
          keys.length = at
        }
        if (before) captures.set(element.name, before)
        else captures.delete(element.name)
        return
      }
      case 'mark': {
        const saved = element.side === 'lead' ? lead : trail
        if (element.side === 'lead') lead = keys.length
        else trail = keys.length
        rest()
        if (element.side === 'lead') lead = saved
        else trail = saved
        return
      }
      case 'optional':
        rest()
        run(element.body, 0, rest)
        return
      case 'choice':
        for (const option of element.options) run(option, 0, rest)
        return
    }
  }
  run(elements, 0, finish)
}

/**
 * Every word sequence a pattern stands for, each once.
 *
 * @param term - A `kind: pattern` term.
 * @param classes - The named word classes.
 * @returns Its variants, each with its form and the positions its word classes filled.
 * @throws {PatternError} When the pattern does not parse, names an unknown class, or expands too far.
 */
export function expandPattern(term: RuleTerm, classes: WordClasses): PatternVariant[] {
  const seen = new Set<string>()
  const variants: PatternVariant[] = []
  forEachVariant(term, classes, (variant) => {
    const id = `${variant.skip} ${variant.span} ${variant.keys.join(' ')}`
    if (seen.has(id)) return
    seen.add(id)
    variants.push({...variant, keys: [...variant.keys]})
  })
  return variants
}

/**
 * Problems in a pattern term, for the rule checker: a parse error, an unknown class, a
 * pattern that matches nothing or expands too far.
 *
 * @param term - A `kind: pattern` term.
 * @param classes - The named word classes.
 * @returns Messages, empty when the pattern is sound.
 */
export function patternProblems(term: RuleTerm, classes: WordClasses): string[] {
  try {
    if (expandPattern(term, classes).length === 0) return ['the pattern matches no words']
    return []
  } catch (error) {
    if (!(error instanceof PatternError)) throw error
    return [`pattern ${JSON.stringify(term.phrase)}: ${error.message}${error.index > 0 ? ` (at character ${error.index + 1})` : ''}`]
  }
}

/**
 * Fill a suggestion's `{class}` placeholders with the words the match had there, as
 * written; a class the match skipped (inside `[ ]`) leaves nothing behind.
 *
 * @param wording - The suggestion's wording.
 * @param captures - Positions of each class within the match, in tokens.
 * @param written - The text of the match's tokens `[from, to)`, as written.
 * @returns The wording with its placeholders filled.
 */
export function fillPlaceholders(wording: string, captures: Record<string, [number, number]> | undefined, written: (from: number, to: number) => string): string {
  if (!wording.includes('{')) return wording
  return wording
    .replace(/\{([a-z][a-z-]*)\}/g, (_, name: string) => {
      const place = captures?.[name]
      return place ? written(place[0], place[1]) : ''
    })
    .replace(/ {2,}/g, ' ')
    .trim()
}
