import {applyEdits, lintDocument} from '@destigma/formats'
import {createLinter, resolveOptions, type Finding} from 'retext-stigma'
import {describe, expect, it} from 'vitest'
import {PageState} from '../../packages/web/src/page-state.js'
import {defaultSettings} from '../../packages/web/src/settings.js'
import {draft} from './drafts.js'

/** The page's state, in Node: no DOM and no worker, the engine called directly. */

async function check(state: PageState): Promise<boolean> {
  const text = state.text
  const {findings} = await lintDocument(text, state.origin.format, createLinter(resolveOptions(state.options())))
  return state.checked(text, findings)
}

async function pasted(text: string): Promise<PageState> {
  const state = new PageState({...defaultSettings})
  state.type(text)
  await check(state)
  return state
}

describe('the page state', () => {
  it('applies a fix only to fresh findings, then selects the next finding after the edit', async () => {
    const state = await pasted(draft)
    const [first, second] = state.findings as Finding[]
    expect(first?.fix).toBeDefined()
    expect(state.applyFix(first?.fix as NonNullable<Finding['fix']>)).toBe(true)
    expect(state.text).not.toBe(draft)
    expect(state.fresh).toBe(false)
    expect(state.changes).toEqual([expect.objectContaining({from: first?.actual, to: first?.fix?.text})])
    // Stale offsets would land in the wrong place: nothing is applied until the check is back.
    const before = state.text
    expect(state.applyFix(second?.fix ?? {range: [0, 1], text: 'x'})).toBe(false)
    expect(state.applyAllSafe()).toBe(0)
    expect(state.text).toBe(before)
    expect(await check(state)).toBe(true)
    expect(state.selectedFinding?.actual).toBe(second?.actual)
    // A check after no edit keeps the selection where it was.
    const last = state.findings.length - 1
    state.select(last)
    expect(await check(state)).toBe(false)
    expect(state.selected).toBe(last)
  })

  it('applies every safe fix at once, and Undo brings back the text and the change list', async () => {
    const state = await pasted(draft)
    const safe = state.safeFixes.length
    expect(safe).toBeGreaterThan(1)
    expect(state.applyAllSafe()).toBe(safe)
    expect(state.changes).toHaveLength(safe)
    await check(state)
    expect(state.safeFixes).toHaveLength(0)
    expect(state.undo()).toBe(true)
    expect(state.text).toBe(draft)
    expect(state.changes).toEqual([])
    expect(state.canUndo).toBe(false)
    expect(state.undo()).toBe(false)
  })

  it('ignores a phrase for the session through the options, checks it again, and undoes either', async () => {
    const state = await pasted(draft)
    const count = state.findings.length
    const target = state.findings.find((finding) => finding.actual === 'the homeless') as Finding
    state.ignore(target)
    expect(state.options().allow).toEqual(['the homeless'])
    await check(state)
    expect(state.findings.map((finding) => finding.actual)).not.toContain('the homeless')
    expect(state.findings).toHaveLength(count - 1)
    // The selection moves on to what followed the ignored phrase.
    expect(state.selectedFinding?.offset).toBeGreaterThanOrEqual(target.offset)
    state.stopIgnoring('the homeless')
    expect(state.options().allow).toBeUndefined()
    state.undo()
    expect(state.ignored).toEqual(['the homeless'])
    state.undo()
    expect(state.ignored).toEqual([])
  })

  it('starts afresh for an opened file and for a new draft', async () => {
    const state = await pasted(draft)
    state.applyAllSafe()
    state.open('notes.md', {text: '# Support for addicts\n', format: 'markdown', docx: false})
    expect([state.text, state.origin, state.mode, state.canUndo, state.changes.length]).toEqual(['# Support for addicts\n', {name: 'notes.md', format: 'markdown', docx: false}, 'review', false, 0])
    await check(state)
    state.select(0)
    state.applyFix(state.findings[0]?.fix as NonNullable<Finding['fix']>)
    state.clear()
    expect([state.text, state.origin, state.mode, state.canUndo, state.selected]).toEqual(['', {format: 'text', docx: false}, 'edit', false, undefined])
  })

  it('gives a Word download the page’s changes as edits on the text as read, and comments on the findings left', async () => {
    const state = new PageState({...defaultSettings})
    state.open('release.docx', {text: draft, format: 'docx', docx: true})
    await check(state)
    state.applyFix(state.findings[0]?.fix as NonNullable<Finding['fix']>)
    await check(state)
    state.applyAllSafe()
    await check(state)
    const {edits, comments} = state.trackedChanges()
    expect(applyEdits(draft, edits)).toBe(state.text)
    expect(comments).toHaveLength(state.findings.length)
    expect(comments.map((comment) => draft.slice(...comment.range))).toEqual(state.findings.map((finding) => finding.actual))
  })
})
