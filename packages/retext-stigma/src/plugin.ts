import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {findInTree, type RawFinding} from './engine.js'
import {isResolved, resolveOptions, ruleStateOf, type ResolvedOptions} from './resolve.js'
import {ruleUrl} from './rule-set.js'
import type {Alternative, Category, Fix, Severity, StigmaOptions} from './types.js'

/** Extra fields retext-stigma puts on each vfile message, beside unified's own. */
export interface StigmaMessageFields {
  category: Category
  severity: Severity
  inQuotation: boolean
  /** The match is a mention, a word discussed as a word (only under `mentions: 'lower'`). */
  mention: boolean
  fix?: Fix
  alternatives: Alternative[]
}

/**
 * retext plugin that flags stigmatising language about drugs, alcohol, addiction
 * and neighbouring areas, and proposes person-first alternatives.
 *
 * Each finding is a vfile message with `source: 'retext-stigma'`, `ruleId`,
 * `actual`, `expected` (best first), `url`, `note` (the why) and `place`;
 * `fatal` is `true` for errors, `false` for warnings and `undefined` for info.
 * A safe fix, where one exists, is on `fix` as `{range, text}`; `alternatives`
 * lists every suggestion with its own edit where one can be built.
 *
 * Options are resolved once, when the plugin is attached, as `resolveOptions` resolves them;
 * options that are already resolved are used as they are.
 *
 * @param options - Options, raw or resolved (default: recommended preset, `en-GB`).
 * @returns The transformer.
 * @throws {OptionsError} When the options or custom rules are invalid.
 */
export default function retextStigma(options?: StigmaOptions | ResolvedOptions) {
  const settings = isResolved(options) ? options : resolveOptions(options)
  // Compile the rules now, before a document is parsed: compiling leaves garbage behind, and
  // that garbage on top of a large document's tree would set the peak memory of the run.
  ruleStateOf(settings)
  return function transform(tree: Root, file: VFile): void {
    const text = String(file.value ?? '')
    const place = location(file)
    // Messages are Errors; their stack traces cost more than the matching and say nothing here.
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      emit(file, place, findInTree(tree, text, settings))
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
  }
}

/** Add one vfile message per finding. */
function emit(file: VFile, place: ReturnType<typeof location>, findings: RawFinding[]): void {
  for (const finding of findings) {
    const start = place.toPoint(finding.start)
    const end = place.toPoint(finding.end)
    const best = finding.expected[0]
    const where = finding.mention ? ' (mentioned as a word)' : finding.inQuotation ? ' (in a quotation)' : ''
    const reason = `Avoid \`${finding.actual}\`` + (best ? `, use \`${best}\` instead` : '') + where
    const message = file.message(reason, {
      place: start && end ? {start, end} : undefined,
      ruleId: finding.rule.id,
      source: 'retext-stigma'
    })
    message.actual = finding.actual
    message.expected = finding.expected
    message.url = ruleUrl(finding.rule.id)
    message.note = finding.rule.explanation
    message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined
    const fields: StigmaMessageFields = {category: finding.rule.category, severity: finding.severity, inQuotation: finding.inQuotation, mention: finding.mention, alternatives: finding.alternatives}
    if (finding.fix) fields.fix = finding.fix
    Object.assign(message, fields)
  }
}
