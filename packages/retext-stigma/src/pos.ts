import type WinkNLP from 'wink-nlp'
import type {ItemToken} from 'wink-nlp'
import type {Model} from 'wink-eng-lite-web-model'
import {isGivenName} from './given-names.js'
import type {Token} from './tokens.js'
import type {PartOfSpeech} from './types.js'

// wink-nlp's lite web model: MIT, no file or network access, so it runs in Node and in the
// web worker alike. Chosen against retext-pos and en-pos in docs/accuracy.md. Its model costs
// about 15 MiB once loaded and 9 MiB more once set up, and nearly no text needs it (only a
// sentence with a match whose rule reads a neighbour's part of speech), so it is loaded only
// when asked for.
type Nlp = ReturnType<typeof WinkNLP>
let nlp: Nlp | undefined

// The part-of-speech step alone: no sentence splitting, entities or sentiment to set up.
const setUp = (winkNLP: typeof WinkNLP, model: Model): Nlp => (nlp ??= winkNLP(model, ['pos']))

/**
 * Load the part-of-speech tagger, once. Linting in a browser, or from a bundle that holds the
 * engine, needs this awaited before a synchronous lint that tags a sentence, or after such a
 * lint threw {@link TaggerNotLoadedError} (`lintDocument` then loads it and lints again); in
 * Node the engine loads the tagger itself when a sentence first needs it.
 *
 * @returns When the tagger is ready.
 */
export async function loadTagger(): Promise<void> {
  if (nlp) return
  const [{default: winkNLP}, {default: model}] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')])
  setUp(winkNLP, model)
}

/**
 * Thrown by a synchronous lint when a sentence needs the part-of-speech tagger and it cannot be
 * loaded synchronously (in a browser, or from a bundle): `await loadTagger()` and lint again.
 */
export class TaggerNotLoadedError extends Error {
  constructor(cause: unknown) {
    super('retext-stigma: a sentence needs the part-of-speech tagger: `await loadTagger()` before linting synchronously in a browser or from a bundle', {cause})
    this.name = 'TaggerNotLoadedError'
  }
}

/** The tagger, loaded now if it is not yet. */
function tagger(): Nlp {
  if (nlp) return nlp
  try {
    const load = nodeRequire()
    return setUp(load('wink-nlp') as typeof WinkNLP, load('wink-eng-lite-web-model') as Model)
  } catch (cause) {
    throw new TaggerNotLoadedError(cause)
  }
}

/** Node's own `require` for this module, reached without importing a Node module, so the engine stays browser-safe. */
function nodeRequire(): (id: string) => unknown {
  const host = (globalThis as {process?: {getBuiltinModule?: (id: string) => unknown}}).process
  const loader = host?.getBuiltinModule?.('module') as {createRequire(from: string): (id: string) => unknown} | undefined
  if (!loader) throw new Error('no synchronous module loader here (Node 20.16 or later has one)')
  return loader.createRequire(import.meta.url)
}

const fromUniversal: Record<string, PartOfSpeech> = {
  NOUN: 'noun',
  PROPN: 'proper-noun',
  VERB: 'verb',
  AUX: 'auxiliary',
  ADJ: 'adjective',
  ADV: 'adverb',
  DET: 'determiner',
  PRON: 'pronoun',
  ADP: 'preposition',
  CCONJ: 'conjunction',
  SCONJ: 'conjunction',
  NUM: 'number',
  PART: 'particle',
  INTJ: 'interjection'
}

// Quantifiers the model tags as adjectives even where they stand for a noun phrase ("the
// mentally ill-most of them"); as neighbours they behave like determiners.
const quantifiers = new Set(['most', 'many', 'few', 'several', 'much', 'more', 'less', 'all', 'some', 'both'])

/**
 * The part of speech of each token of one sentence. The sentence is tagged as its tokens
 * read with single spaces between them, so the tags line up with the tokens whatever
 * markup or hyphens the source had.
 *
 * @param tokens - One sentence's tokens.
 * @returns One part of speech per token.
 */
export function tagTokens(tokens: Token[]): PartOfSpeech[] {
  const wink = tagger()
  const its = wink.its
  // A headline capitalises every word, which the model reads as names (`Former Town Drunk
  // Honoured By Mayor`): tag it in lower case, keeping acronyms.
  const headline = inTitleCase(tokens)
  const text = tokens.map((token) => (headline && !/^\p{Lu}{2,}$/u.test(token.text) ? token.text.toLowerCase() : token.text)).join(' ')
  const starts = new Map<number, number>()
  let offset = 0
  tokens.forEach((token, index) => {
    starts.set(offset, index)
    offset += token.text.length + 1
  })
  const tags: PartOfSpeech[] = tokens.map(() => 'other')
  let position = 0
  wink
    .readDoc(text)
    .tokens()
    .each((item: ItemToken) => {
      position += (item.out(its.precedingSpaces) as string).length
      const index = starts.get(position)
      const value = item.out(its.value) as string
      // A token the model splits (`can't` → `ca` + `n't`) takes the tag of its first piece.
      if (index !== undefined) {
        const tag = item.out(its.pos) as string
        tags[index] = tag === 'ADJ' && quantifiers.has(value.toLowerCase()) ? 'determiner' : (fromUniversal[tag] ?? 'other')
      }
      position += value.length
    })
  return readModifiersAfterDeterminers(tokens, tags)
}

/** Whether a sentence reads as a headline in title case: four words or more, nearly all capitalised. */
function inTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((token) => /\p{L}/u.test(token.text))
  if (words.length < 4) return false
  const capitalised = words.filter((token) => /^\p{Lu}/u.test(token.text)).length
  return capitalised >= words.length - 1 && words.some((token) => /\p{Ll}/u.test(token.text))
}

/**
 * Right after a determiner, a word the model reads as an adverb or a verb modifies the noun
 * phrase's head (`a quiet alcoholic`, `the first alcoholic`, `a diagnosed schizophrenic`): the
 * model takes the head for an adjective and so its modifier for an adverb. Function words keep
 * their own reading (`a very`), since `lazyTags` answers them first.
 */
function readModifiersAfterDeterminers(tokens: Token[], tags: PartOfSpeech[]): PartOfSpeech[] {
  return tags.map((tag, index) => {
    if ((tag !== 'adverb' && tag !== 'verb') || index === 0 || index + 1 >= tokens.length) return tag
    const before = tags[index - 1] === 'determiner' || closedClass.get(tokens[index - 1]?.key ?? '') === 'determiner'
    return before && !tokens[index]?.gapBefore ? 'adjective' : tag
  })
}

// Function words with one part of speech whatever the sentence: a neighbour that is one of
// these needs no tagger (and the model is not even set up). Words with a second reading
// ("can", "will", "that", "like", "well", "so") are left to the tagger.
const closedClass = new Map<string, PartOfSpeech>([
  ...words('the a an this these those every each either neither no his her its their my your our whose', 'determiner'),
  ...words('of in on at for from with without to by into onto across through over under between among about against during towards toward upon via within beyond behind despite after before until till', 'preposition'),
  ...words('and or nor but', 'conjunction'),
  ...words('because although though unless whereas whether if while', 'conjunction'),
  ...words('i me you he him she they them we us it myself yourself himself herself itself ourselves themselves who whom', 'pronoun'),
  ...words('is are was were be been being am has have had does do did would could should shall must might', 'auxiliary'),
  ...words('not never often also still now too very already always sometimes again soon here there then yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday ago later earlier when where why how', 'adverb'),
  ...words('last next', 'adjective'),
  // The model reads `get` as a noun after an adjective (`the mentally ill get no help`).
  ...words('get gets got', 'verb')
])

/**
 * The part of speech of a word that has one whatever the sentence (a function word, a day of
 * the week, `get`), known without the tagger.
 *
 * @param key - A token's key.
 * @returns Its part of speech, or undefined for any other word.
 */
export function closedClassTag(key: string): PartOfSpeech | undefined {
  return closedClass.get(key)
}

/** A numeral in figures (`40`, `2,000`, `1.5`): a number in any sentence. */
export const numeral = /^\d[\d,.]*$/

function words(list: string, tag: PartOfSpeech): Array<[string, PartOfSpeech]> {
  return list.split(' ').map((word) => [word, tag])
}

/**
 * Tags computed on first use for one sentence, so a sentence whose matches need no part of
 * speech (nearly all of them) is never tagged, and a function word or a numeral next to a
 * match is answered without the tagger.
 *
 * @param tokens - One sentence's tokens.
 * @returns A function from token index to part of speech.
 */
export function lazyTags(tokens: Token[]): (index: number) => PartOfSpeech | undefined {
  let tags: PartOfSpeech[] | undefined
  return (index) => {
    // The last part of a hyphenated word before another word is a compound modifier
    // (`a self-confessed alcoholic`, `a 45-year-old alcoholic`), whatever its parts read as.
    // A function word after a hyphen is a dash between words (`the mentally ill-most of them`).
    const key = tokens[index]?.key ?? ''
    const known = closedClass.get(key)
    if (!known && !quantifiers.has(key) && tokens[index]?.joined && tokens[index + 1] && !tokens[index + 1]?.joined && !tokens[index + 1]?.gapBefore) return 'adjective'
    if (known) return known
    // The model reads a given name typed in lower case as a common noun (`steve got clean`).
    if (isGivenName(key)) return 'proper-noun'
    return numeral.test(key) ? 'number' : (tags ??= tagTokens(tokens))[index]
  }
}
