import {changeList} from './changes.js'
import {byId, h} from './dom.js'
import {downloadName, downloadText} from './output.js'
import type {PageState} from './page-state.js'

/**
 * Set the draft's toolbar for the state: what the mode button says, which buttons work (edits
 * wait for fresh findings), how many safe fixes there are, and the downloads for the draft's format.
 *
 * @param state - The page's state.
 * @param downloadTracked - What the Word download button does.
 */
export function renderToolbar(state: PageState, downloadTracked: () => void): void {
  const empty = state.text === ''
  const mode = byId<HTMLButtonElement>('mode')
  mode.textContent = state.mode === 'edit' ? 'Show findings in the text' : 'Edit text'
  mode.disabled = empty || state.origin.docx
  const safe = state.fresh ? state.safeFixes.length : 0
  const applyAll = byId<HTMLButtonElement>('apply-all')
  applyAll.textContent = safe > 0 ? `Apply all safe fixes (${safe})` : 'Apply all safe fixes'
  applyAll.disabled = safe === 0
  byId<HTMLButtonElement>('undo').disabled = !state.canUndo
  byId<HTMLButtonElement>('copy').disabled = empty
  byId<HTMLButtonElement>('new').disabled = empty
  byId('downloads').replaceChildren(...downloadButtons(state, empty, downloadTracked))
}

/** The draft as .txt and .md (or .html), or for a Word file the file itself and the list of changes to make by hand. */
function downloadButtons(state: PageState, empty: boolean, downloadTracked: () => void): HTMLButtonElement[] {
  const {name, format, docx} = state.origin
  // The content is read when the button is pressed, so it is the text as it reads then.
  const button = (label: string, file: string, type: string, content: () => string) =>
    h('button', {type: 'button', disabled: empty, onclick: () => downloadText(file, content(), type)}, label)
  const changes = (markdown: boolean) => () => changeList(name ?? 'the document', state.changes, state.text, state.findings, markdown)
  if (docx)
    return [
      h('button', {type: 'button', disabled: empty || !state.fresh, onclick: downloadTracked}, 'Download with tracked changes (.docx)'),
      button('Download changes (.txt)', downloadName(name, 'txt', '-changes'), 'text/plain', changes(false)),
      button('Download changes (.md)', downloadName(name, 'md', '-changes'), 'text/markdown', changes(true))
    ]
  if (format === 'html') return [button('Download .html', downloadName(name, 'html'), 'text/html', () => state.text)]
  return [
    button('Download .txt', downloadName(name, 'txt'), 'text/plain', () => state.text),
    button('Download .md', downloadName(name, 'md'), 'text/markdown', () => state.text)
  ]
}
