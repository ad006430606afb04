import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Finding, Severity} from 'retext-stigma'

/** The `source` of every diagnostic this server publishes. */
export const diagnosticSource = 'destigma'

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

/**
 * The editor range of a span of linted text.
 *
 * @param document - The document.
 * @param start - Offset into the linted text.
 * @param end - Offset into the linted text.
 * @param base - Where the linted text starts in the document (1 after a byte-order mark).
 * @returns The range.
 */
export function rangeOf(document: TextDocument, start: number, end: number, base: number): Range {
  return {start: document.positionAt(start + base), end: document.positionAt(end + base)}
}

/**
 * Turn a finding into a diagnostic: `code` is the rule id and `codeDescription.href` its page.
 *
 * @param document - The document the finding is in.
 * @param finding - The finding.
 * @param base - Where the linted text starts in the document.
 * @returns The diagnostic.
 */
export function toDiagnostic(document: TextDocument, finding: Finding, base: number): Diagnostic {
  return {
    range: rangeOf(document, finding.offset, finding.endOffset, base),
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.ruleId,
    codeDescription: {href: finding.url},
    message: finding.message
  }
}
