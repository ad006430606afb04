/** A .docx file destigma cannot read or rewrite, with a reason a person can act on. */
export class DocxError extends Error {
  override name = 'DocxError'
}
