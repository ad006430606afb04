import type {Finding, Fix} from 'retext-stigma'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import {diagnosticSource, rangeOf, toDiagnostic} from './diagnostics.js'

/** The kind of the action that applies every safe fix in a document. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.destigma`

/** A document with its latest findings. */
export interface LintedDocument {
  document: TextDocument
  findings: Finding[]
  /** The safe fixes that can be applied together (fix all). */
  fixes: Fix[]
  /** Where the linted text starts in the document (1 after a byte-order mark). */
  base: number
}

/** What the code actions of one request may use. */
export interface ActionContext {
  /** The range the client asks about. */
  range: Range
  /** The diagnostics the client sent with the request. */
  diagnostics: Diagnostic[]
  /** The kinds the client asks for (all when undefined). */
  only?: string[]
  /** The HTML comment that turns a rule off for the next line (Markdown and HTML only). */
  disableComment?: (ruleId: string) => string
  /** The edit that allows a phrase in the workspace, when there is a workspace to edit. */
  allowEdit?: (phrase: string) => WorkspaceEdit | undefined
}

/**
 * Whether an action of `kind` answers a request for `only`, read hierarchically as the LSP
 * specification says: a request for `source.fixAll` is answered by `source.fixAll.destigma`.
 *
 * @param kind - The action's kind.
 * @param only - The kinds asked for, or undefined for all.
 * @returns True when the action belongs in the answer.
 */
export function kindRequested(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true
  return only.some((asked) => asked === '' || kind === asked || kind.startsWith(`${asked}.`))
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character)

const touches = (a: Range, b: Range): boolean => !before(a.end, b.start) && !before(b.end, a.start)

/** The findings an action request is about: those of its diagnostics, else those in its range. */
function findingsInRequest(linted: LintedDocument, context: ActionContext): Array<{finding: Finding; diagnostic: Diagnostic}> {
  const all = linted.findings.map((finding) => ({finding, diagnostic: toDiagnostic(linted.document, finding, linted.base)}))
  const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === diagnosticSource)
  if (ours.length > 0)
    return all.filter(({diagnostic}) => ours.some((given) => given.code === diagnostic.code && sameRange(given.range, diagnostic.range)))
  return all.filter(({diagnostic}) => touches(diagnostic.range, context.range))
}

function edit(linted: LintedDocument, edits: TextEdit[]): WorkspaceEdit {
  return {changes: {[linted.document.uri]: edits}}
}

/**
 * One quick fix per suggestion, each with the engine's own edit (which also mends `a`/`an`);
 * the one the engine deems safe to apply unattended is preferred.
 */
function suggestionFixes(linted: LintedDocument, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const safe = finding.fix
  return finding.alternatives.map((alternative) => {
    const fix = alternative.fix ?? {range: [finding.offset, finding.endOffset], text: alternative.text}
    const range = rangeOf(linted.document, fix.range[0], fix.range[1], linted.base)
    const action: CodeAction = {
      title: `Replace “${linted.document.getText(range)}” with “${fix.text}”`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: edit(linted, [{range, newText: fix.text}])
    }
    if (safe && safe.text === fix.text && safe.range[0] === fix.range[0] && safe.range[1] === fix.range[1]) action.isPreferred = true
    return action
  })
}

/** Lines that text cannot be appended to without changing what they are: fences, table rows, rules, hard breaks. */
const structural = /^\s*(?:`{3,}|~{3,}|\||[-*_](?:\s*[-*_]){2,}\s*$|(?:=+|-+)\s*$)|\\$/

/**
 * Turn a rule off for the finding's line without changing what the document renders to: on a line
 * of its own above it when a blank line (or nothing) comes before, else at the end of the line
 * before, where an HTML comment is invisible; nowhere when that line is code or a table row.
 */
function disableForLine(linted: LintedDocument, finding: Finding, diagnostic: Diagnostic, comment: string): CodeAction | undefined {
  const document = linted.document
  const line = diagnostic.range.start.line
  const lineText = (at: number): string => document.getText({start: {line: at, character: 0}, end: {line: at + 1, character: 0}}).replace(/\r?\n$/, '')
  const current = lineText(line)
  const previous = line > 0 ? lineText(line - 1) : ''
  let insert: TextEdit
  if (previous.trim() === '') {
    const indent = /^[ \t]*/.exec(current)?.[0] ?? ''
    const eol = document.getText({start: {line, character: current.length}, end: {line, character: current.length + 2}}).startsWith('\r\n') ? '\r\n' : '\n'
    insert = {range: {start: {line, character: 0}, end: {line, character: 0}}, newText: `${indent}${comment}${eol}`}
  } else {
    if (structural.test(previous)) return undefined
    // Keep a hard line break (two trailing spaces) at the end of the line.
    const at = previous.replace(/ {2,}$/, '').length
    insert = {range: {start: {line: line - 1, character: at}, end: {line: line - 1, character: at}}, newText: ` ${comment}`}
  }
  return {title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(linted, [insert])}
}

/**
 * The edits of every safe fix in the document that can be applied together, as the document
 * linter chose them.
 *
 * @param linted - The document, its findings and its fixes.
 * @returns Non-overlapping edits, in document order.
 */
export function fixAllEdits(linted: LintedDocument): TextEdit[] {
  return linted.fixes.map((fix) => ({range: rangeOf(linted.document, fix.range[0], fix.range[1], linted.base), newText: fix.text}))
}

/**
 * The code actions for a request: quick fixes per suggestion, "disable for this line",
 * "allow in the workspace", and the fix-all source action, filtered by `only`.
 *
 * @param linted - The document and its current findings.
 * @param context - The request.
 * @returns The actions.
 */
export function codeActions(linted: LintedDocument, context: ActionContext): CodeAction[] {
  const actions: CodeAction[] = []
  if (kindRequested(CodeActionKind.QuickFix, context.only)) {
    for (const {finding, diagnostic} of findingsInRequest(linted, context)) {
      actions.push(...suggestionFixes(linted, finding, diagnostic))
      const disable = context.disableComment && disableForLine(linted, finding, diagnostic, context.disableComment(finding.ruleId))
      if (disable) actions.push(disable)
      // Allow the phrase itself; the engine adds its plural and possessive forms.
      const phrase = finding.actual.toLowerCase().replace(/['’]s?$/, '')
      const allow = context.allowEdit?.(phrase)
      if (allow) actions.push({title: `Allow “${phrase}” in this workspace`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: allow})
    }
  }
  if (kindRequested(fixAllKind, context.only)) {
    const edits = fixAllEdits(linted)
    if (edits.length > 0) actions.push({title: 'Fix all safe destigma findings', kind: fixAllKind, edit: edit(linted, edits)})
  }
  return actions
}
