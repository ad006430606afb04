// What other packages take from the compiler: the line-aware JSON/YAML reader and the rule loader.
export {DataFileError, parseDataFile, pathSegments} from './data-file.js'
export type {DataFile, DataProblem} from './data-file.js'
export {loadRules, RuleFileError} from './load.js'
export type {LoadedRule, RuleFileProblem} from './load.js'
