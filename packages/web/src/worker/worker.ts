import {lintDocument, openDocx, type DocxComment, type DocxEdit} from '@destigma/formats'
import {createLinter, listRules, resolveOptions, type Linter, type RuleInfo} from 'retext-stigma'
import type {RuleMeta, TrackedCopy, WorkerMessage, WorkerRequest, WorkerResults} from './protocol.js'
import {lastWordFile, readFile, ReadError} from './read-file.js'

// Runs the engine off the main thread so typing and scrolling stay smooth on long drafts.

const rules = new Map<string, RuleInfo>(listRules().map((rule) => [rule.id, rule]))

/** The linter for the page's current settings, made again only when they change. */
let linter: Linter | undefined
const defaultLinter = (): Linter => (linter ??= createLinter(resolveOptions()))

async function answer(request: WorkerRequest): Promise<WorkerResults[keyof WorkerResults]> {
  switch (request.type) {
    case 'configure':
      linter = createLinter(resolveOptions(request.options))
      return undefined
    case 'lint':
      // Inline `destigma-disable…` comments in Markdown and HTML hold here as in the CLI and editors.
      return (await lintDocument(request.text, request.format, defaultLinter())).findings
    case 'read':
      return readFile(request.name, request.bytes)
    case 'docx':
      return trackedCopy(request.edits, request.comments)
  }
}

/**
 * The Word file last read, with the page's changes as tracked changes and the findings left as
 * comments. A change the file cannot hold as a tracked change (inside a colleague's tracked
 * change, say) becomes a comment that says so.
 */
async function trackedCopy(edits: DocxEdit[], comments: DocxComment[]): Promise<TrackedCopy> {
  const bytes = lastWordFile()
  if (!bytes) throw new ReadError('Open the Word file again: the page no longer has it.')
  const docx = await openDocx(bytes)
  const tracked: DocxEdit[] = []
  const notes: DocxComment[] = [...comments]
  for (const edit of edits) {
    const blocker = docx.editBlocker(edit.range)
    if (blocker === undefined) tracked.push(edit)
    else notes.push({range: edit.range, lines: [`Changed on the page to “${edit.text}”, but not made here as a tracked change: ${blocker}.`]})
  }
  const copy = docx.redline({edits: tracked, comments: notes})
  const written = notes.filter((note) => docx.commentBlocker(note.range) === undefined).length
  return {bytes: copy.buffer.slice(copy.byteOffset, copy.byteOffset + copy.byteLength) as ArrayBuffer, untracked: edits.length - tracked.length, comments: written}
}

/** A message for the person: where the document could not be read (MDX errors carry a place), and why. */
function describeError(error: unknown): string {
  if (error instanceof ReadError) return error.message
  const {message, line, column} = error as {message?: string; line?: unknown; column?: unknown}
  const place = typeof line === 'number' && typeof column === 'number' ? `line ${line}, column ${column}: ` : ''
  return `${place}${message ?? String(error)}. Correct the document and open it again.`
}

function post(message: WorkerMessage): void {
  self.postMessage(message)
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  answer(request).then(
    (result) => post({type: 'result', id: request.id, ok: true, result}),
    (error: unknown) => post({type: 'result', id: request.id, ok: false, error: describeError(error)})
  )
})

/**
 * Compile the rules, load the readers and let the JavaScript engine optimise the hot paths
 * while the page loads, so the first paste is as fast as the later ones. A sentence around
 * every term and every suggestion makes a sample that reaches every rule.
 */
async function warmUp(): Promise<void> {
  const sample = [...rules.values()]
    .flatMap((rule) => [
      ...rule.terms.map((term) => `The report said ${term.phrase} were seen.`),
      ...rule.suggestions.default.map((suggestion) => `Services for ${suggestion.text} grew.`)
    ])
    .join('\n\n')
  for (const format of ['text', 'text', 'text', 'markdown', 'html'] as const) await lintDocument(sample, format, defaultLinter(), {prefilter: false})
  const meta: RuleMeta[] = [...rules.values()].map((rule) => ({
    id: rule.id,
    category: rule.category,
    sources: rule.sourceDetails.map(({title, publisher, year, url}) => ({title, publisher, year, url}))
  }))
  post({type: 'ready', rules: meta})
}

void warmUp()
