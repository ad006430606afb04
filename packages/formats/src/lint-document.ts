import {applyFixes, chooseFixes, loadTagger, maxFixPasses, TaggerNotLoadedError, type Finding, type Fix, type Linter} from 'retext-stigma'
import {applyDirectives, type Directive} from './directives.js'
import type {Format} from './format.js'
import {lintByBlocks, type Incremental} from './incremental.js'
import {readCandidateProse} from './prefilter.js'
import {readProseParts} from './read.js'

/** How to lint a document. */
export interface LintDocumentOptions {
  /** Skip the parse of a document, or of its blocks, in which no enabled term has its words (default: true). */
  prefilter?: boolean
  /** Also list the inline directives that turned nothing off (not in incremental runs, which apply directives as they go). */
  reportUnusedDirectives?: boolean
  /** Lint block by block with a cache, as an editor does on every change (then the result is undefined when the run is abandoned). */
  incremental?: Incremental
}

/** What linting a document gives. */
export interface DocumentLint {
  /** Findings left after inline directives, in order of position. */
  findings: Finding[]
  /** Directives that turned nothing off (only with `reportUnusedDirectives`). */
  unusedDirectives: Directive[]
  /** The safe fixes of the findings that can be applied together, in order of position. */
  fixes: Fix[]
}

/**
 * Lint a document: read its prose (skipping what cannot match), run the rules, apply its
 * inline directives and choose the fixes that can be applied together. The one way every
 * front end lints a document.
 *
 * @param text - The document's text, without a byte-order mark (for .docx, the text `readDocx` gave).
 * @param format - Its format.
 * @param linter - A linter made once for the document's options.
 * @param options - Prefilter, unused directives, incremental linting.
 * @returns The findings, unused directives and fixes; undefined only when an incremental run was abandoned.
 * @throws {Error} When the document cannot be read (an MDX syntax error is a vfile message with a place).
 */
export async function lintDocument(text: string, format: Format, linter: Linter, options?: Omit<LintDocumentOptions, 'incremental'>): Promise<DocumentLint>
export async function lintDocument(text: string, format: Format, linter: Linter, options: LintDocumentOptions): Promise<DocumentLint | undefined>
export async function lintDocument(text: string, format: Format, linter: Linter, options: LintDocumentOptions = {}): Promise<DocumentLint | undefined> {
  let found: Finding[] | undefined
  if (options.incremental) {
    // An editor lints block by block for as long as it runs: load the tagger up front.
    await loadTagger()
    found = await lintByBlocks(text, format, linter, options.incremental)
    if (!found) return undefined
  } else {
    found = await withTagger(() => findingsOf(text, format, linter, options.prefilter !== false))
  }
  const reportUnused = options.reportUnusedDirectives === true
  // Every directive's comment holds this; a document without it has none to apply.
  const directed = text.includes('destigma-') && (found.length > 0 || reportUnused) && !options.incremental
  const {findings, unused} = directed ? await applyDirectives(text, format, found, {reportUnused}) : {findings: found, unused: []}
  return {findings, unusedDirectives: unused, fixes: chooseFixes(findings)}
}

/**
 * Run a lint, loading the part-of-speech tagger and running it again if a sentence needed it:
 * the engine lints synchronously, and a bundle or a browser can only load the tagger
 * asynchronously. Most documents never need it, and so never pay for loading it.
 */
async function withTagger<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof TaggerNotLoadedError)) throw error
    await loadTagger()
    return run()
  }
}

/** The findings of a whole document, piece by piece: a long document's whole tree would take gigabytes, each piece's findings do not. */
async function findingsOf(text: string, format: Format, linter: Linter, prefilter: boolean): Promise<Finding[]> {
  const scan = prefilter ? linter.candidates : undefined
  const parts = scan ? await readCandidateProse(text, format, scan) : await readProseParts(text, format)
  const found: Finding[] = []
  for (const part of parts ?? []) for (const finding of linter.lintTree(part, text)) found.push(finding)
  return found
}

/** A document with every safe fix applied. */
export interface FixedDocument {
  /** The fixed text. */
  text: string
  /** The fixed text's own lint: what is left. */
  lint: DocumentLint
}

/**
 * Apply every safe fix, lint the result and fix again, until no fix is left or ten passes are
 * done, so that fixing the result once more changes nothing.
 *
 * @param text - As for {@link lintDocument}.
 * @param format - Its format.
 * @param linter - The linter.
 * @param options - As for {@link lintDocument}, without incremental linting.
 * @param first - The lint of `text`, when the caller has it already.
 * @returns The fixed text and its lint.
 */
export async function fixDocument(text: string, format: Format, linter: Linter, options: Omit<LintDocumentOptions, 'incremental'> = {}, first?: DocumentLint): Promise<FixedDocument> {
  let fixed = text
  let lint = first ?? (await lintDocument(fixed, format, linter, options))
  for (let pass = 0; pass < maxFixPasses && lint.fixes.length > 0; pass++) {
    const next = applyFixes(fixed, lint.findings)
    if (next === fixed) break
    fixed = next
    lint = await lintDocument(fixed, format, linter, options)
  }
  return {text: fixed, lint}
}
