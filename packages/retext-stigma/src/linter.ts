import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {candidateScan, type CandidateScan} from './candidates.js'
import {findingsFromMessages} from './messages.js'
import retextStigma from './plugin.js'
import {isResolved, type ResolvedOptions} from './resolve.js'
import type {Finding} from './types.js'

/**
 * Lints text with one set of resolved options. Build it once ({@link createLinter}) and reuse
 * it for every document those options apply to: nothing is validated or compiled again.
 */
export interface Linter {
  /** The options it lints with. */
  readonly options: ResolvedOptions
  /**
   * Lint an nlcst tree made by any reader (plain text, Markdown, HTML).
   *
   * @param tree - The tree, with positions into `text`.
   * @param text - The source the positions refer to.
   * @returns Findings in order of position.
   */
  lintTree(tree: Root, text: string): Finding[]
  /**
   * Lint plain English text.
   *
   * @param text - The text.
   * @returns Findings in order of position.
   */
  lint(text: string): Finding[]
  /**
   * A look at raw text for what could start a match, so readers can skip what cannot
   * (undefined when the rules hold something it cannot anchor: then read everything).
   */
  readonly candidates: CandidateScan | undefined
}

// Made on first use: a call at the top of the module would keep the parser in every bundle that imports the engine.
let english: ReturnType<typeof englishProcessor> | undefined
const englishProcessor = () => unified().use(retextEnglish).freeze()
const stigmaProcessor = (options: ResolvedOptions) => unified().use(retextStigma, options).freeze()

/**
 * Make a linter for resolved options.
 *
 * @param options - Options from `resolveOptions`.
 * @returns The linter.
 * @throws {TypeError} When the options did not come from `resolveOptions`.
 */
export function createLinter(options: ResolvedOptions): Linter {
  // Raw options here would be resolved again on every linter; the caller should resolve them once.
  if (!isResolved(options)) throw new TypeError('retext-stigma: createLinter takes options that must come from resolveOptions()')
  // Made on first use: attaching the plugin compiles the rules, which a linter made only to check
  // options, or to list rules, never needs.
  let processor: ReturnType<typeof stigmaProcessor> | undefined
  const stigma = () => (processor ??= stigmaProcessor(options))
  const lintTree = (tree: Root, text: string): Finding[] => {
    const file = new VFile(text)
    stigma().runSync(tree, file)
    return findingsFromMessages(file.messages)
  }
  let candidates: {scan: CandidateScan | undefined} | undefined
  return {
    options,
    lintTree,
    lint(text) {
      // Compiled before the parse, so that a long text's tree never meets the compiler's garbage.
      stigma()
      return lintTree((english ??= englishProcessor()).parse(text), text)
    },
    get candidates() {
      return (candidates ??= {scan: candidateScan(options)}).scan
    }
  }
}
