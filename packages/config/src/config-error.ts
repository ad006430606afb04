/** Where a problem is in a config or rule file, with what to do about it. */
export interface ConfigProblem {
  line?: number
  column?: number
  message: string
}

/**
 * A config file (or a custom rule file it names) that cannot be used.
 * The message reads `<file>:<line>:<column>: <what is wrong and what to do>`,
 * one line per problem; `line` and `column` are those of the first problem, when known.
 */
export class ConfigError extends Error {
  /** Absolute path of the file at fault. */
  readonly file: string
  /** 1-based line of the first problem, when known. */
  readonly line?: number
  /** 1-based column of the first problem, when known. */
  readonly column?: number

  constructor(file: string, problems: ConfigProblem[]) {
    super(problems.map((problem) => `${file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}: ${problem.message}`).join('\n'))
    this.name = 'ConfigError'
    this.file = file
    const first = problems[0]
    if (first?.line !== undefined) {
      this.line = first.line
      this.column = first.column ?? 1
    }
  }
}
