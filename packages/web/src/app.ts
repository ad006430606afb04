import {applyEdits, commentLines, mergeFixes, originalRange, type Format, type TextEdit} from '@destigma/formats'
import {applyFixes, categories, type Finding, type Fix} from 'retext-stigma'
import {changeList, describeChange, type Change} from './changes.js'
import type {EngineClient} from './client.js'
import {renderDetails} from './details-panel.js'
import {renderDocument} from './document-view.js'
import {byId, h} from './dom.js'
import {renderCategoryCounts, renderFindingList, summarise} from './findings-panel.js'
import {categoryLabels, counted} from './labels.js'
import {copyText, downloadBytes, downloadName, downloadText} from './output.js'
import {rovingKeys, setTabStop} from './roving.js'
import {loadSettings, saveSettings, toOptions, type Settings} from './settings.js'
import type {ReadDocument, RuleMeta} from './worker/protocol.js'

/** Where the text came from. */
interface Source {
  /** The file's name; undefined for pasted or typed text. */
  name?: string
  format: Format
  docx: boolean
}

/** What Undo goes back to. */
interface Snapshot {
  text: string
  ignored: string[]
  changes: Change[]
  fixes: Fix[][]
}

const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** How long typing must pause before the text is checked again. */
const typingPause = 250

/** The page: state, and the wiring between the engine, the views and the person. */
export class App {
  private text = ''
  private source: Source = {format: 'text', docx: false}
  private ignored: string[] = []
  private changes: Change[] = []
  /** The fixes applied, a batch per Apply, each on the text as it was then: the tracked changes of a Word download. */
  private fixes: Fix[][] = []
  /** The text as read from the file, which a Word download's tracked changes start from. */
  private readText = ''
  private history: Snapshot[] = []
  private findings: Finding[] = []
  /** The text `findings` refer to; differs from `text` while a check is pending. */
  private lintedText = ''
  private lintRun = 0
  private lintTimer: ReturnType<typeof setTimeout> | undefined
  private selected: number | undefined
  /** After an edit, select the first finding from here on. */
  private selectFrom: number | undefined
  private highlights: HTMLElement[] = []
  private items: HTMLButtonElement[] = []
  private mode: 'edit' | 'review' = 'edit'
  /** A draft was pasted into the empty box: check it at once and show its findings. */
  private pastedDraft = false
  /** Move focus to the selected finding in the list once the check after an edit is done. */
  private focusAfterLint = false
  private settings: Settings = loadSettings()
  private rules = new Map<string, RuleMeta>()

  private readonly editor = byId<HTMLTextAreaElement>('editor')
  private readonly documentView = byId('document')
  private readonly list = byId('finding-list')
  private readonly details = byId('details')

  constructor(private readonly engine: EngineClient) {}

  /** Wire the page up and wait for the engine. */
  async start(): Promise<void> {
    this.wireEditor()
    this.wireToolbar()
    this.wireSettings()
    this.wireFiles()
    this.wireNavigation()
    this.render()
    try {
      this.rules = new Map((await this.engine.ready).map((rule) => [rule.id, rule]))
      document.body.dataset.ready = 'true'
      if (this.text) this.lintNow()
    } catch (error) {
      this.alert((error as Error).message)
    }
  }

  // Input ------------------------------------------------------------------

  private wireEditor(): void {
    this.editor.addEventListener('paste', () => {
      // A draft pasted into an empty box is checked at once and shown with its findings.
      if (this.editor.value.trim() === '') this.pastedDraft = true
    })
    this.editor.addEventListener('input', () => {
      this.text = this.editor.value
      if (this.pastedDraft) {
        this.pastedDraft = false
        this.mode = 'review'
        this.lintNow(true)
        return
      }
      clearTimeout(this.lintTimer)
      this.lintTimer = setTimeout(() => this.lintNow(), typingPause)
      this.renderToolbar()
    })
  }

  private wireFiles(): void {
    const input = byId<HTMLInputElement>('file')
    byId('choose').addEventListener('click', () => input.click())
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (file) void this.openFile(file)
      input.value = ''
    })
    const overlay = byId('drop-overlay')
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false
    window.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      overlay.hidden = false
    })
    window.addEventListener('dragleave', (event) => {
      if (event.relatedTarget === null) overlay.hidden = true
    })
    window.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      overlay.hidden = true
      const file = event.dataTransfer?.files[0]
      if (file) void this.openFile(file)
    })
  }

  private async openFile(file: File): Promise<void> {
    this.alert('')
    this.status(`Reading ${file.name}…`)
    let read: ReadDocument
    try {
      read = await this.engine.read(file.name, await file.arrayBuffer())
    } catch (error) {
      this.status('')
      this.alert((error as Error).message)
      return
    }
    this.source = {name: file.name, format: read.format, docx: read.docx}
    this.text = read.text
    this.readText = read.text
    this.editor.value = read.text
    this.history = []
    this.changes = []
    this.fixes = []
    this.selected = undefined
    this.mode = 'review'
    this.lintNow(true)
  }

  // Checking ---------------------------------------------------------------

  private options() {
    return toOptions(this.settings, this.ignored)
  }

  /** Check the current text; the newest request wins. */
  private lintNow(focusDocument = false): void {
    clearTimeout(this.lintTimer)
    const run = ++this.lintRun
    const text = this.text
    this.renderToolbar()
    this.engine.lint(text, this.source.format, this.options()).then(
      (findings) => {
        if (run !== this.lintRun) return
        this.alert('')
        this.findings = findings
        this.lintedText = text
        const moved = this.reselect()
        this.render(moved)
        if (focusDocument && this.mode === 'review') (this.highlights[0] ?? this.documentView).focus()
      },
      (error: Error) => {
        if (run === this.lintRun) this.alert(this.source.name ? `${this.source.name}: ${error.message}` : error.message)
      }
    )
  }

  /** Keep a selection across a check; returns whether it moved on after an edit. */
  private reselect(): boolean {
    const moved = this.selectFrom !== undefined
    if (this.findings.length === 0) this.selected = undefined
    else if (this.selectFrom !== undefined) {
      const from = this.selectFrom
      const next = this.findings.findIndex((finding) => finding.offset >= from)
      this.selected = next === -1 ? this.findings.length - 1 : next
    } else if (this.selected !== undefined) this.selected = Math.min(this.selected, this.findings.length - 1)
    this.selectFrom = undefined
    return moved
  }

  private get fresh(): boolean {
    return this.text === this.lintedText
  }

  // Editing ----------------------------------------------------------------

  private remember(): void {
    this.history.push({text: this.text, ignored: [...this.ignored], changes: [...this.changes], fixes: [...this.fixes]})
  }

  private setText(text: string): void {
    this.text = text
    this.editor.value = text
  }

  /** Make one edit built by the engine, then check again and move on to the next finding. */
  private apply(fix: Fix): void {
    if (!this.fresh) return
    const focusList = this.details.contains(document.activeElement)
    this.remember()
    this.changes.push(describeChange(this.text, fix))
    this.fixes.push([fix])
    this.selectFrom = fix.range[0] + fix.text.length
    this.setText(applyFixes(this.text, [{fix}]))
    this.status(`Replaced with “${fix.text}”.`)
    this.afterEdit(focusList)
  }

  private applyAllSafe(): void {
    const fixable = this.findings.filter((finding) => finding.fix)
    if (!this.fresh || fixable.length === 0) return
    this.remember()
    const fixed = applyFixes(this.text, fixable)
    for (const finding of fixable) if (finding.fix) this.changes.push(describeChange(this.text, finding.fix))
    this.fixes.push(fixable.flatMap((finding) => (finding.fix ? [finding.fix] : [])))
    this.setText(fixed)
    this.status(`Applied ${counted(fixable.length, 'safe fix')}.`)
    this.afterEdit(false)
  }

  private ignore(finding: Finding): void {
    const focusList = this.details.contains(document.activeElement)
    this.remember()
    this.ignored.push(finding.actual)
    this.selectFrom = finding.offset
    this.status(`Ignoring “${finding.actual}” for this session.`)
    this.afterEdit(focusList)
  }

  private stopIgnoring(phrase: string): void {
    this.remember()
    this.ignored = this.ignored.filter((item) => item !== phrase)
    this.status(`Checking “${phrase}” again.`)
    this.afterEdit(false)
  }

  private undo(): void {
    const snapshot = this.history.pop()
    if (!snapshot) return
    this.setText(snapshot.text)
    this.ignored = snapshot.ignored
    this.changes = snapshot.changes
    this.fixes = snapshot.fixes
    this.status('Undone.')
    this.afterEdit(false)
  }

  /** Clear the page for another draft, after a confirmation when changes would be lost. */
  private newDraft(): void {
    if (this.history.length > 0 && !window.confirm('Clear this draft and its changes, and start a new one? Undo cannot bring them back.')) return
    this.source = {format: 'text', docx: false}
    this.setText('')
    this.history = []
    this.changes = []
    this.fixes = []
    this.selected = undefined
    this.mode = 'edit'
    this.lintNow()
    this.editor.focus()
  }

  private afterEdit(focusList: boolean): void {
    this.lintNow()
    if (focusList) this.focusAfterLint = true
  }

  // Settings ---------------------------------------------------------------

  private wireSettings(): void {
    const form = byId<HTMLFormElement>('settings')
    const fieldset = byId('categories')
    for (const category of categories) {
      fieldset.append(h('label', {}, h('input', {type: 'checkbox', name: 'category', value: category}), ` ${categoryLabels[category]}`))
    }
    const locale = byId<HTMLSelectElement>('locale')
    const quotes = byId<HTMLSelectElement>('quotes')
    const mentions = byId<HTMLSelectElement>('mentions')
    locale.value = this.settings.locale
    quotes.value = this.settings.quotes
    mentions.value = this.settings.mentions
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name=preset]')) radio.checked = radio.value === this.settings.preset
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=category]'))
      box.checked = !this.settings.off.includes(box.value as (typeof categories)[number])
    form.addEventListener('submit', (event) => event.preventDefault())
    form.addEventListener('change', () => {
      const data = new FormData(form)
      this.settings = {
        locale: data.get('locale') === 'en-US' ? 'en-US' : 'en-GB',
        preset: data.get('preset') === 'strict' ? 'strict' : 'recommended',
        quotes: data.get('quotes') === 'report' ? 'report' : data.get('quotes') === 'ignore' ? 'ignore' : 'lower',
        mentions: data.get('mentions') === 'report' ? 'report' : data.get('mentions') === 'lower' ? 'lower' : 'ignore',
        off: categories.filter((category) => !data.getAll('category').includes(category))
      }
      saveSettings(this.settings)
      if (this.text) this.lintNow()
    })
  }

  // Toolbar and navigation ---------------------------------------------------

  private wireToolbar(): void {
    byId('mode').addEventListener('click', () => {
      this.mode = this.mode === 'edit' ? 'review' : 'edit'
      if (this.mode === 'review' && !this.fresh) this.lintNow()
      this.render()
      ;(this.mode === 'edit' ? this.editor : (this.highlights[this.selected ?? 0] ?? this.documentView)).focus()
    })
    byId('new').addEventListener('click', () => this.newDraft())
    byId('apply-all').addEventListener('click', () => this.applyAllSafe())
    byId('undo').addEventListener('click', () => this.undo())
    byId('copy').addEventListener('click', () => {
      void copyText(this.text).then((copied) =>
        this.status(copied ? `Copied the corrected text (${counted(this.text.length, 'character')}).` : 'The browser did not allow copying.')
      )
    })
    document.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) {
        event.preventDefault()
        this.undo()
      }
    })
  }

  private wireNavigation(): void {
    const uniqueHighlights = () => [...new Set(this.highlights)]
    const select = (index: number, focus: HTMLElement | undefined) => {
      this.selected = index
      this.renderSelection(true)
      focus?.focus()
    }
    this.documentView.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>('.hl')
      if (button?.dataset.index) select(Number(button.dataset.index), button)
    })
    this.list.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>('.finding')
      if (button?.dataset.index) select(Number(button.dataset.index), button)
    })
    rovingKeys(this.documentView, uniqueHighlights, (at) => {
      const target = uniqueHighlights()[at]
      if (target?.dataset.index) select(Number(target.dataset.index), target)
    })
    rovingKeys(this.list, () => this.items, (at) => select(at, this.items[at]))
  }

  // Rendering ----------------------------------------------------------------

  private render(scroll = false): void {
    const reviewing = this.mode === 'review' && this.text !== ''
    this.editor.hidden = reviewing
    this.documentView.hidden = !reviewing
    // While the text box is shown, the highlighted copy is not: drawing it waits, keeping typing light.
    this.highlights = reviewing ? renderDocument(this.documentView, this.lintedText, this.findings) : []
    this.items = renderFindingList(this.list, this.findings)
    renderCategoryCounts(byId('category-counts'), this.findings)
    const summary = this.text === '' ? 'Paste a draft to check it.' : summarise(this.findings)
    if (byId('summary').textContent !== summary) {
      byId('summary').textContent = summary
      this.status(summary)
    }
    this.renderIgnored()
    this.renderSource()
    this.renderToolbar()
    this.renderSelection(scroll)
    if (this.focusAfterLint) {
      this.focusAfterLint = false
      ;(this.items[this.selected ?? 0] ?? byId('findings-heading')).focus()
    }
  }

  private renderSelection(scroll = false): void {
    const selected = this.selected
    for (const element of [...this.highlights, ...this.items]) element.classList.remove('selected')
    for (const item of this.items) item.removeAttribute('aria-current')
    const highlight = selected === undefined ? undefined : this.highlights[selected]
    const item = selected === undefined ? undefined : this.items[selected]
    setTabStop([...new Set(this.highlights)], highlight ? [...new Set(this.highlights)].indexOf(highlight) : 0)
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

  private renderDetails(): void {
    const finding = this.selected === undefined ? undefined : this.findings[this.selected]
    if (!finding) {
      this.details.hidden = true
      this.details.replaceChildren()
      return
    }
    renderDetails(
      this.details,
      {finding, rule: this.rules.get(finding.ruleId), locale: this.settings.locale, canEdit: this.fresh},
      {apply: (fix) => this.apply(fix), ignore: (target) => this.ignore(target)}
    )
  }

  private renderIgnored(): void {
    const container = byId('ignored')
    if (this.ignored.length === 0) return container.replaceChildren()
    container.replaceChildren(
      h('h3', {}, 'Ignored this session'),
      h(
        'ul',
        {},
        ...this.ignored.map((phrase) =>
          h('li', {}, `“${phrase}” `, h('button', {type: 'button', 'aria-label': `Check again: “${phrase}”`, onclick: () => this.stopIgnoring(phrase)}, 'Check again'))
        )
      )
    )
  }

  private renderSource(): void {
    const {name, docx} = this.source
    byId('source').textContent = name ? (docx ? `${name} (Word: apply changes here, then download the file with them as tracked changes)` : name) : this.text ? 'Pasted text' : 'Nothing yet'
  }

  private renderToolbar(): void {
    const empty = this.text === ''
    const mode = byId<HTMLButtonElement>('mode')
    mode.textContent = this.mode === 'edit' ? 'Show findings in the text' : 'Edit text'
    mode.disabled = empty || this.source.docx
    const safe = this.fresh ? this.findings.filter((finding) => finding.fix).length : 0
    const applyAll = byId<HTMLButtonElement>('apply-all')
    applyAll.textContent = safe > 0 ? `Apply all safe fixes (${safe})` : 'Apply all safe fixes'
    applyAll.disabled = safe === 0
    byId<HTMLButtonElement>('undo').disabled = this.history.length === 0
    byId<HTMLButtonElement>('copy').disabled = empty
    byId<HTMLButtonElement>('new').disabled = empty
    this.renderDownloads(empty)
  }

  private renderDownloads(empty: boolean): void {
    const {name, format, docx} = this.source
    const button = (label: string, file: string, type: string, content: () => string) =>
      h('button', {type: 'button', disabled: empty, onclick: () => downloadText(file, content(), type)}, label)
    const buttons = docx
      ? [
          h('button', {type: 'button', disabled: empty || !this.fresh, onclick: () => void this.downloadTracked()}, 'Download with tracked changes (.docx)'),
          button('Download changes (.txt)', downloadName(name, 'txt', '-changes'), 'text/plain', () => changeList(name ?? 'the document', this.changes, this.text, this.findings, false)),
          button('Download changes (.md)', downloadName(name, 'md', '-changes'), 'text/markdown', () => changeList(name ?? 'the document', this.changes, this.text, this.findings, true))
        ]
      : format === 'html'
        ? [button('Download .html', downloadName(name, 'html'), 'text/html', () => this.text)]
        : [
            button('Download .txt', downloadName(name, 'txt'), 'text/plain', () => this.text),
            button('Download .md', downloadName(name, 'md'), 'text/markdown', () => this.text)
          ]
    byId('downloads').replaceChildren(...buttons)
  }

  /**
   * The Word file back, built in the worker: each change applied here a tracked change by
   * "destigma", each finding still shown (not ignored) a comment on its words.
   */
  private async downloadTracked(): Promise<void> {
    if (!this.fresh) return
    let edits: TextEdit[] = []
    for (const batch of this.fixes) edits = mergeFixes(edits, applyEdits(this.readText, edits), batch).edits
    const comments = this.findings.flatMap((finding) => {
      const range = originalRange(edits, [finding.offset, finding.endOffset])
      return range ? [{range, lines: commentLines(finding)}] : []
    })
    this.status('Building the Word file…')
    try {
      const copy = await this.engine.trackedCopy(edits, comments)
      downloadBytes(downloadName(this.source.name, 'docx', '-destigma'), copy.bytes, wordType)
      const untracked = copy.untracked > 0 ? ` ${counted(copy.untracked, 'change')} could not be tracked there and became comments.` : ''
      this.status(`Downloaded the Word file with ${counted(edits.length - copy.untracked, 'tracked change')} and ${counted(copy.comments, 'comment')}.${untracked}`)
    } catch (error) {
      this.status('')
      this.alert((error as Error).message)
    }
  }

  // Messages -----------------------------------------------------------------

  private status(message: string): void {
    byId('status').textContent = message
  }

  private alert(message: string): void {
    byId('alert').textContent = message
  }
}
