import {XMLSerializer} from '@xmldom/xmldom'
import {addComment, commentsRoot} from './comments.js'
import {openPackage, type DocxPackage} from './package.js'
import {destigmaAuthor, readText, wordNamespace, type Paragraph} from './read.js'
import {anchorComment, commentBlocker, editBlocker, trackReplacement, type Revision} from './redline.js'
import {deflatedEntry, writeZip, type ZipEntry} from './zip.js'

/** A replacement, in offsets into {@link DocxDocument.text}. */
export interface DocxEdit {
  range: [number, number]
  text: string
}

/** A comment to anchor on a range of {@link DocxDocument.text}. */
export interface DocxComment {
  range: [number, number]
  /** Its paragraphs. */
  lines: string[]
}

/** What to write into the copy. */
export interface DocxRedlineRequest {
  /** Replacements, as tracked changes; they must not overlap, and each must pass {@link DocxDocument.editBlocker}. */
  edits: DocxEdit[]
  /** Comments; those {@link DocxDocument.commentBlocker} refuses are left out. */
  comments: DocxComment[]
  /** Author of the changes and comments (default `destigma`). */
  author?: string
  /** When they were made (default now). */
  date?: Date
}

/** An opened Word document: its text, and a way to write a copy with tracked changes. */
export interface DocxDocument {
  /** The paragraphs of the body, headers, footers, footnotes, endnotes and comments, joined by blank lines, as they read with tracked changes accepted. */
  readonly text: string
  /**
   * Why a range cannot become a tracked change.
   *
   * @param range - Offsets into the text.
   * @returns The reason, or undefined when it can.
   */
  editBlocker(range: readonly [number, number]): string | undefined
  /**
   * Why a comment cannot be anchored on a range.
   *
   * @param range - Offsets into the text.
   * @returns The reason, or undefined when it can.
   */
  commentBlocker(range: readonly [number, number]): string | undefined
  /**
   * Write a copy with the edits as tracked changes and the comments anchored. Every part it
   * does not change is copied as stored, byte for byte. Call it once per opened document.
   *
   * @param request - Edits and comments.
   * @returns The new .docx.
   */
  redline(request: DocxRedlineRequest): Uint8Array
}

/** Options for {@link openDocx}. */
export interface OpenDocxOptions {
  /** Largest inflated size of one part, in bytes (default 10 MB, the CLI's `--max-file-size`). */
  maxPartSize?: number
}

/**
 * Open a .docx: read its text, keep what is needed to write a tracked-changes copy.
 *
 * @param data - The file's bytes.
 * @param options - Limits.
 * @returns The document.
 * @throws {DocxError} When the file is not a .docx destigma reads, with the reason.
 */
export function openDocx(data: Uint8Array | ArrayBuffer, options: OpenDocxOptions = {}): DocxDocument {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const docx = openPackage(bytes, {maxPartSize: options.maxPartSize ?? 10 * 1024 * 1024})
  const {text, paragraphs} = readText(docx)
  let used = false
  return {
    text,
    editBlocker: (range) => editBlocker(paragraphs, range),
    commentBlocker: (range) => commentBlocker(paragraphs, range),
    redline(request) {
      if (used) throw new Error('redline() was already called on this document; open it again')
      used = true
      return redline(docx, paragraphs, request)
    }
  }
}

function redline(docx: DocxPackage, paragraphs: Paragraph[], request: DocxRedlineRequest): Uint8Array {
  let id = highestId(docx)
  const revision: Revision = {
    author: request.author ?? destigmaAuthor,
    date: (request.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
    nextId: () => ++id
  }
  const changed = new Set<string>()
  const comments = request.comments.filter((comment) => commentBlocker(paragraphs, comment.range) === undefined)
  // Comments first: an edit then wraps the runs they anchor on, and its insertion lands inside the comment's range.
  if (comments.length > 0) {
    const root = commentsRoot(docx, changed)
    for (const comment of comments) {
      const commentId = revision.nextId()
      anchorComment(paragraphs, comment.range, commentId)
      addComment(root, commentId, comment.lines, revision)
      changed.add(docx.mainPart)
    }
  }
  for (const edit of [...request.edits].sort((a, b) => a.range[0] - b.range[0])) {
    const reason = editBlocker(paragraphs, edit.range)
    if (reason !== undefined) throw new Error(`cannot track a change at ${edit.range.join('–')}: ${reason}`)
    changed.add(trackReplacement(paragraphs, edit.range, edit.text, revision))
  }
  return writeZip(entriesAfter(docx, changed))
}

/** The package's entries with each changed part serialised anew; new parts go at the end. */
function entriesAfter(docx: DocxPackage, changed: Set<string>): ZipEntry[] {
  const serializer = new XMLSerializer()
  const encoder = new TextEncoder()
  const fresh = (name: string, like?: ZipEntry): ZipEntry => deflatedEntry(name, encoder.encode(serializer.serializeToString(docx.xml.get(name) as Document)), like)
  const entries = docx.entries.map((entry) => (changed.has(entry.name) ? fresh(entry.name, entry) : entry))
  for (const name of changed) if (!docx.entries.some((entry) => entry.name === name)) entries.push(fresh(name))
  return entries
}

/** The largest `w:id` in any part read, so new ids never collide with the document's own. */
function highestId(docx: DocxPackage): number {
  let highest = 0
  for (const document of docx.xml.values()) {
    const elements = document.getElementsByTagNameNS(wordNamespace, '*')
    for (let index = 0; index < elements.length; index++) {
      const value = Number((elements.item(index) as Element).getAttributeNS(wordNamespace, 'id'))
      if (Number.isSafeInteger(value) && value > highest) highest = value
    }
  }
  return highest
}
