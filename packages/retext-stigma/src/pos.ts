import winkNLP, {type ItemToken} from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type {Token} from './tokens.js'
import type {PartOfSpeech} from './types.js'

// wink-nlp's lite web model: MIT, no file or network access, so it runs in Node and in the
// web worker alike. Chosen against retext-pos and en-pos in docs/accuracy.md.
type Nlp = ReturnType<typeof winkNLP>
let nlp: Nlp | undefined

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
  nlp ??= winkNLP(model)
  const its = nlp.its
  const text = tokens.map((token) => token.text).join(' ')
  const starts = new Map<number, number>()
  let offset = 0
  tokens.forEach((token, index) => {
    starts.set(offset, index)
    offset += token.text.length + 1
  })
  const tags: PartOfSpeech[] = tokens.map(() => 'other')
  let position = 0
  nlp
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
  return tags
}

/**
 * Tags computed on first use for one sentence, so a sentence whose matches need no part of
 * speech (nearly all of them) is never tagged.
 *
 * @param tokens - One sentence's tokens.
 * @returns A function from token index to part of speech.
 */
export function lazyTags(tokens: Token[]): (index: number) => PartOfSpeech | undefined {
  let tags: PartOfSpeech[] | undefined
  return (index) => (tags ??= tagTokens(tokens))[index]
}
