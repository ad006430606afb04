import type {Finding} from 'retext-stigma'
import {h} from './dom.js'
import {categoryLabels, severityLabels} from './labels.js'

/**
 * What a highlight says to assistive technology: the words, the severity (colour is not
 * the only signal) and the first suggestion.
 *
 * @param finding - The finding.
 * @returns The label.
 */
export function highlightLabel(finding: Finding): string {
  const suggestion = finding.expected[0] ? `, consider “${finding.expected[0]}”` : ''
  return `${finding.actual}: ${severityLabels[finding.severity].toLowerCase()}, ${categoryLabels[finding.category]}${suggestion}`
}

/**
 * Render the text with every finding highlighted in place. A finding that overlaps one
 * already drawn shares its highlight.
 *
 * @param container - The element to fill (its text is replaced).
 * @param text - The text the findings refer to.
 * @param findings - Findings in document order.
 * @returns For each finding, the highlight that shows it.
 */
export function renderDocument(container: HTMLElement, text: string, findings: readonly Finding[]): HTMLElement[] {
  const fragment = document.createDocumentFragment()
  const highlights: HTMLElement[] = []
  let cursor = 0
  let previous: HTMLElement | undefined
  findings.forEach((finding, index) => {
    if (finding.offset < cursor && previous) {
      highlights.push(previous)
      return
    }
    fragment.append(text.slice(cursor, finding.offset))
    previous = h(
      'button',
      {type: 'button', class: `hl hl-${finding.severity}`, 'data-index': index, tabindex: -1, 'aria-label': highlightLabel(finding)},
      text.slice(finding.offset, finding.endOffset)
    )
    fragment.append(previous)
    highlights.push(previous)
    cursor = finding.endOffset
  })
  fragment.append(text.slice(cursor))
  container.replaceChildren(fragment)
  return highlights
}
