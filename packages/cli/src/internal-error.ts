/**
 * Whether `DEBUG=destigma` asks for stack traces.
 *
 * @returns True when stack traces should be printed.
 */
export const debugging = (): boolean => /(^|,)\s*destigma\s*(,|$)|^\*$/.test(process.env.DEBUG ?? '')

/**
 * A one-line description of a bug in destigma, with the stack only under `DEBUG=destigma`.
 *
 * @param error - What was thrown.
 * @returns The text to print.
 */
export function describeInternalError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (debugging() && error instanceof Error && error.stack) return `internal error: ${error.stack}`
  return `internal error: ${message} (this is a bug in destigma; set DEBUG=destigma to see where)`
}
