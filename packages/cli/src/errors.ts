/** Bad usage (an unknown flag, a bad value): printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A file that could not be linted (missing, unreadable, binary, too large): reported on stderr, exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError'
}
