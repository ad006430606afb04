import type {DocxComment, Format, TextEdit} from '@destigma/formats'
import type {Category, Finding, StigmaOptions} from 'retext-stigma'

/** A source a rule cites, as the details panel shows it. */
export interface SourceLink {
  title: string
  publisher: string
  year: number | string
  url: string
}

/** What the page needs to know about a rule beyond its findings. */
export interface RuleMeta {
  id: string
  category: Category
  sources: SourceLink[]
}

/** A document read from a file: its text and the format its offsets refer to. */
export interface ReadDocument {
  text: string
  format: Format
  /** True for a Word file: the page shows its text but cannot rewrite the file. */
  docx: boolean
}

/** Requests the page sends to the worker, each with an id echoed in the answer. */
export type WorkerRequest =
  | {type: 'configure'; id: number; options: StigmaOptions}
  | {type: 'lint'; id: number; text: string; format: Format}
  | {type: 'read'; id: number; name: string; bytes: ArrayBuffer}
  | {type: 'docx'; id: number; edits: TextEdit[]; comments: DocxComment[]}

/** The Word file last read, written back with tracked changes and comments. */
export interface TrackedCopy {
  bytes: ArrayBuffer
  /** Changes made on the page that could not be tracked there (they became comments). */
  untracked: number
  comments: number
}

/** What each request type answers with. */
export interface WorkerResults {
  configure: undefined
  lint: Finding[]
  read: ReadDocument
  docx: TrackedCopy
}

/** Messages the worker sends back. */
export type WorkerMessage =
  | {type: 'ready'; rules: RuleMeta[]}
  | {type: 'result'; id: number; ok: true; result: WorkerResults[keyof WorkerResults]}
  | {type: 'result'; id: number; ok: false; error: string}
