import type {EngineClient} from './client.js'
import {counted} from './labels.js'
import {showAlert, showStatus} from './messages.js'
import {downloadBytes, downloadName} from './output.js'
import type {PageState} from './page-state.js'

const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * The Word file back, built in the worker: each change applied on the page a tracked change
 * by "destigma", each finding still shown (not ignored) a comment on its words.
 *
 * @param engine - The worker, which holds the file as read.
 * @param state - The page's state; nothing is built while its findings are stale.
 */
export async function downloadWordCopy(engine: EngineClient, state: PageState): Promise<void> {
  if (!state.fresh) return
  const {edits, comments} = state.trackedChanges()
  showStatus('Building the Word file…')
  try {
    const copy = await engine.trackedCopy(edits, comments)
    downloadBytes(downloadName(state.origin.name, 'docx', '-destigma'), copy.bytes, wordType)
    const untracked = copy.untracked > 0 ? ` ${counted(copy.untracked, 'change')} could not be tracked there and became comments.` : ''
    showStatus(`Downloaded the Word file with ${counted(edits.length - copy.untracked, 'tracked change')} and ${counted(copy.comments, 'comment')}.${untracked}`)
  } catch (error) {
    showStatus('')
    showAlert((error as Error).message)
  }
}
