import {spawnSync} from 'node:child_process'
import {describe, expect, it, vi} from 'vitest'
import type {Rule} from '../../packages/rule-schema/src/types.js'
import {root} from '../helpers.js'

// Count the sentences the tagger reads, to prove tagging is lazy.
const tagged = vi.hoisted(() => ({sentences: [] as string[]}))
// The engine's own copy of wink-nlp, as its package resolves it.
vi.mock('../../packages/retext-stigma/node_modules/wink-nlp/src/wink-nlp.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('wink-nlp')>()
  const wrap = (...args: Parameters<typeof actual.default>) => {
    const nlp = actual.default(...args)
    const readDoc = nlp.readDoc.bind(nlp)
    nlp.readDoc = (text: string) => {
      tagged.sentences.push(text)
      return readDoc(text)
    }
    return nlp
  }
  return {...actual, default: wrap}
})

const {lint, fix} = await import('../../packages/retext-stigma/src/api.js')
const {loadTagger, tagTokens} = await import('../../packages/retext-stigma/src/pos.js')
// Loaded through the import the mock sees (Node's own require, the engine's fallback, would pass it by).
await loadTagger()

const token = (text: string, start: number) => ({key: text.toLowerCase(), text, start, end: start + text.length, gapBefore: false, lineBefore: false})
const tokens = (words: string[]) => {
  let offset = 0
  return words.map((word) => {
    const made = token(word, offset)
    offset += word.length + 1
    return made
  })
}

describe('tagging', () => {
  it('gives each token the part of speech of its neighbours’ reading', () => {
    expect(tagTokens(tokens(['she', 'is', 'a', 'lifelong', 'alcoholic', 'now']))).toEqual(['pronoun', 'auxiliary', 'determiner', 'adjective', 'adjective', 'adverb'])
    expect(tagTokens(tokens(['an', 'alcoholic', 'ginger', 'beer'])).slice(2)).toEqual(['noun', 'noun'])
  })

  it('keeps one tag per token where the tagger splits a word', () => {
    const tags = tagTokens(tokens(['the', 'city’s', 'homeless', 'can’t', 'wait']))
    expect(tags).toHaveLength(5)
    expect(tags[0]).toBe('determiner')
  })

  it('reads the last part of a hyphenated word before another word as a compound modifier', async () => {
    const {lazyTags} = await import('../../packages/retext-stigma/src/pos.js')
    const words = tokens(['a', 'self', 'confessed', 'alcoholic', 'ill', 'most', 'of'])
    const joined = words.map((word, index) => (index === 2 || index === 5 ? {...word, joined: true} : word))
    const tagOf = lazyTags(joined)
    expect(tagOf(2)).toBe('adjective')
    // A quantifier after a hyphen is a dash between words, not a compound.
    expect(tagOf(5)).not.toBe('adjective')
    expect(lint('Her father was a heavy-drinking alcoholic.').map((finding) => finding.actual)).toEqual(['alcoholic'])
  })

  it('reads a modifier right after a determiner as an adjective, where the model reads an adverb or a verb', () => {
    // The model takes `alcoholic` for an adjective, and so `quiet` and `first` for adverbs.
    expect(tagTokens(tokens(['she', 'was', 'a', 'quiet', 'alcoholic', 'then']))[3]).toBe('adjective')
    expect(tagTokens(tokens(['the', 'first', 'alcoholic', 'I', 'met']))[1]).toBe('adjective')
    expect(tagTokens(tokens(['a', 'diagnosed', 'schizophrenic', 'who', 'left']))[1]).toBe('adjective')
    // Not after a word that is no determiner: `he quickly left`.
    expect(tagTokens(tokens(['he', 'quickly', 'left', 'home']))[1]).toBe('adverb')
    expect(lint('A neighbour called him a quiet alcoholic who kept to himself.').map((finding) => finding.actual)).toEqual(['alcoholic'])
    expect(lint('The first alcoholic drink he tried was cider.')).toEqual([])
  })

  it('reads a quantifier before "of" as a determiner, not an adjective', () => {
    expect(tagTokens(tokens(['the', 'mentally', 'ill', 'most', 'of', 'them']))[3]).toBe('determiner')
  })
})

const gizmo: Rule = {
  id: 'test-gizmo',
  category: 'drugs',
  severity: 'error',
  confidence: 'clear-cut',
  terms: [{phrase: 'gizmoic', kind: 'fixed'}, {phrase: 'gizmoid', kind: 'fixed', context: {followed_by_pos: ['verb', 'auxiliary']}}],
  suggestions: {default: [{text: 'person with gizmos', safe: true}]},
  explanation: 'A test rule about gizmos, used only by the engine tests.',
  context: {head: true, not_preceded_by_pos: ['auxiliary']}
}
const options = {customRules: [gizmo]}
const found = (text: string) => lint(text, options).filter((finding) => finding.ruleId === gizmo.id).map((finding) => finding.actual)

describe('part-of-speech conditions', () => {
  it('fires where the term heads its noun phrase, not where a noun or adjective follows', () => {
    expect(found('She is a lifelong gizmoic now.')).toEqual(['gizmoic'])
    expect(found('Living with a gizmoic can be hard.')).toEqual(['gizmoic'])
    expect(found('He wrote about the mind of the gizmoic.')).toEqual(['gizmoic'])
    expect(found('She ordered a gizmoic ginger beer.')).toEqual([])
    expect(found('They sell gizmoic drinks.')).toEqual([])
    // A comma may join coordinate adjectives before their noun; before anything else it ends the phrase.
    expect(found('He had a gizmoic, violent father.')).toEqual([])
    expect(found('The gizmoic, hungry families queued.')).toEqual([])
    expect(found('He is a gizmoic, and a good man.')).toEqual(['gizmoic'])
    expect(found('He was a gizmoic, violent and cruel.')).toEqual(['gizmoic'])
    expect(found('It was a gizmoic, slow-building piece.')).toEqual([])
    // The term's own negation after `and` shares the noun: `an alcoholic and a non-alcoholic version`.
    expect(found('The menu has a gizmoic and a non-gizmoic version of every drink.')).toEqual([])
    expect(found('He is a gizmoic and a good father.')).toEqual(['gizmoic'])
    // `last` or `next` before a period says when; before anything else it modifies the noun.
    expect(found('The unit admitted a gizmoic last year.')).toEqual(['gizmoic'])
    expect(found('We will see the gizmoic next week.')).toEqual(['gizmoic'])
    expect(found('It was a gizmoic last resort.')).toEqual([])
    // An adjective pair that follows its noun qualifies it from behind: the term still heads its phrase.
    expect(found('Candles were lit for every gizmoic past and present.')).toEqual(['gizmoic'])
    expect(found('Each gizmoic young and old was welcome.')).toEqual(['gizmoic'])
    expect(fix('She is a lifelong gizmoic now.', options)).toBe('She is a lifelong person with gizmos now.')
  })

  it('checks the parts of speech of the words before and after', () => {
    expect(found('The cider is gizmoic.')).toEqual([])
    expect(found('The gizmoid was late.')).toEqual(['gizmoid'])
    expect(found('The gizmoid in the room.')).toEqual([])
  })

  it('reads a `noun` term in a verb’s place: after a subject and an adverb, before an object', () => {
    const verbal: Rule = {...gizmo, id: 'test-widgeteers', terms: [{phrase: 'widgeteers', kind: 'fixed', context: {noun: true}}], context: {}}
    const nouns = (text: string) => lint(text, {customRules: [verbal]}).filter((finding) => finding.ruleId === verbal.id).map((finding) => finding.actual)
    expect(nouns('The state rarely widgeteers police officers.')).toEqual([])
    expect(nouns('The law quickly widgeteers them.')).toEqual([])
    // A focus adverb picks out the noun; without an object the adverb says nothing.
    expect(nouns('They said only widgeteers may apply.')).toEqual(['widgeteers'])
    expect(nouns('The jail released widgeteers early.')).toEqual(['widgeteers'])
    expect(nouns('Rarely widgeteers the wrong man.')).toEqual(['widgeteers'])
  })

  it('tags only sentences where a candidate has a neighbour that is not a function word', () => {
    tagged.sentences.length = 0
    lint('Clean prose about the weather. The council met on Tuesday. A gizmoic arrived. The gizmoic was late. The addict was seen.', options)
    expect(tagged.sentences).toEqual(['A gizmoic arrived'])
  })
})

/** Run a script against the built engine in a fresh Node process; it prints JSON. */
function inFreshNode(script: string): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout)
}

// Whether the model is in memory: Node caches it as the CommonJS module it is.
const modelLoaded = `(await import('node:module')).createRequire(import.meta.url).cache`
const prelude = `const {lint, loadTagger} = await import('retext-stigma'); const cache = ${modelLoaded}; const loaded = () => Object.keys(cache).some((file) => file.includes('wink-eng-lite-web-model')); const ids = (text) => lint(text).map((finding) => finding.ruleId);`

describe('loading the tagger', () => {
  it('loads the model only when a sentence first needs a part of speech, synchronously in Node', () => {
    const script = `${prelude} const imported = loaded(); const untagged = ids('Services for addicts were cut. The alcoholic was late.'); const before = loaded(); const tagged = ids('I met the first alcoholic girl today. The first alcoholic I met was kind.'); console.log(JSON.stringify({imported, untagged, before, tagged, after: loaded()}))`
    expect(inFreshNode(script)).toEqual({imported: false, untagged: ['addict', 'alcoholic'], before: false, tagged: ['alcoholic'], after: true})
  })

  it('answers the common words after a guarded term without the model (prepositions, time words)', () => {
    const script = `${prelude} const found = ids('He committed suicide after losing his job. She committed suicide yesterday. He committed suicide last year. They committed suicide within a week. He committed suicide Tuesday, police said.'); console.log(JSON.stringify({found, loaded: loaded()}))`
    expect(inFreshNode(script)).toEqual({found: ['committed-suicide', 'committed-suicide', 'committed-suicide', 'committed-suicide', 'committed-suicide'], loaded: false})
  })

  it('answers a numeral after a guarded term without the model', () => {
    const script = `${prelude} const found = ids('HIV infected 40 people in the town. HIV infected 2,000 people. He has been HIV-infected for years.'); console.log(JSON.stringify({found, loaded: loaded()}))`
    expect(inFreshNode(script)).toEqual({found: ['hiv-infected'], loaded: false})
  })

  it('asks for loadTagger() where the host has no synchronous loader, and lints the same once it is awaited', () => {
    const script = `${prelude} process.getBuiltinModule = undefined; let error; try { ids('The first alcoholic I met was kind.') } catch (caught) { error = caught.message } await loadTagger(); console.log(JSON.stringify({error, tagged: ids('I met the first alcoholic girl today. The first alcoholic I met was kind.')}))`
    expect(inFreshNode(script)).toEqual({error: expect.stringMatching(/await loadTagger\(\)/), tagged: ['alcoholic']})
  })
})
