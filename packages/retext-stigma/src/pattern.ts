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

interface Draft {
  keys: string[]
  verb?: string
  captures: Record<string, [number, number]>
  lead?: number
  trail?: number
}

/**
 * Every word sequence a pattern stands for.
 *
 * @param term - A `kind: pattern` term.
 * @param classes - The named word classes.
 * @returns Its variants, each with its form and the positions its word classes filled.
 * @throws {PatternError} When the pattern does not parse, names an unknown class, or expands too far.
 */
export function expandPattern(term: RuleTerm, classes: WordClasses): PatternVariant[] {
  const elements = parsePattern(term.phrase)
  let partials: Draft[] = [{keys: [], captures: {}}]
  const extend = (current: Draft[], sequence: Element[]): Draft[] => {
    for (const element of sequence) {
      current = current.flatMap((partial) => step(partial, element))
      if (current.length > maxVariants) throw new PatternError(`expands to more than ${maxVariants} variants; split it into several terms`, 0)
    }
    return current
  }
  const step = (partial: Draft, element: Element): Draft[] => {
    switch (element.type) {
      case 'word':
        return [{...partial, keys: [...partial.keys, ...element.keys]}]
      case 'verb': {
        if (partial.verb) throw new PatternError('a pattern may hold one `<verb>`', 0)
        return verbForms(element.lemma).map(({word, tag}) => ({...partial, keys: [...partial.keys, word], verb: tag}))
      }
      case 'class': {
        if (element.name === 'number') return [{...partial, keys: [...partial.keys, anyNumber], captures: {...partial.captures, number: [partial.keys.length, partial.keys.length + 1]}}]
        const members = classes[element.name]
        if (!members) throw new PatternError(`unknown word class \`{${element.name}}\` (classes: ${Object.keys(classes).sort().join(', ') || 'none'})`, 0)
        return members.map((member) => {
          const keys = phraseKeys(member)
          return {...partial, keys: [...partial.keys, ...keys], captures: {...partial.captures, [element.name]: [partial.keys.length, partial.keys.length + keys.length]}}
        })
      }
      case 'mark':
        return [element.side === 'lead' ? {...partial, lead: partial.keys.length} : {...partial, trail: partial.keys.length}]
      case 'optional':
        return [partial, ...extend([partial], element.body)]
      case 'choice':
        return element.options.flatMap((option) => extend([partial], option))
    }
  }
  partials = extend(partials, elements)
  const seen = new Set<string>()
  const variants: PatternVariant[] = []
  for (const partial of partials) {
    const skip = partial.lead ?? 0
    const span = (partial.trail ?? partial.keys.length) - skip
    if (span <= 0) throw new PatternError('the words between `<<` and `>>` may not be empty', 0)
    const id = `${skip} ${span} ${partial.keys.join(' ')}`
    if (seen.has(id)) continue
    seen.add(id)
    const form = partial.verb ? (term.form ? `${term.form}-${partial.verb}` : partial.verb) : (term.form ?? 'singular')
    // Captures count from the start of the match proper, as the engine's tokens do.
    const captures = Object.fromEntries(Object.entries(partial.captures).map(([name, [from, to]]) => [name, [from - skip, to - skip] as [number, number]]))
    variants.push({keys: partial.keys, form, captures, skip, span})
  }
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
