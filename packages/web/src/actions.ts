import type {Finding, Fix} from 'retext-stigma'
import {Checker} from './checker.js'
import type {EngineClient} from './client.js'
import {counted} from './labels.js'
import {showAlert, showStatus} from './messages.js'
import {copyText} from './output.js'
import type {PageState} from './page-state.js'
import type {PageView} from './page-view.js'
import {saveSettings, type PageSettings} from './settings.js'
import type {ReadDocument} from './worker/protocol.js'
import {downloadWordCopy} from './word-download.js'

/**
 * What the person can do on the page, whichever control they use: each action changes the
 * state, says what happened, and has the draft checked again or the view drawn again.
 */
export class PageActions {
  private readonly checker: Checker

  constructor(
    private readonly engine: EngineClient,
    private readonly state: PageState,
    private readonly view: PageView
  ) {
    this.checker = new Checker(engine, state, {
      started: () => view.renderToolbar(),
      finished: ({moved, focusDocument}) => {
        showAlert('')
        view.render(moved)
        if (focusDocument && state.mode === 'review') view.focusFirstHighlight()
      },
      failed: (error) => showAlert(state.origin.name ? `${state.origin.name}: ${error.message}` : error.message)
    })
  }

  /** Wait for the engine, then check whatever was typed meanwhile. */
  async connect(): Promise<void> {
    try {
      this.state.rules = new Map((await this.engine.ready).map((rule) => [rule.id, rule]))
      this.view.markReady()
      if (this.state.text) this.checker.now()
    } catch (error) {
      showAlert((error as Error).message)
    }
  }

  /** Text typed in the box is checked once typing pauses. */
  typed(text: string): void {
    this.state.type(text)
    this.checker.soon()
    this.view.renderToolbar()
  }

  /** A draft pasted into the empty box is checked at once and shown with its findings. */
  pasted(text: string): void {
    this.state.type(text)
    this.state.mode = 'review'
    this.checker.now(true)
  }

  /** Read a chosen or dropped file in the worker; it replaces the draft and is shown with its findings. */
  async openFile(file: File): Promise<void> {
    showAlert('')
    showStatus(`Reading ${file.name}…`)
    let read: ReadDocument
    try {
      read = await this.engine.read(file.name, await file.arrayBuffer())
    } catch (error) {
      showStatus('')
      showAlert((error as Error).message)
      return
    }
    this.state.open(file.name, read)
    this.view.showText(read.text)
    this.checker.now(true)
  }

  /** Make one edit built by the engine, then check again and move on to the next finding. */
  apply(fix: Fix): void {
    const focusList = this.view.detailsHaveFocus()
    if (!this.state.applyFix(fix)) return
    this.view.showText(this.state.text)
    showStatus(`Replaced with “${fix.text}”.`)
    this.afterEdit(focusList)
  }

  /** Apply every safe fix at once. */
  applyAllSafe(): void {
    const applied = this.state.applyAllSafe()
    if (applied === 0) return
    this.view.showText(this.state.text)
    showStatus(`Applied ${counted(applied, 'safe fix')}.`)
    this.afterEdit(false)
  }

  /** Leave a finding's words alone for this session. */
  ignore(finding: Finding): void {
    const focusList = this.view.detailsHaveFocus()
    this.state.ignore(finding)
    showStatus(`Ignoring “${finding.actual}” for this session.`)
    this.afterEdit(focusList)
  }

  /** Check a phrase ignored earlier again. */
  stopIgnoring(phrase: string): void {
    this.state.stopIgnoring(phrase)
    showStatus(`Checking “${phrase}” again.`)
    this.afterEdit(false)
  }

  /** Undo the last edit, ignore or check-again. */
  undo(): void {
    if (!this.state.undo()) return
    this.view.showText(this.state.text)
    showStatus('Undone.')
    this.afterEdit(false)
  }

  /** Check again after an edit; when the edit came from the details panel, focus goes on to the next finding in the list. */
  private afterEdit(focusList: boolean): void {
    this.checker.now()
    if (focusList) this.view.focusListAfterCheck()
  }

  /** Clear the page for another draft, after a confirmation when changes would be lost. */
  newDraft(): void {
    if (this.state.canUndo && !window.confirm('Clear this draft and its changes, and start a new one? Undo cannot bring them back.')) return
    this.state.clear()
    this.view.showText('')
    this.checker.now()
    this.view.focusEditor()
  }

  /** Switch between editing the text and reviewing it with its findings highlighted. */
  toggleMode(): void {
    this.state.mode = this.state.mode === 'edit' ? 'review' : 'edit'
    if (this.state.mode === 'review' && !this.state.fresh) this.checker.now()
    this.view.render()
    this.view.focusMode()
  }

  /** Select a finding, mark it in the text and the list, and show its details. */
  select(index: number): void {
    this.state.select(index)
    this.view.renderSelection(true)
  }

  /** Take new settings, keep them in the browser, and check the draft with them. */
  changeSettings(settings: PageSettings): void {
    this.state.settings = settings
    saveSettings(settings)
    if (this.state.text) this.checker.now()
  }

  /** Put the draft as it reads now on the clipboard. */
  copy(): void {
    void copyText(this.state.text).then((copied) =>
      showStatus(copied ? `Copied the corrected text (${counted(this.state.text.length, 'character')}).` : 'The browser did not allow copying.')
    )
  }

  /** The Word file back, with the changes made here tracked and the findings left as comments. */
  downloadTracked(): Promise<void> {
    return downloadWordCopy(this.engine, this.state)
  }
}
