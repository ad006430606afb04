import {applyEdits, commentLines, mergeFixes, originalRange, type DocxComment, type Format, type TextEdit} from '@destigma/formats'
import {applyFixes, type Finding, type Fix, type StigmaOptions} from 'retext-stigma'
import {describeChange, type Change} from './changes.js'
import {toOptions, type PageSettings} from './settings.js'
import type {ReadDocument, RuleMeta} from './worker/protocol.js'

/** Where the draft came from. */
export interface DraftOrigin {
  /** The file's name; undefined for pasted or typed text. */
  name?: string
  format: Format
  docx: boolean
}

/** Whether the person is typing in the text box or reviewing the text with its findings highlighted. */
export type Mode = 'edit' | 'review'

/** What Undo goes back to. */
interface Snapshot {
  text: string
  ignored: string[]
  changes: Change[]
  fixes: Fix[][]
}

const pastedText: DraftOrigin = {format: 'text', docx: false}

/**
 * Everything the page knows, and the operations on it; no DOM and no engine. The draft, where
 * it came from, its findings and the selected one, the phrases ignored this session, the
 * changes made (for Undo and for a Word download), the settings and the rules' metadata.
 */
export class PageState {
  /** The person's settings. */
  settings: PageSettings
  /** Each rule's metadata, by id, once the engine is ready. */
  rules = new Map<string, RuleMeta>()
  /** Set by the toolbar; opening a file or pasting into the empty box starts a review. */
  mode: Mode = 'edit'
  private draft = ''
  private draftOrigin: DraftOrigin = pastedText
  private ignoredPhrases: string[] = []
  private madeOptions: {settings: PageSettings; ignored: readonly string[]; options: StigmaOptions} | undefined
  private changeLog: Change[] = []
  /** The fixes applied, a batch per Apply, each on the text as it was then: the tracked changes of a Word download. */
  private fixes: Fix[][] = []
  /** The text as read from the file, which a Word download's tracked changes start from. */
  private readText = ''
  private history: Snapshot[] = []
  private found: Finding[] = []
  /** The text `found` refers to; differs from `draft` while a check is pending. */
  private checkedText = ''
  private selection: number | undefined
  /** After an edit, select the first finding from here on. */
  private selectFrom: number | undefined

  constructor(settings: PageSettings) {
    this.settings = settings
  }

  /** The draft as it reads now. */
  get text(): string {
    return this.draft
  }

  /** Where the draft came from: a file, or pasted or typed text. */
  get origin(): DraftOrigin {
    return this.draftOrigin
  }

  /** Phrases ignored this session, in the order they were ignored. */
  get ignored(): readonly string[] {
    return this.ignoredPhrases
  }

  /** Changes made on the page, in the order they were made. */
  get changes(): readonly Change[] {
    return this.changeLog
  }

  /** The findings of the last check, in document order. */
  get findings(): readonly Finding[] {
    return this.found
  }

  /** The text the findings refer to. */
  get lintedText(): string {
    return this.checkedText
  }

  /** The index of the selected finding. */
  get selected(): number | undefined {
    return this.selection
  }

  /** The selected finding, if any. */
  get selectedFinding(): Finding | undefined {
    return this.selection === undefined ? undefined : this.found[this.selection]
  }

  /** Whether the findings refer to the text as it reads now; edits wait for fresh offsets. */
  get fresh(): boolean {
    return this.draft === this.checkedText
  }

  /** Whether there is an edit, ignore or check-again to undo. */
  get canUndo(): boolean {
    return this.history.length > 0
  }

  /** Findings with a fix that is safe to apply without asking. */
  get safeFixes(): Finding[] {
    return this.found.filter((finding) => finding.fix)
  }

  /**
   * The engine options for the settings and the phrases ignored this session: the same object
   * until either changes, so the engine resolves them once per change.
   */
  options(): StigmaOptions {
    if (this.madeOptions?.settings !== this.settings || this.madeOptions.ignored !== this.ignoredPhrases)
      this.madeOptions = {settings: this.settings, ignored: this.ignoredPhrases, options: toOptions(this.settings, this.ignoredPhrases)}
    return this.madeOptions.options
  }

  /** The person typed in the text box. */
  type(text: string): void {
    this.draft = text
  }

  /** A file was read: it replaces the draft and its history. */
  open(name: string, read: ReadDocument): void {
    this.draftOrigin = {name, format: read.format, docx: read.docx}
    this.draft = read.text
    this.readText = read.text
    this.startAfresh('review')
  }

  /** An empty draft, pasted or typed, with no history. */
  clear(): void {
    this.draftOrigin = pastedText
    this.draft = ''
    this.startAfresh('edit')
  }

  private startAfresh(mode: Mode): void {
    this.history = []
    this.changeLog = []
    this.fixes = []
    this.selection = undefined
    this.mode = mode
  }

  /**
   * Make one edit built by the engine; the next check selects the finding after it.
   *
   * @returns False when the findings are stale, and nothing was changed.
   */
  applyFix(fix: Fix): boolean {
    if (!this.fresh) return false
    this.remember()
    this.changeLog.push(describeChange(this.draft, fix))
    this.fixes.push([fix])
    this.selectFrom = fix.range[0] + fix.text.length
    this.draft = applyFixes(this.draft, [{fix}])
    return true
  }

  /**
   * Apply every safe fix at once.
   *
   * @returns How many were applied: none when the findings are stale.
   */
  applyAllSafe(): number {
    const fixable = this.safeFixes
    if (!this.fresh || fixable.length === 0) return 0
    this.remember()
    const fixes = fixable.flatMap((finding) => (finding.fix ? [finding.fix] : []))
    for (const fix of fixes) this.changeLog.push(describeChange(this.draft, fix))
    this.fixes.push(fixes)
    this.draft = applyFixes(this.draft, fixable)
    return fixable.length
  }

  /** Leave a finding's words alone for the session; the next check selects the finding after it. */
  ignore(finding: Finding): void {
    this.remember()
    this.ignoredPhrases = [...this.ignoredPhrases, finding.actual]
    this.selectFrom = finding.offset
  }

  /** Check a phrase ignored earlier again. */
  stopIgnoring(phrase: string): void {
    this.remember()
    this.ignoredPhrases = this.ignoredPhrases.filter((item) => item !== phrase)
  }

  /**
   * Go back to before the last edit, ignore or check-again.
   *
   * @returns False when there was nothing to undo.
   */
  undo(): boolean {
    const snapshot = this.history.pop()
    if (!snapshot) return false
    this.draft = snapshot.text
    this.ignoredPhrases = snapshot.ignored
    this.changeLog = snapshot.changes
    this.fixes = snapshot.fixes
    return true
  }

  private remember(): void {
    this.history.push({text: this.draft, ignored: [...this.ignoredPhrases], changes: [...this.changeLog], fixes: [...this.fixes]})
  }

  /** Select a finding by its index in `findings`. */
  select(index: number): void {
    this.selection = index
  }

  /**
   * Take the findings of a check, keeping the selection: after an edit it moves on to the
   * first finding from the edit on, otherwise it stays where it was.
   *
   * @param text - The text that was checked.
   * @param findings - Its findings, in document order.
   * @returns Whether the selection moved on after an edit.
   */
  checked(text: string, findings: Finding[]): boolean {
    this.found = findings
    this.checkedText = text
    const moved = this.selectFrom !== undefined
    if (findings.length === 0) this.selection = undefined
    else if (this.selectFrom !== undefined) {
      const from = this.selectFrom
      const next = findings.findIndex((finding) => finding.offset >= from)
      this.selection = next === -1 ? findings.length - 1 : next
    } else if (this.selection !== undefined) this.selection = Math.min(this.selection, findings.length - 1)
    this.selectFrom = undefined
    return moved
  }

  /**
   * What a Word download holds: the changes made on the page as edits on the text as read,
   * and a comment on each finding still shown (not ignored).
   */
  trackedChanges(): {edits: TextEdit[]; comments: DocxComment[]} {
    let edits: TextEdit[] = []
    for (const batch of this.fixes) edits = mergeFixes(edits, applyEdits(this.readText, edits), batch).edits
    const comments = this.found.flatMap((finding) => {
      const range = originalRange(edits, [finding.offset, finding.endOffset])
      return range ? [{range, lines: commentLines(finding)}] : []
    })
    return {edits, comments}
  }
}
