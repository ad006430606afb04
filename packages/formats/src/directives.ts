import {location} from 'vfile-location'
import {recalledComments, type Comment} from './comments.js'
import type {Format} from './format.js'

/** What a directive does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line'

/** An inline directive found in a document. */
export interface Directive {
  kind: DirectiveKind
  /** Rule ids it applies to; empty means every rule. */
  rules: string[]
  /** The text after ` -- `, if any. */
  reason?: string
  /** The comment as written. */
  text: string
  offset: number
  endOffset: number
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** The result of {@link applyDirectives}. */
export interface DirectiveResult<T> {
  /** The findings no directive suppressed, in the order given. */
  findings: T[]
  /** Disable directives that suppressed nothing (only when `reportUnused` is set). */
  unused: Directive[]
}

const directiveBody = /^\s*destigma-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/

/**
 * Find the inline directives of a Markdown, MDX or HTML document: `destigma-disable`,
 * `destigma-enable` and `destigma-disable-next-line`, each with optional rule ids and an
 * optional reason after ` -- `. Comments inside code are not directives.
 *
 * @param text - The document (without a byte-order mark).
 * @param format - Its format; plain text and .docx have no directives.
 * @returns The directives in source order.
 */
export async function findDirectives(text: string, format: Format): Promise<Directive[]> {
  if (!text.includes('destigma-') || !hasComments(format)) return []
  let comments = recalledComments(text, format)
  if (!comments) {
    if (format === 'html') (await import('./html.js')).readHtml(text)
    else await (await import('./markdown.js')).readMarkdown(text, format === 'mdx')
    comments = recalledComments(text, format) ?? []
  }
  const place = location(text)
  return comments.flatMap((comment) => {
    const directive = parseDirective(text, comment)
    if (!directive) return []
    const start = place.toPoint(comment.start)
    const end = place.toPoint(comment.end)
    return [{...directive, line: start?.line ?? 1, column: start?.column ?? 1, endLine: end?.line ?? 1, endColumn: end?.column ?? 1}]
  })
}

function parseDirective(text: string, comment: Comment): Omit<Directive, 'line' | 'column' | 'endLine' | 'endColumn'> | undefined {
  const match = directiveBody.exec(comment.body)
  if (!match) return undefined
  const [head = '', ...reason] = (match[2] ?? '').split(/\s--(?:\s|$)/)
  const directive = {
    kind: match[1] as DirectiveKind,
    rules: head.split(/[\s,]+/).filter(Boolean),
    text: text.slice(comment.start, comment.end),
    offset: comment.start,
    endOffset: comment.end
  }
  const why = reason.join(' -- ').trim()
  return why ? {...directive, reason: why} : directive
}

const hasComments = (format: Format): boolean => format === 'markdown' || format === 'mdx' || format === 'html'

/**
 * Drop the findings that inline directives turn off. `disable` and `enable` act from where
 * they are written; `disable-next-line` acts on the next line with content, however many
 * blank lines (or other directive lines) come between.
 *
 * @param text - The document the findings were made on (without a byte-order mark).
 * @param format - Its format.
 * @param findings - Findings with a rule id and an offset into `text`.
 * @param options - `reportUnused`: also return disable directives that suppressed nothing.
 * @returns The findings that remain, and unused directives.
 */
export async function applyDirectives<T extends {ruleId: string; offset: number}>(
  text: string,
  format: Format,
  findings: T[],
  options: {reportUnused?: boolean} = {}
): Promise<DirectiveResult<T>> {
  const directives = await findDirectives(text, format)
  if (directives.length === 0) return {findings, unused: []}
  const used = new Set<Directive>()
  const nextLine = targetLines(text, directives)
  const place = location(text)
  const ranges = directives.filter((directive) => directive.kind !== 'disable-next-line')
  const order = findings.map((finding, index) => ({finding, index})).sort((a, b) => a.finding.offset - b.finding.offset)
  const kept = new Set<number>()
  const state = new RangeState()
  let next = 0
  for (const {finding, index} of order) {
    while (next < ranges.length && (ranges[next] as Directive).endOffset <= finding.offset) state.apply(ranges[next++] as Directive)
    const line = place.toPoint(finding.offset)?.line
    const byLine = nextLine.get(line ?? -1)?.find((directive) => covers(directive, finding.ruleId))
    const suppressor = byLine ?? state.suppressor(finding.ruleId)
    if (suppressor) used.add(suppressor)
    else kept.add(index)
  }
  return {
    findings: findings.filter((_finding, index) => kept.has(index)),
    unused: options.reportUnused ? directives.filter((directive) => directive.kind !== 'enable' && !used.has(directive)) : []
  }
}

const covers = (directive: Directive, ruleId: string): boolean => directive.rules.length === 0 || directive.rules.includes(ruleId)

/** Which `disable`/`enable` directives are in force at a point, read in source order. */
class RangeState {
  private all: Directive | undefined
  private readonly perRule = new Map<string, Directive>()
  private readonly reenabled = new Set<string>()

  apply(directive: Directive): void {
    if (directive.kind === 'disable') {
      if (directive.rules.length === 0) {
        this.all = directive
        this.perRule.clear()
        this.reenabled.clear()
      }
      for (const rule of directive.rules) {
        this.perRule.set(rule, directive)
        this.reenabled.delete(rule)
      }
    } else if (directive.rules.length === 0) {
      this.all = undefined
      this.perRule.clear()
      this.reenabled.clear()
    } else
      for (const rule of directive.rules) {
        this.perRule.delete(rule)
        if (this.all) this.reenabled.add(rule)
      }
  }

  suppressor(ruleId: string): Directive | undefined {
    return this.perRule.get(ruleId) ?? (this.reenabled.has(ruleId) ? undefined : this.all)
  }
}

/** For each `disable-next-line`, the line it acts on: the next line with content that is not itself only directives. */
function targetLines(text: string, directives: Directive[]): Map<number, Directive[]> {
  const lines = text.split(/\r\n|\r|\n/)
  const directiveOnly = new Set<number>()
  for (const directive of directives) {
    const first = lines[directive.line - 1] ?? ''
    const last = lines[directive.endLine - 1] ?? ''
    if (first.slice(0, directive.column - 1).trim() === '' && last.slice(directive.endColumn - 1).trim().replace(/^[>\s]*$/, '') === '')
      for (let line = directive.line; line <= directive.endLine; line++) directiveOnly.add(line)
  }
  const targets = new Map<number, Directive[]>()
  for (const directive of directives) {
    if (directive.kind !== 'disable-next-line') continue
    let line = directive.endLine + 1
    while (line <= lines.length && (isBlank(lines[line - 1] ?? '') || directiveOnly.has(line))) line++
    targets.set(line, [...(targets.get(line) ?? []), directive])
  }
  return targets
}

/** Blank, or only the markers of a blockquote (`>`), which carry no text. */
const isBlank = (line: string): boolean => /^[\s>]*$/.test(line)

/**
 * The comment that turns off a rule (or every rule) for the next line, as written in a format.
 *
 * @param format - The document's format.
 * @param ruleId - The rule to turn off; omit for every rule.
 * @returns The comment text, or undefined for formats without directives (plain text, .docx).
 */
export function directiveFor(format: Format, ruleId?: string): string | undefined {
  const body = `destigma-disable-next-line${ruleId ? ` ${ruleId}` : ''}`
  if (format === 'markdown' || format === 'html') return `<!-- ${body} -->`
  if (format === 'mdx') return `{/* ${body} */}`
  return undefined
}
