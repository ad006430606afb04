import type {DocxComment, Format, TextEdit} from '@destigma/formats'
import type {Finding, StigmaOptions} from 'retext-stigma'
import type {ReadDocument, RuleMeta, TrackedCopy, WorkerMessage, WorkerRequest, WorkerResults} from './worker/protocol.js'

type Pending = {resolve: (value: never) => void; reject: (error: Error) => void}

/** Distributes `Omit` over a union, so each request type keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

/** The engine, running in a web worker: the page's only way to lint, read files and build edits. */
export class EngineClient {
  /** Resolves with the rules' metadata once the worker has compiled the rules. */
  readonly ready: Promise<RuleMeta[]>
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  /** The options the worker lints with. */
  private configured: StigmaOptions | undefined

  constructor() {
    this.worker = new Worker(new URL('./worker/worker.ts', import.meta.url), {type: 'module'})
    let markReady: (rules: RuleMeta[]) => void = () => undefined
    let fail: (error: Error) => void = () => undefined
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve
      fail = reject
    })
    this.worker.addEventListener('error', () => {
      const error = new Error('The checker could not start in this browser. Reload the page, or try a current version of Chrome, Edge, Firefox or Safari.')
      fail(error)
      for (const waiting of this.pending.values()) waiting.reject(error)
      this.pending.clear()
    })
    this.worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
      const message = event.data
      if (message.type === 'ready') return markReady(message.rules)
      const waiting = this.pending.get(message.id)
      this.pending.delete(message.id)
      if (message.ok) waiting?.resolve(message.result as never)
      else waiting?.reject(new Error(message.error))
    })
  }

  /**
   * Lint a document; findings come in document order. New options (another object than last
   * time) go to the worker first, which resolves them once for every lint until they change.
   */
  lint(text: string, format: Format, options: StigmaOptions): Promise<Finding[]> {
    if (options !== this.configured) {
      this.configured = options
      void this.send<'configure'>({type: 'configure', options})
    }
    return this.send<'lint'>({type: 'lint', text, format})
  }

  /** Read a chosen or dropped file into text; rejects with a message for the person. */
  read(name: string, bytes: ArrayBuffer): Promise<ReadDocument> {
    return this.send<'read'>({type: 'read', name, bytes}, [bytes])
  }

  /** The Word file last read, with edits (on its text as read) as tracked changes and the comments anchored. */
  trackedCopy(edits: TextEdit[], comments: DocxComment[]): Promise<TrackedCopy> {
    return this.send<'docx'>({type: 'docx', edits, comments})
  }

  private send<K extends keyof WorkerResults>(request: WithoutId<WorkerRequest>, transfer: Transferable[] = []): Promise<WorkerResults[K]> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, {resolve: resolve as (value: never) => void, reject})
      this.worker.postMessage({...request, id} as WorkerRequest, transfer)
    })
  }
}
