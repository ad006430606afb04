import {DataFileError, parseDataFile as parseWithPlaces, type DataFile} from '@destigma/rules-compiler'
import {ConfigError} from './config-error.js'

export {pathSegments, type DataFile} from '@destigma/rules-compiler'

/**
 * Parse an rc file or a custom rule file with the rules compiler's line-aware reader;
 * syntax errors become a {@link ConfigError}, as every config problem does.
 *
 * @param file - Absolute path, for messages.
 * @param text - The file's text.
 * @param kind - `json` parses strictly as JSON; `yaml` as YAML 1.2.
 * @returns The parsed file.
 * @throws {ConfigError} When the text is not valid JSON or YAML.
 */
export function parseDataFile(file: string, text: string, kind: 'json' | 'yaml'): DataFile {
  try {
    return parseWithPlaces(file, text, kind)
  } catch (error) {
    if (error instanceof DataFileError) throw new ConfigError(file, error.problems)
    throw error
  }
}
