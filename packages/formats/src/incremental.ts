import type {Finding, Fix, Linter} from 'retext-stigma'
import {groupBlocks, markdownBlocks, textBlocks, type Block} from './blocks.js'
import {applyDirectives, directiveFor} from './directives.js'
import type {Format} from './format.js'
import {readProse} from './read.js'

/** A run's findings, relative to the run, and as placed in the document at its last position. */
export interface Placement {
  own: Finding[]
  start: number
  line: number
  placed: Finding[]
}

/** Findings per run of blocks, keyed by its text; kept only for the runs of the latest version. A cache belongs to one linter and format. */
export type BlockCache = Map<string, Placement>

/** How an editor lints a document again and again as it changes. */
export interface Incremental {
  /** Findings of the last run, replaced in place by those of this run's blocks. */
  cache: BlockCache
  /** Polled between blocks; returning true abandons the run (a newer version of the text exists). Default: never. */
  shouldStop?: () => boolean
  /** Called when a block cannot be read; the block then has no findings. Default: rethrow. */
  onBlockError?: (error: unknown) => void
  /** Lets the host handle its messages between slices of work. Default: a zero timeout. */
  yieldToEventLoop?: () => Promise<void>
}

/** How long to work before letting the event loop handle messages. */
const sliceMs = 8

const zeroTimeout = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Formats whose blocks parse alone as they do in their document. */
function layout(text: string, format: Format): {blocks: Block[]; definitions: string} | undefined {
  if (format === 'markdown') return markdownBlocks(text)
  if (format === 'text') return {blocks: textBlocks(text), definitions: ''}
  return undefined
}

/** Move a fix by `offset`. */
const shiftFix = (fix: Fix, offset: number): Fix => ({range: [fix.range[0] + offset, fix.range[1] + offset], text: fix.text})

/** Move a finding made on a block to where the block sits in its document. */
function shift(finding: Finding, offset: number, lineOffset: number): Finding {
  const moved: Finding = {
    ...finding,
    offset: finding.offset + offset,
    endOffset: finding.endOffset + offset,
    line: finding.line + lineOffset,
    endLine: finding.endLine + lineOffset,
    alternatives: finding.alternatives.map((alternative) => (alternative.fix ? {...alternative, fix: shiftFix(alternative.fix, offset)} : alternative))
  }
  if (finding.fix) moved.fix = shiftFix(finding.fix, offset)
  return moved
}

/** Reports a block the reader or engine failed on; its findings are then left out. */
type OnBlockError = (error: unknown) => void

/** Lint a piece of the document read alone; a piece in which no term has its words is not read at all. */
async function lintSource(source: string, format: Format, linter: Linter): Promise<Finding[]> {
  if (linter.candidates?.mayMatch(source) === false) return []
  return linter.lintTree(await readProse(source, format), source)
}

/**
 * The document as the directives see it: blocks that hold a directive as written, every other
 * line with content reduced to `x` and spaces. Offsets, lines and which lines have content stay
 * the same, so directives act on the same findings, but the text parses in a fraction of the time.
 */
function directiveView(text: string, blocks: Block[]): string {
  let view = ''
  let cursor = 0
  for (const block of blocks) {
    const source = text.slice(block.start, block.end)
    view += text.slice(cursor, block.start)
    view += source.includes('destigma-') ? source : source.replace(/[^\r\n]+/g, (line) => (/^[\s>]*$/.test(line) ? line : 'x'.padEnd(line.length, ' ')))
    cursor = block.end
  }
  return view + text.slice(cursor)
}

/**
 * Lint a block with the document's link and footnote definitions beside it, so references
 * resolve as in the whole document. They go before the block, which may end inside an unclosed
 * fence, except before front matter, which must open the text; findings in them are dropped.
 */
async function lintWithDefinitions(source: string, definitions: string, format: Format, linter: Linter): Promise<Finding[]> {
  if (source.startsWith('---')) {
    const findings = await lintSource(`${source}\n\n${definitions}`, format, linter)
    return findings.filter((finding) => finding.endOffset <= source.length)
  }
  // The thematic break closes a footnote definition, which would otherwise take in an indented block.
  const prefix = `${definitions}\n\n***\n\n`
  const lines = prefix.split('\n').length - 1
  const findings = await lintSource(prefix + source, format, linter)
  return findings.filter((finding) => finding.offset >= prefix.length).map((finding) => shift(finding, -prefix.length, -lines))
}

/**
 * Lint a document block by block, reusing the findings of blocks whose text is in the cache.
 * The findings equal those of linting the whole document at once (a differential test holds
 * it to that); formats without a block layout (HTML, MDX) are linted whole. Inline directives
 * are applied to the whole document.
 *
 * @param text - The document's text (without a byte-order mark).
 * @param format - Its format.
 * @param linter - The linter; a cache belongs to one linter.
 * @param incremental - The cache and the host's hooks.
 * @returns Findings in document order, or undefined when the run was abandoned.
 */
export async function lintByBlocks(text: string, format: Format, linter: Linter, incremental: Incremental): Promise<Finding[] | undefined> {
  const {cache, shouldStop = () => false, yieldToEventLoop = zeroTimeout} = incremental
  const onBlockError: OnBlockError =
    incremental.onBlockError ??
    ((error) => {
      throw error
    })
  const plan = layout(text, format)
  if (!plan) {
    const key = `whole\u0000${text}`
    const findings = cache.get(key)?.own ?? (await lintSource(text, format, linter))
    if (shouldStop()) return undefined
    cache.clear()
    cache.set(key, {own: findings, start: 0, line: 0, placed: findings})
    return directiveFor(format) && text.includes('destigma-') ? (await applyDirectives(text, format, findings)).findings : findings
  }
  const runs: Run[] = []
  const firstMiss = new Map<string, Run>()
  let line = 0
  let counted = 0
  const carriageReturns = text.includes('\r')
  for (const block of groupBlocks(text, plan.blocks)) {
    line += countLineBreaks(text, counted, block.start, carriageReturns)
    counted = block.start
    const source = text.slice(block.start, block.end)
    const withDefinitions = plan.definitions !== '' && source.includes('[')
    const run: Run = {...block, line, key: withDefinitions ? `${source}\u0000${plan.definitions}` : source, withDefinitions, findings: undefined}
    run.findings = cache.get(run.key)?.own
    if (!run.findings) {
      const same = firstMiss.get(run.key)
      if (same) run.copyOf = same
      else firstMiss.set(run.key, run)
    }
    runs.push(run)
  }
  const reading = {text, definitions: plan.definitions, format, linter, onBlockError}
  let sliceStart = performance.now()
  for (let first = 0; first < runs.length; ) {
    if ((runs[first] as Run).findings || (runs[first] as Run).copyOf) {
      first++
      continue
    }
    let last = first
    const fits = (run: Run | undefined): run is Run => run !== undefined && !run.findings && !run.copyOf && run.end - (runs[first] as Run).start < batchChars
    while (last - first < batchRuns - 1 && fits(runs[last + 1])) last++
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop()
      if (shouldStop()) return undefined
      sliceStart = performance.now()
    }
    await readRuns(runs.slice(first, last + 1), reading)
    first = last + 1
  }
  if (shouldStop()) return undefined
  const placements = new Map<string, Placement>()
  const findings: Finding[] = []
  for (const run of runs) {
    const own = run.findings ?? run.copyOf?.findings ?? []
    // A run that has not moved keeps the very finding objects of the last run, so callers can reuse what they made of them.
    const before = cache.get(run.key)
    let placement = before && before.own === own && before.start === run.start && before.line === run.line ? before : undefined
    placement ??= {own, start: run.start, line: run.line, placed: own.map((finding) => shift(finding, run.start, run.line))}
    placements.set(run.key, placement)
    findings.push(...placement.placed)
  }
  cache.clear()
  for (const [key, placement] of placements) cache.set(key, placement)
  if (!directiveFor(format) || !text.includes('destigma-')) return findings
  return (await applyDirectives(directiveView(text, plan.blocks), format, findings)).findings
}

/** A run of blocks and its findings, relative to the run's start. */
interface Run extends Block {
  /** Line breaks before the run. */
  line: number
  key: string
  withDefinitions: boolean
  findings: Finding[] | undefined
  /** An earlier run with the same text, read in its place. */
  copyOf?: Run
}

/** Runs not in the cache that are read with one parse, at most. */
const batchRuns = 16
const batchChars = 16_384

/**
 * Read consecutive runs with one parse (they are whole top-level blocks, so together they read
 * as they do apart) and hand each its own findings; where the reader fails, retry run by run,
 * so that an unreadable block costs only its own findings.
 */
async function readRuns(
  batch: Run[],
  reading: {text: string; definitions: string; format: Format; linter: Linter; onBlockError: OnBlockError}
): Promise<void> {
  const head = batch[0] as Run
  const tail = batch[batch.length - 1] as Run
  const source = reading.text.slice(head.start, tail.end)
  let found: Finding[]
  try {
    found = batch.some((run) => run.withDefinitions)
      ? await lintWithDefinitions(source, reading.definitions, reading.format, reading.linter)
      : await lintSource(source, reading.format, reading.linter)
  } catch (error) {
    if (batch.length > 1) {
      for (const run of batch) await readRuns([run], reading)
      return
    }
    reading.onBlockError(error)
    found = []
  }
  for (const run of batch) {
    const from = run.start - head.start
    const to = run.end - head.start
    run.findings = found.filter((finding) => finding.offset >= from && finding.offset < to).map((finding) => shift(finding, -from, head.line - run.line))
  }
}

/** Line breaks in `text` between two offsets: LF, CRLF and a lone CR each count once, as editors and the engine count them. */
function countLineBreaks(text: string, from: number, to: number, carriageReturns: boolean): number {
  let count = 0
  if (!carriageReturns) {
    for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++
    return count
  }
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++
  }
  return count
}
