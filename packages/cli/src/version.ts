declare const __DESTIGMA_VERSION__: string | undefined

/** The CLI's version, from its package.json (set by the build). */
export const version: string = typeof __DESTIGMA_VERSION__ === 'string' ? __DESTIGMA_VERSION__ : '0.0.0-dev'
