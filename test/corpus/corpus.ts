import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Finding} from 'retext-stigma'

/** One finding a sentence should give: `rule-id: actual`, maybe inside quotation marks. */
export interface Expectation {
  ruleId: string
  actual: string
  quoted: boolean
  /** A word discussed as a word (`(mention)`): no finding by default, found with `mentions: "report"`. */
  mention?: true
}

/** The families of issue 11 a sentence can be tagged with (`family: <name>`). */
export const families = ['mentions', 'titles', 'names', 'pos', 'patterns', 'idioms', 'new-rules'] as const

/** One of {@link families}. */
export type Family = (typeof families)[number]

/** One annotated sentence. */
export interface Sentence {
  text: string
  expected: Expectation[]
  /** The innocent phrase this sentence tests, if it is a trap. */
  trap?: string
  /** The family of issue 11 the sentence tests, if it is tagged. */
  family?: Family
  /** Where the sentence is written, for messages (`drugs.md:12`). */
  place: string
}

/** A document of the corpus: a kind (press release, court report …), a title and its paragraphs. */
export interface CorpusDocument {
  category: string
  kind: string
  title: string
  paragraphs: Sentence[][]
}

/** A line the parser could not read. */
export class CorpusFormatError extends Error {
  constructor(place: string, problem: string) {
    super(`${place}: ${problem}`)
    this.name = 'CorpusFormatError'
  }
}

const annotationPattern = /^ {2}- (.+)$/
const expectationPattern = /^([a-z0-9-]+): (.+?)( \(quoted\))?( \(mention\))?$/
const isFamily = (name: string): name is Family => (families as readonly string[]).includes(name)

/**
 * Read one corpus file. The format, line by line:
 * `## <kind>: <title>` starts a document; `- <sentence>` adds a sentence to the current paragraph;
 * `  - trap: <phrase>`, `  - family: <name>` or `  - <rule-id>: <actual>[ (quoted)][ (mention)]`
 * annotates the sentence above it; a blank line ends the paragraph. `\n` in a sentence stands
 * for a line break. Lines before the first document are a free introduction.
 *
 * @param source - The file's text.
 * @param category - The category the file covers (its name without `.md`).
 * @param file - The file name, for messages.
 * @returns The documents, in order.
 */
export function parseCorpus(source: string, category: string, file: string): CorpusDocument[] {
  const documents: CorpusDocument[] = []
  let paragraph: Sentence[] = []
  let sentence: Sentence | undefined
  const endParagraph = (): void => {
    const document = documents.at(-1)
    if (document && paragraph.length > 0) document.paragraphs.push(paragraph)
    paragraph = []
    sentence = undefined
  }

  source.split('\n').forEach((line, index) => {
    const place = `${file}:${index + 1}`
    if (line.trim() === '') return endParagraph()
    const heading = /^## ([^:]+): (.+)$/.exec(line)
    if (heading) {
      endParagraph()
      documents.push({category, kind: heading[1] as string, title: heading[2] as string, paragraphs: []})
      return
    }
    if (documents.length === 0) return // the introduction
    if (line.startsWith('- ')) {
      sentence = {text: line.slice(2).trim().replaceAll('\\n', '\n'), expected: [], place}
      paragraph.push(sentence)
      return
    }
    const annotation = annotationPattern.exec(line)?.[1]
    if (annotation === undefined) throw new CorpusFormatError(place, `expected "- <sentence>", "  - <annotation>", "## <kind>: <title>" or a blank line, got "${line}"`)
    if (!sentence) throw new CorpusFormatError(place, 'an annotation must follow a sentence')
    const trap = /^trap: (.+)$/.exec(annotation)?.[1]?.replaceAll('\\n', '\n')
    if (trap !== undefined) {
      if (sentence.trap !== undefined) throw new CorpusFormatError(place, 'a sentence has at most one trap')
      sentence.trap = trap
      return
    }
    const family = /^family: (.+)$/.exec(annotation)?.[1]
    if (family !== undefined) {
      if (!isFamily(family)) throw new CorpusFormatError(place, `unknown family "${family}"; use one of ${families.join(', ')}`)
      if (sentence.family !== undefined) throw new CorpusFormatError(place, 'a sentence has at most one family')
      sentence.family = family
      return
    }
    const expectation = expectationPattern.exec(annotation)
    if (!expectation) throw new CorpusFormatError(place, `expected "trap: <phrase>" or "<rule-id>: <actual>" (or "family: <name>"), got "${annotation}"`)
    const parsed: Expectation = {ruleId: expectation[1] as string, actual: (expectation[2] as string).replaceAll('\\n', '\n'), quoted: expectation[3] !== undefined}
    if (expectation[4] !== undefined) parsed.mention = true
    sentence.expected.push(parsed)
  })
  endParagraph()
  return documents
}

/**
 * Read every `*.md` file of the corpus folder except the README.
 *
 * @param folder - The corpus folder.
 * @returns All documents, file by file.
 */
export function loadCorpus(folder: string): CorpusDocument[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .flatMap((name) => parseCorpus(readFileSync(join(folder, name), 'utf8'), name.slice(0, -3), name))
}

/** Counts for one slice of the corpus. */
export interface Tally {
  sentences: number
  traps: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

/** What went wrong with one sentence. */
export interface Miss {
  place: string
  text: string
  key: string
}

/** The result of one run over the corpus. */
export interface Score {
  byCategory: Map<string, Tally>
  total: Tally
  falsePositives: Miss[]
  falseNegatives: Miss[]
  /** Correct findings whose quotation status differs from the annotation. */
  quoteMismatches: Miss[]
}

const emptyTally = (): Tally => ({sentences: 0, traps: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0})

/** Precision of a tally; 1 when nothing was found. */
export const precision = (tally: Tally): number => (tally.truePositives + tally.falsePositives === 0 ? 1 : tally.truePositives / (tally.truePositives + tally.falsePositives))

/** Recall of a tally; 1 when nothing was expected. */
export const recall = (tally: Tally): number => (tally.truePositives + tally.falseNegatives === 0 ? 1 : tally.truePositives / (tally.truePositives + tally.falseNegatives))

/**
 * Lint each paragraph as one text, give each finding to the sentence it starts in, and
 * compare with the annotations: a finding is correct when its rule id and actual text match
 * an expected one that no other finding has taken.
 *
 * @param documents - The corpus.
 * @param lintText - Runs the engine with the options under test.
 * @param expects - Whether an annotation applies under those options (contested rules only in `strict`).
 * @returns The tallies and every mistake.
 */
export function scoreCorpus(documents: CorpusDocument[], lintText: (text: string) => Finding[], expects: (expectation: Expectation) => boolean): Score {
  const score: Score = {byCategory: new Map(), total: emptyTally(), falsePositives: [], falseNegatives: [], quoteMismatches: []}
  for (const document of documents) {
    let tally = score.byCategory.get(document.category)
    if (!tally) score.byCategory.set(document.category, (tally = emptyTally()))
    for (const paragraph of document.paragraphs) {
      const starts: number[] = []
      let text = ''
      for (const sentence of paragraph) {
        if (text) text += ' '
        starts.push(text.length)
        text += sentence.text
      }
      const findings = lintText(text)
      paragraph.forEach((sentence, index) => {
        const start = starts[index] as number
        const end = start + sentence.text.length
        const found = findings.filter((finding) => finding.offset >= start && finding.offset < end)
        const open = sentence.expected.filter(expects)
        const add = (key: keyof Tally, amount = 1): void => {
          ;(tally as Tally)[key] += amount
          score.total[key] += amount
        }
        add('sentences')
        if (sentence.trap !== undefined) add('traps')
        for (const finding of found) {
          const at = open.findIndex((expectation) => expectation.ruleId === finding.ruleId && expectation.actual === finding.actual)
          const key = `${finding.ruleId}: ${finding.actual}`
          const miss = {place: sentence.place, text: sentence.text, key}
          if (at === -1) {
            add('falsePositives')
            score.falsePositives.push(miss)
            continue
          }
          const [expectation] = open.splice(at, 1)
          add('truePositives')
          if (expectation?.quoted !== finding.inQuotation) score.quoteMismatches.push({...miss, key: `${key} (${finding.inQuotation ? 'quoted' : 'not quoted'} in the text)`})
        }
        for (const expectation of open) {
          add('falseNegatives')
          score.falseNegatives.push({place: sentence.place, text: sentence.text, key: `${expectation.ruleId}: ${expectation.actual}`})
        }
      })
    }
  }
  return score
}

/**
 * A plain-text table of a score, one row per category and a total.
 *
 * @param label - The run's name (preset and options).
 * @param score - The score.
 * @returns The table.
 */
export function formatScore(label: string, score: Score): string {
  const categories = [...score.byCategory.entries()].sort(([a], [b]) => a.localeCompare(b))
  return `Corpus accuracy, ${label}\n${formatTallies('category', [...categories, ['overall', score.total]])}`
}

/**
 * A table of tallies, one row each under a header whose first column is `heading`: the
 * columns of {@link formatScore}, shared with the accuracy benchmark's per-family table.
 *
 * @param heading - The first column's title (`category`, `family`).
 * @param rows - Each row's name and tally, in order.
 * @returns The header and the rows, joined by line breaks.
 */
export function formatTallies(heading: string, rows: Iterable<[string, Tally]>): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`
  const row = (name: string, tally: Tally): string =>
    [
      name.padEnd(17),
      String(tally.sentences).padStart(9),
      String(tally.traps).padStart(6),
      String(tally.truePositives + tally.falseNegatives).padStart(9),
      String(tally.truePositives).padStart(5),
      String(tally.falsePositives).padStart(4),
      String(tally.falseNegatives).padStart(4),
      percent(precision(tally)).padStart(10),
      percent(recall(tally)).padStart(7)
    ].join(' ')
  const header = [heading.padEnd(17), 'sentences', ' traps', ' expected', '   TP', '  FP', '  FN', ' precision', ' recall'].join(' ')
  return [header, ...[...rows].map(([name, tally]) => row(name, tally))].join('\n')
}

/**
 * Every mistake of a run, one per line, for a failure message.
 *
 * @param score - The score.
 * @returns The listing, or an empty string when there is nothing to fix.
 */
export function formatMisses(score: Score): string {
  const list = (title: string, misses: Miss[]): string[] =>
    misses.length === 0 ? [] : [`${title} (${misses.length}):`, ...misses.map((miss) => `  ${miss.place}  ${miss.key}  ←  ${miss.text}`)]
  return [
    ...list('False positives (found, not expected)', score.falsePositives),
    ...list('False negatives (expected, not found)', score.falseNegatives),
    ...list('Quotation status differs from the annotation', score.quoteMismatches)
  ].join('\n')
}
