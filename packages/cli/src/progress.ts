/**
 * A progress line on a terminal's standard error, redrawn at most ten times a second and
 * cleared before anything else is printed on the same terminal.
 */
export class Progress {
  private shown = false
  private last = 0

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number
  ) {}

  /**
   * Show how many files are done.
   *
   * @param done - Files finished so far.
   */
  update(done: number): void {
    const now = Date.now()
    if (now - this.last < 100 && done < this.total) return
    this.last = now
    this.stream.write(`\r\u001B[2Kdestigma: ${done}/${this.total} files checked`)
    this.shown = true
  }

  /** Remove the line. */
  clear(): void {
    if (!this.shown) return
    this.stream.write('\r\u001B[2K')
    this.shown = false
  }
}
