// Compares part-of-speech taggers on test/engine/fixtures/pos-gold.txt: accuracy on every word,
// on the ambiguous word and on its neighbours, and tagging speed. The candidates are not the
// project's dependencies; install them in a scratch folder first and pass it:
//   (cd /tmp/postest && npm install retext-pos retext-english unified wink-nlp wink-eng-lite-web-model en-pos)
//   node test/bench/pos-compare.mjs /tmp/postest
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

const scratch = process.argv[2]
if (!scratch) {
  console.error('usage: node test/bench/pos-compare.mjs <folder with the candidates in node_modules>')
  process.exit(2)
}
const require = createRequire(join(scratch, 'package.json'))
const load = async (name) => import(pathToFileURL(require.resolve(name)).href)

const gold = readFileSync(new URL('../engine/fixtures/pos-gold.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) =>
    line.split(' ').map((pair) => {
      const [word, tag] = pair.split('/')
      return {word: word.replace(/^\*/, ''), tag, target: word.startsWith('*')}
    })
  )

const penn = (tag) => {
  if (/^NN/.test(tag)) return 'N'
  if (/^(VB|MD)/.test(tag)) return 'V'
  if (/^JJ/.test(tag)) return 'J'
  if (/^(RB|RP)/.test(tag)) return 'R'
  if (/^(DT|PDT|PRP\$)$/.test(tag)) return 'D'
  if (/^(PRP|EX)$/.test(tag)) return 'P'
  if (tag === 'IN') return 'I'
  if (tag === 'CC') return 'C'
  if (tag === 'CD') return 'M'
  if (tag === 'TO') return 'T'
  if (/^W/.test(tag)) return 'W'
  return 'X'
}
const upos = {NOUN: 'N', PROPN: 'N', VERB: 'V', AUX: 'V', ADJ: 'J', ADV: 'R', DET: 'D', PRON: 'P', ADP: 'I', SCONJ: 'I', CCONJ: 'C', NUM: 'M', PART: 'T'}
// A relative word may be tagged a pronoun or a determiner by taggers without a W class.
const agrees = (goldTag, tag) => goldTag === tag || (goldTag === 'W' && (tag === 'P' || tag === 'D' || tag === 'I'))

const {unified} = await load('unified')
const retextEnglish = (await load('retext-english')).default
const retextPos = (await load('retext-pos')).default
const {visit} = await load('unist-util-visit')
const posProcessor = unified().use(retextEnglish).use(retextPos)
const winkNLP = (await load('wink-nlp')).default
const winkModel = (await load('wink-eng-lite-web-model')).default
const nlp = winkNLP(winkModel)
// The engine's configuration: the part-of-speech step alone, which starts faster.
const nlpPos = winkNLP(winkModel, ['pos'])
const its = nlp.its
const enPos = await load('en-pos')
const Tag = enPos.Tag ?? enPos.default?.Tag

const taggers = {
  'retext-pos (pos 0.4)': (words) => {
    const tree = posProcessor.runSync(posProcessor.parse(words.join(' ')))
    const tags = []
    visit(tree, 'WordNode', (node) => {
      tags.push(penn(node.data?.partOfSpeech ?? ''))
    })
    return tags
  },
  'wink-nlp + wink-eng-lite-web-model': (words) =>
    nlp
      .readDoc(words.join(' '))
      .tokens()
      .filter((token) => token.out(its.type) !== 'punctuation')
      .out(its.pos)
      .map((tag) => upos[tag] ?? 'X'),
  'wink-nlp, pos pipe only (as the engine runs it)': (words) =>
    nlpPos
      .readDoc(words.join(' '))
      .tokens()
      .filter((token) => token.out(its.type) !== 'punctuation')
      .out(its.pos)
      .map((tag) => upos[tag] ?? 'X'),
  'en-pos': (words) => new Tag(words).initial().smooth().tags.map(penn)
}

for (const [name, tag] of Object.entries(taggers)) {
  let all = 0
  let allRight = 0
  let targets = 0
  let targetsRight = 0
  let neighbours = 0
  let neighboursRight = 0
  const misses = []
  for (const sentence of gold) {
    const tags = tag(sentence.map((entry) => entry.word))
    if (tags.length !== sentence.length) misses.push(`token count ${tags.length} ≠ ${sentence.length}: ${sentence.map((e) => e.word).join(' ')}`)
    const target = sentence.findIndex((entry) => entry.target)
    sentence.forEach((entry, index) => {
      const right = agrees(entry.tag, tags[index])
      all++
      if (right) allRight++
      if (index === target) {
        targets++
        if (right) targetsRight++
        else misses.push(`${entry.word} ${tags[index]} (gold ${entry.tag}): ${sentence.map((e) => e.word).join(' ')}`)
      } else if (Math.abs(index - target) === 1) {
        neighbours++
        if (right) neighboursRight++
      }
    })
  }
  const texts = gold.map((sentence) => sentence.map((entry) => entry.word))
  for (let round = 0; round < 5; round++) for (const words of texts) tag(words)
  const runs = Math.ceil(3000 / texts.length)
  const started = performance.now()
  for (let round = 0; round < runs; round++) for (const words of texts) tag(words)
  const perThousand = ((performance.now() - started) / (runs * texts.length)) * 1000
  console.log(`${name}: all words ${allRight}/${all} (${((allRight / all) * 100).toFixed(1)}%), ambiguous word ${targetsRight}/${targets}, neighbours ${neighboursRight}/${neighbours}, ${perThousand.toFixed(0)} ms per 1,000 sentences`)
  for (const miss of misses) console.log('   ', miss)
}
