/**
 * Whether a parsed value is a plain object (not `null`, not an array), so its keys can be read.
 *
 * @param value - Any parsed value.
 * @returns True for an object with string keys.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
