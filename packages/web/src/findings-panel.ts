import type {Category, Finding, Severity} from 'retext-stigma'
import {h} from './dom.js'
import {categoryLabels, counted, severityLabels} from './labels.js'

/**
 * A one-line summary of findings by severity.
 *
 * @param findings - The findings.
 * @returns For example `3 findings: 1 error, 2 warnings`.
 */
export function summarise(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.'
  const bySeverity = (['error', 'warning', 'info'] as Severity[])
    .map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => (severity === 'info' ? `${count} info` : counted(count, severityLabels[severity].toLowerCase())))
  return `${counted(findings.length, 'finding')}: ${bySeverity.join(', ')}.`
}

/**
 * Fill the count per category.
 *
 * @param list - The list element.
 * @param findings - The findings.
 */
export function renderCategoryCounts(list: HTMLElement, findings: readonly Finding[]): void {
  const counts = new Map<Category, number>()
  for (const finding of findings) counts.set(finding.category, (counts.get(finding.category) ?? 0) + 1)
  list.replaceChildren(
    ...[...counts].map(([category, count]) =>
      h('li', {'data-category': category}, h('span', {class: 'category-name'}, categoryLabels[category]), ' ', h('span', {class: 'count'}, String(count)))
    )
  )
}

/**
 * Fill the list of findings, in document order, one button each.
 *
 * @param list - The ordered list element.
 * @param findings - The findings.
 * @returns The buttons, one per finding.
 */
export function renderFindingList(list: HTMLElement, findings: readonly Finding[]): HTMLButtonElement[] {
  const buttons = findings.map((finding, index) =>
    h(
      'button',
      {type: 'button', class: `finding finding-${finding.severity}`, 'data-index': index, tabindex: -1},
      h('span', {class: `badge badge-${finding.severity}`}, severityLabels[finding.severity]),
      ' ',
      h('span', {class: 'finding-actual'}, `“${finding.actual}”`),
      ' ',
      h('span', {class: 'finding-where'}, `${categoryLabels[finding.category]}, line ${finding.line}`)
    )
  )
  list.replaceChildren(...buttons.map((button) => h('li', {}, button)))
  return buttons
}
