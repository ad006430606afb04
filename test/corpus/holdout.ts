import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import type {Finding} from 'retext-stigma'
import {scoreCorpus, type CorpusDocument, type Expectation, type Family, type Miss, type Tally} from './corpus.js'

// The hold-out corpus of issue 11 (test/corpus/holdout/): what it may name, how it is frozen,
// and how it is scored by family. The bench and the tests share this module.

/** Where the hold-out lives, from the repository root. */
export const holdoutFolder = 'test/corpus/holdout'

/** The file that records the SHA-256 digest of every frozen file, in `sha256sum` format. */
export const frozenDigestsFile = 'FROZEN.sha256'

/** A rule's confidence, which decides the preset it runs under. */
export type Confidence = 'clear-cut' | 'contested'

/**
 * The rule ids agreed for issue 11 before their rules exist (/work/brief-pins.md). An
 * annotation may name them; until the rule lands the bench counts it as a miss under the
 * preset its agreed confidence puts it in, and once it lands the rule must keep that
 * confidence and category.
 */
export const pendingRules: ReadonlyMap<string, {category: string; confidence: Confidence}> = new Map([
  ['working-girl', {category: 'sex-work', confidence: 'clear-cut'}],
  ['vice-girl', {category: 'sex-work', confidence: 'clear-cut'}],
  ['dosser', {category: 'homelessness', confidence: 'clear-cut'}],
  ['dirty-habit', {category: 'drugs', confidence: 'clear-cut'}],
  ['drug-taker', {category: 'drugs', confidence: 'contested'}],
  ['sobriety', {category: 'alcohol', confidence: 'contested'}],
  ['drug-free', {category: 'drugs', confidence: 'contested'}],
  ['alcohol-misuse', {category: 'alcohol', confidence: 'contested'}],
  ['mentally-ill', {category: 'mental-health', confidence: 'contested'}],
  ['in-denial', {category: 'drugs', confidence: 'contested'}],
  ['enabler', {category: 'drugs', confidence: 'contested'}],
  ['suicide-attempter', {category: 'suicide', confidence: 'contested'}],
  ['panhandler', {category: 'homelessness', confidence: 'contested'}]
])

/** The presets the bench measures. */
export type Preset = 'recommended' | 'strict'

/**
 * Which annotations a run should find: under default options a mention must give no finding,
 * so it is never expected; a contested rule's annotations count only under `strict`.
 *
 * @param preset - The preset of the run.
 * @param confidenceOf - A rule's confidence (the engine's for rules it has, else the agreed one).
 * @returns The filter to pass to `scoreCorpus`.
 */
export function expectsUnder(preset: Preset, confidenceOf: (ruleId: string) => Confidence): (expectation: Expectation) => boolean {
  return (expectation) => expectation.mention !== true && (preset === 'strict' || confidenceOf(expectation.ruleId) === 'clear-cut')
}

/** The tally key of a sentence that carries no `family:` tag. */
export const untagged = 'general'

/**
 * Score the corpus once per family, with the same rules as `scoreCorpus` (each paragraph
 * linted as one text, a finding belonging to the sentence it starts in): a family's tally
 * holds the annotations and false alarms of its own sentences only.
 *
 * @param documents - The corpus.
 * @param lintText - Runs the engine with the options under test; called once per paragraph.
 * @param expects - Whether an annotation applies under those options.
 * @returns One tally per family present (untagged sentences under {@link untagged}), in the order of `families` then `general`.
 */
export function scoreByFamily(documents: CorpusDocument[], lintText: (text: string) => Finding[], expects: (expectation: Expectation) => boolean): Map<Family | typeof untagged, Tally> {
  const cache = new Map<string, Finding[]>()
  const lintOnce = (text: string): Finding[] => {
    let findings = cache.get(text)
    if (!findings) cache.set(text, (findings = lintText(text)))
    return findings
  }
  const sentences = documents.flatMap((document) => document.paragraphs.flat())
  const keyOf = (family: Family | undefined): Family | typeof untagged => family ?? untagged
  const tallies = new Map<Family | typeof untagged, Tally>()
  for (const key of new Set(sentences.map((sentence) => keyOf(sentence.family)))) {
    const own = sentences.filter((sentence) => keyOf(sentence.family) === key)
    const places = new Set(own.map((sentence) => sentence.place))
    const ownExpectations = new Set(own.flatMap((sentence) => sentence.expected))
    // Only this family's annotations are open, so every correct finding and every miss is its own;
    // false alarms are kept where they fall in its sentences.
    const score = scoreCorpus(documents, lintOnce, (expectation) => ownExpectations.has(expectation) && expects(expectation))
    const falsePositives = score.falsePositives.filter((miss: Miss) => places.has(miss.place))
    tallies.set(key, {
      sentences: own.length,
      traps: own.filter((sentence) => sentence.trap !== undefined).length,
      truePositives: score.total.truePositives,
      falsePositives: falsePositives.length,
      falseNegatives: score.total.falseNegatives
    })
  }
  const order = ['mentions', 'titles', 'names', 'pos', 'patterns', 'idioms', 'new-rules', untagged]
  return new Map([...tallies.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)))
}

/**
 * The SHA-256 digest of each file of a folder with one extension, as `sha256sum` prints it.
 *
 * @param folder - The hold-out folder, or another frozen one.
 * @param extension - Which files: Markdown, unless told.
 * @returns File name to lowercase hex digest, in name order.
 */
export function digestFiles(folder: string, extension = '.md'): Map<string, string> {
  return new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith(extension))
      .sort()
      .map((name) => [name, createHash('sha256').update(readFileSync(join(folder, name))).digest('hex')])
  )
}

/**
 * Read a `sha256sum`-format file (`<hex>  <name>` per line).
 *
 * @param source - The file's text.
 * @returns File name to digest.
 */
export function parseDigests(source: string): Map<string, string> {
  const digests = new Map<string, string>()
  for (const line of source.split('\n')) {
    if (line.trim() === '') continue
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line)
    if (!match) throw new Error(`${frozenDigestsFile}: cannot read the line "${line}"; expected "<sha256>  <file>"`)
    digests.set(match[2] as string, match[1] as string)
  }
  return digests
}
