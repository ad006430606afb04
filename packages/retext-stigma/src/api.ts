import type {Root} from 'nlcst'
import {createLinter, type Linter} from './linter.js'
import {isResolved, resolveOptions, type ResolvedOptions} from './resolve.js'
import {ruleSet, ruleUrl} from './rule-set.js'
import type {Finding, Fix, Rule, Source, StigmaOptions} from './types.js'

/** The linter for options that are not yet resolved (the built-in defaults' is made once). */
let defaultLinter: Linter | undefined
function linterFor(options: StigmaOptions | ResolvedOptions | undefined): Linter {
  if (options === undefined) return (defaultLinter ??= createLinter(resolveOptions()))
  return createLinter(isResolved(options) ? options : resolveOptions(options))
}

/**
 * Run retext-stigma over an nlcst tree made by any reader (plain text, Markdown, HTML),
 * whose positions point into `text`. To lint many documents with the same options, make a
 * linter once with `createLinter(resolveOptions(...))` instead.
 *
 * @param tree - The nlcst tree.
 * @param text - The source the tree's positions refer to.
 * @param options - Options, raw or resolved.
 * @returns Findings in order of position.
 * @throws {OptionsError} When raw options are invalid.
 */
export function lintTree(tree: Root, text: string, options?: StigmaOptions | ResolvedOptions): Finding[] {
  return linterFor(options).lintTree(tree, text)
}

/**
 * Lint plain English text.
 *
 * @param text - The text.
 * @param options - Options, raw or resolved.
 * @returns Findings in order of position.
 * @throws {OptionsError} When raw options are invalid.
 */
export function lint(text: string, options?: StigmaOptions | ResolvedOptions): Finding[] {
  return linterFor(options).lint(text)
}

/**
 * Apply the fixes of some findings to a text. Overlapping fixes after the first are left out.
 *
 * @param text - The text the findings were made on.
 * @param findings - Findings (those without a fix are skipped).
 * @returns The fixed text.
 */
export function applyFixes(text: string, findings: ReadonlyArray<{fix?: Fix}>): string {
  let result = ''
  let cursor = 0
  for (const fix of chooseFixes(findings)) {
    result += text.slice(cursor, fix.range[0]) + fix.text
    cursor = fix.range[1]
  }
  return result + text.slice(cursor)
}

/**
 * The fixes of some findings that can be applied together: in order of position, each one
 * that starts before the previous one ends left out (the next pass takes it up).
 *
 * @param findings - Findings (those without a fix are skipped).
 * @returns Non-overlapping fixes, in order of position.
 */
export function chooseFixes(findings: ReadonlyArray<{fix?: Fix}>): Fix[] {
  const chosen: Fix[] = []
  let cursor = 0
  for (const fix of findings.flatMap((finding) => (finding.fix ? [finding.fix] : [])).sort((a, b) => a.range[0] - b.range[0])) {
    if (fix.range[0] < cursor) continue
    chosen.push(fix)
    cursor = fix.range[1]
  }
  return chosen
}

/** The most passes of fixing: fixed text can hold a new match (a fix's words beside the next word), and a few passes settle it, as ESLint's ten do. */
export const maxFixPasses = 10

/**
 * Lint plain text and apply every safe fix, again on the fixed text until no safe fix is
 * left (at most ten passes), so that fixing the result once more changes nothing.
 *
 * @param text - The text.
 * @param options - Options, raw or resolved.
 * @returns The fixed text.
 */
export function fix(text: string, options?: StigmaOptions | ResolvedOptions): string {
  const linter = linterFor(options)
  let fixed = text
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const findings = linter.lint(fixed)
    if (!findings.some((finding) => finding.fix)) break
    fixed = applyFixes(fixed, findings)
  }
  return fixed
}

/** A rule with what editors, docs and `--explain` need. */
export interface RuleInfo extends Rule {
  url: string
  /** `recommended` for clear-cut rules, `strict` for contested ones. */
  preset: 'recommended' | 'strict'
  fixable: boolean
  sourceDetails: Array<Source & {key: string}>
}

/**
 * List the built-in rules with their metadata.
 *
 * @returns Every rule, sorted by category and id.
 */
export function listRules(): RuleInfo[] {
  return ruleSet.rules.map(ruleInfo).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
}

/**
 * A rule with what editors, docs and `--explain` need: its page, preset, whether it can be
 * fixed, and its sources (those of the built-in rule set it cites).
 *
 * @param rule - A built-in or custom rule.
 * @returns The rule with its metadata.
 */
export function ruleInfo(rule: Rule): RuleInfo {
  return {
    ...rule,
    url: ruleUrl(rule.id),
    preset: rule.confidence === 'clear-cut' ? 'recommended' : 'strict',
    fixable: Object.values(rule.suggestions).some((list) => list?.some((suggestion) => suggestion.safe)),
    sourceDetails: (rule.sources ?? []).flatMap((key) => {
      const source = ruleSet.sources[key]
      return source ? [{key, ...source}] : []
    })
  }
}

/** The version of the built-in rule set. */
export const ruleSetVersion: string = ruleSet.version
