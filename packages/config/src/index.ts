/**
 * Finding destigma config on disk, for the CLI and the language server (Node only, synchronous).
 *
 * @packageDocumentation
 */
export {ConfigError} from './config-error.js'
export {loadConfig, clearConfigCache, OptionsLayerError} from './load-config.js'
export type {ConfigRequest, ResolvedConfig} from './load-config.js'
export {createIgnoreFilter} from './ignore-filter.js'
export {FileReadRefusal, readRegularFile, describeKind} from './read-regular-file.js'
export type {RegularFile} from './read-regular-file.js'
