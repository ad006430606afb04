import {byId} from './dom.js'

/** What typing, pasting and opening files ask the page to do. */
export interface DraftInput {
  /** Text was typed in the box (or pasted into text already there). */
  typed: (text: string) => void
  /** A draft was pasted into the empty box. */
  pasted: (text: string) => void
  /** A file was chosen or dropped. */
  openFile: (file: File) => void
  /** A drag with files entered (true) or left or dropped (false) the page. */
  dragging: (shown: boolean) => void
}

/**
 * Listen to the text box: a paste into the empty box is told apart from typing.
 *
 * @param input - What to do with the text.
 */
export function wireEditor(input: Pick<DraftInput, 'typed' | 'pasted'>): void {
  const editor = byId<HTMLTextAreaElement>('editor')
  let pastedDraft = false
  editor.addEventListener('paste', () => {
    if (editor.value.trim() === '') pastedDraft = true
  })
  editor.addEventListener('input', () => {
    if (!pastedDraft) return input.typed(editor.value)
    pastedDraft = false
    input.pasted(editor.value)
  })
}

/**
 * Listen for a file chosen with "Open a file…" or dropped anywhere on the page.
 *
 * @param input - What to do with the file, and with a drag over the page.
 */
export function wireFiles(input: Pick<DraftInput, 'openFile' | 'dragging'>): void {
  const chooser = byId<HTMLInputElement>('file')
  byId('choose').addEventListener('click', () => chooser.click())
  chooser.addEventListener('change', () => {
    const file = chooser.files?.[0]
    if (file) input.openFile(file)
    chooser.value = ''
  })
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return
    event.preventDefault()
    input.dragging(true)
  })
  window.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) input.dragging(false)
  })
  window.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return
    event.preventDefault()
    input.dragging(false)
    const file = event.dataTransfer?.files[0]
    if (file) input.openFile(file)
  })
}
