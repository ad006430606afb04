import {byId} from './dom.js'
import {rovingKeys} from './roving.js'

/** The elements drawn for the findings, which the person moves between. */
export interface FindingTargets {
  /** The highlights in the text, one per highlight drawn, in order. */
  highlightTargets: () => HTMLElement[]
  /** The findings' buttons in the list, in order. */
  listItems: () => HTMLElement[]
}

/**
 * Select a finding by clicking its highlight or its entry in the list, or by moving to one with
 * the arrow keys, Home and End; focus follows.
 *
 * @param targets - The elements to move between.
 * @param select - Selects the finding with that index.
 */
export function wireNavigation(targets: FindingTargets, select: (index: number) => void): void {
  const selectAt = (target: HTMLElement | null | undefined) => {
    if (!target?.dataset.index) return
    select(Number(target.dataset.index))
    target.focus()
  }
  const documentView = byId('document')
  const list = byId('finding-list')
  documentView.addEventListener('click', (event) => selectAt((event.target as HTMLElement).closest<HTMLElement>('.hl')))
  list.addEventListener('click', (event) => selectAt((event.target as HTMLElement).closest<HTMLElement>('.finding')))
  rovingKeys(documentView, () => targets.highlightTargets(), (at) => selectAt(targets.highlightTargets()[at]))
  rovingKeys(list, () => targets.listItems(), (at) => selectAt(targets.listItems()[at]))
}
