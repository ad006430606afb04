// Types for archive.mjs, which the benchmarks run with plain Node and the tests import.
export function archivePage(index: number, findings: number): string
export function writeArchive(folder: string, count: number, perPage: number): string[]
export function archivePath(index: number): string
