import {renderDetails, type DetailsActions} from './details-panel.js'
import {renderDocument} from './document-view.js'
import {byId} from './dom.js'
import {renderCategoryCounts, renderFindingList, summarise} from './findings-panel.js'
import {renderIgnored} from './ignored-panel.js'
import {showStatus} from './messages.js'
import type {PageState} from './page-state.js'
import {setTabStop} from './roving.js'
import {renderToolbar} from './toolbar-view.js'

/** What the buttons the view draws ask the page to do. */
export interface ViewActions extends DetailsActions {
  stopIgnoring: (phrase: string) => void
  downloadTracked: () => void
}

/**
 * Draws the state into the page's panels (the draft, the findings, the details, the ignored
 * phrases, the toolbar) and moves focus among them. It keeps the elements it drew for each
 * finding, which the keyboard moves between.
 */
export class PageView {
  private readonly editor = byId<HTMLTextAreaElement>('editor')
  private readonly documentView = byId('document')
  private readonly list = byId('finding-list')
  private readonly details = byId('details')
  /** For each finding, its highlight in the text (shared by overlapping findings); empty while editing. */
  private highlights: HTMLElement[] = []
  /** For each finding, its button in the list. */
  private items: HTMLButtonElement[] = []
  /** Move focus to the selected finding in the list at the next full render. */
  private focusListOnRender = false

  constructor(
    private readonly state: PageState,
    private readonly actions: ViewActions
  ) {}

  /**
   * Draw everything.
   *
   * @param scroll - Scroll the selected finding into view.
   */
  render(scroll = false): void {
    const {state} = this
    const reviewing = state.mode === 'review' && state.text !== ''
    this.editor.hidden = reviewing
    this.documentView.hidden = !reviewing
    // While the text box is shown, the highlighted copy is not: drawing it waits, keeping typing light.
    this.highlights = reviewing ? renderDocument(this.documentView, state.lintedText, state.findings) : []
    this.items = renderFindingList(this.list, state.findings)
    renderCategoryCounts(byId('category-counts'), state.findings)
    const summary = state.text === '' ? 'Paste a draft to check it.' : summarise(state.findings)
    if (byId('summary').textContent !== summary) {
      byId('summary').textContent = summary
      showStatus(summary)
    }
    renderIgnored(byId('ignored'), state.ignored, (phrase) => this.actions.stopIgnoring(phrase))
    this.renderOrigin()
    this.renderToolbar()
    this.renderSelection(scroll)
    if (this.focusListOnRender) {
      this.focusListOnRender = false
      ;(this.items[state.selected ?? 0] ?? byId('findings-heading')).focus()
    }
  }

  /**
   * Mark the selected finding in the text and the list, and show its details.
   *
   * @param scroll - Scroll it into view.
   */
  renderSelection(scroll = false): void {
    const {selected} = this.state
    for (const element of [...this.highlights, ...this.items]) element.classList.remove('selected')
    for (const item of this.items) item.removeAttribute('aria-current')
    const highlight = selected === undefined ? undefined : this.highlights[selected]
    const item = selected === undefined ? undefined : this.items[selected]
    const targets = this.highlightTargets()
    setTabStop(targets, highlight ? targets.indexOf(highlight) : 0)
    setTabStop(this.items, selected ?? 0)
    highlight?.classList.add('selected')
    item?.classList.add('selected')
    item?.setAttribute('aria-current', 'true')
    if (scroll) {
      highlight?.scrollIntoView({block: 'nearest'})
      item?.scrollIntoView({block: 'nearest'})
    }
    this.renderDetails()
  }

  /** Set the toolbar alone: while typing, nothing else changes. */
  renderToolbar(): void {
    renderToolbar(this.state, () => this.actions.downloadTracked())
  }

  private renderDetails(): void {
    const finding = this.state.selectedFinding
    if (!finding) {
      this.details.hidden = true
      this.details.replaceChildren()
      return
    }
    const {rules, settings, fresh} = this.state
    renderDetails(this.details, {finding, rule: rules.get(finding.ruleId), locale: settings.locale, canEdit: fresh}, this.actions)
  }

  private renderOrigin(): void {
    const {origin, text} = this.state
    const {name, docx} = origin
    byId('source').textContent = name ? (docx ? `${name} (Word: apply changes here, then download the file with them as tracked changes)` : name) : text ? 'Pasted text' : 'Nothing yet'
  }

  /** Put text into the text box (typing puts it there itself). */
  showText(text: string): void {
    this.editor.value = text
  }

  /** The highlights in the text, one per highlight drawn, in order. */
  highlightTargets(): HTMLElement[] {
    return [...new Set(this.highlights)]
  }

  /** The findings' buttons in the list, in order. */
  listItems(): HTMLButtonElement[] {
    return this.items
  }

  /** Whether focus is in the details panel (an Apply or Ignore button). */
  detailsHaveFocus(): boolean {
    return this.details.contains(document.activeElement)
  }

  /** Move focus to the selected finding in the list once the findings are drawn again. */
  focusListAfterCheck(): void {
    this.focusListOnRender = true
  }

  /** Focus the first finding in the text, or the text itself when it has none. */
  focusFirstHighlight(): void {
    ;(this.highlights[0] ?? this.documentView).focus()
  }

  /** Focus where the mode works: the text box, or the selected highlight. */
  focusMode(): void {
    ;(this.state.mode === 'edit' ? this.editor : (this.highlights[this.state.selected ?? 0] ?? this.documentView)).focus()
  }

  /** Focus the text box. */
  focusEditor(): void {
    this.editor.focus()
  }

  /** Show or hide the overlay that invites a drop. */
  showDropTarget(shown: boolean): void {
    byId('drop-overlay').hidden = !shown
  }

  /** Tell the page (and its tests) that the engine is ready. */
  markReady(): void {
    document.body.dataset.ready = 'true'
  }
}
