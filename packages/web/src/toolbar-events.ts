import {byId} from './dom.js'

/** What the toolbar's buttons ask the page to do. */
export interface ToolbarActions {
  toggleMode: () => void
  newDraft: () => void
  applyAllSafe: () => void
  undo: () => void
  copy: () => void
}

/**
 * Listen to the toolbar's buttons, and to Ctrl+Z (or Cmd+Z) outside the form fields, which undoes
 * the page's last change as the Undo button does (inside the text box it undoes typing).
 *
 * @param actions - What each does.
 */
export function wireToolbar(actions: ToolbarActions): void {
  byId('mode').addEventListener('click', () => actions.toggleMode())
  byId('new').addEventListener('click', () => actions.newDraft())
  byId('apply-all').addEventListener('click', () => actions.applyAllSafe())
  byId('undo').addEventListener('click', () => actions.undo())
  byId('copy').addEventListener('click', () => actions.copy())
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) {
      event.preventDefault()
      actions.undo()
    }
  })
}
