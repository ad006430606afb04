/** A comment in a document: its range in the source and the text inside the delimiters. */
export interface Comment {
  start: number
  end: number
  body: string
}

/**
 * The comments found by the last few reads, so that applying directives right after
 * reading a document does not parse it a second time.
 */
const recent: Array<{text: string; format: string; comments: Comment[]}> = []

/**
 * Record the comments a reader found while parsing.
 *
 * @param text - The document.
 * @param format - Its format.
 * @param comments - Its comments.
 */
export function rememberComments(text: string, format: string, comments: Comment[]): void {
  recent.unshift({text, format, comments})
  recent.length = Math.min(recent.length, 4)
}

/**
 * The comments recorded for a document, if it was read lately.
 *
 * @param text - The document.
 * @param format - Its format.
 * @returns Its comments, or undefined when it has not been read lately.
 */
export function recalledComments(text: string, format: string): Comment[] | undefined {
  return recent.find((entry) => entry.format === format && entry.text === text)?.comments
}
