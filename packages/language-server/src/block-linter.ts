import {applyDirectives, directiveFor, readProse, type Format} from '@destigma/formats'
import {lintTree, type Finding, type StigmaOptions} from 'retext-stigma'
import {groupBlocks, markdownBlocks, textBlocks, type Block} from './blocks.js'

/** Findings per run of blocks, keyed by its text; kept only for the runs of the latest version. */
export type BlockCache = Map<string, Finding[]>

/** Called between blocks; returning true abandons the run (a newer version of the text exists). */
export type ShouldStop = () => boolean

/** How long to work before letting the event loop handle messages. */
const sliceMs = 8

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Formats whose blocks parse alone as they do in their document. */
function layout(text: string, format: Format): {blocks: Block[]; definitions: string} | undefined {
  if (format === 'markdown') return markdownBlocks(text)
  if (format === 'text') return {blocks: textBlocks(text), definitions: ''}
  return undefined
}

/** Move a finding made on a block to where the block sits in its document. */
function shift(finding: Finding, offset: number, lineOffset: number): Finding {
  const moved: Finding = {
    ...finding,
    offset: finding.offset + offset,
    endOffset: finding.endOffset + offset,
    line: finding.line + lineOffset,
    endLine: finding.endLine + lineOffset
  }
  if (finding.fix) moved.fix = {range: [finding.fix.range[0] + offset, finding.fix.range[1] + offset], text: finding.fix.text}
  return moved
}

/** Reports a block the reader or engine failed on; its findings are then left out. */
export type OnBlockError = (error: unknown) => void

async function lintSource(source: string, format: Format, options: StigmaOptions): Promise<Finding[]> {
  return lintTree(await readProse(source, format), source, options)
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
async function lintWithDefinitions(source: string, definitions: string, format: Format, options: StigmaOptions): Promise<Finding[]> {
  if (source.startsWith('---')) {
    const findings = await lintSource(`${source}\n\n${definitions}`, format, options)
    return findings.filter((finding) => finding.endOffset <= source.length)
  }
  // The thematic break closes a footnote definition, which would otherwise take in an indented block.
  const prefix = `${definitions}\n\n***\n\n`
  const lines = prefix.split('\n').length - 1
  const findings = await lintSource(prefix + source, format, options)
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
 * @param options - Engine options; a cache belongs to one set of options.
 * @param cache - Findings of earlier runs; replaced in place by those of this run's blocks.
 * @param shouldStop - Polled between blocks (default: never stop).
 * @param onBlockError - Called when a block cannot be read; the block then has no findings (default: rethrow).
 * @returns Findings in document order, or undefined when the run was abandoned.
 */
export async function lintByBlocks(
  text: string,
  format: Format,
  options: StigmaOptions,
  cache: BlockCache,
  shouldStop: ShouldStop = () => false,
  onBlockError: OnBlockError = (error) => {
    throw error
  }
): Promise<Finding[] | undefined> {
  const plan = layout(text, format)
  if (!plan) {
    const key = `whole\u0000${text}`
    const findings = cache.get(key) ?? (await lintSource(text, format, options))
    if (shouldStop()) return undefined
    cache.clear()
    cache.set(key, findings)
    return directiveFor(format) && text.includes('destigma-') ? (await applyDirectives(text, format, findings)).findings : findings
  }
  const fresh: BlockCache = new Map()
  const findings: Finding[] = []
  let line = 0
  let counted = 0
  let sliceStart = performance.now()
  for (const block of groupBlocks(text, plan.blocks)) {
    line += countLineBreaks(text, counted, block.start)
    counted = block.start
    const source = text.slice(block.start, block.end)
    const withDefinitions = plan.definitions !== '' && source.includes('[')
    const key = withDefinitions ? `${source}\u0000${plan.definitions}` : source
    let own = fresh.get(key) ?? cache.get(key)
    if (!own) {
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop()
        if (shouldStop()) return undefined
        sliceStart = performance.now()
      }
      try {
        own = withDefinitions ? await lintWithDefinitions(source, plan.definitions, format, options) : await lintSource(source, format, options)
      } catch (error) {
        onBlockError(error)
        own = []
      }
    }
    fresh.set(key, own)
    for (const finding of own) findings.push(shift(finding, block.start, line))
  }
  if (shouldStop()) return undefined
  cache.clear()
  for (const [key, value] of fresh) cache.set(key, value)
  if (!directiveFor(format) || !text.includes('destigma-')) return findings
  return (await applyDirectives(directiveView(text, plan.blocks), format, findings)).findings
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++
  return count
}
