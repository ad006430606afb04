import {categories, locales, partsOfSpeech} from './types.js'

const wordList = {type: 'array', items: {type: 'string', minLength: 1}, minItems: 1}

const posList = {type: 'array', items: {enum: [...partsOfSpeech]}, minItems: 1}

const suggestion = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    text: {type: 'string', minLength: 1},
    plural: {type: 'string', minLength: 1},
    forms: {type: 'object', additionalProperties: {type: 'string', minLength: 1}},
    safe: {type: 'boolean'}
  }
}

const contextSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    window: {anyOf: [{type: 'integer', minimum: 1, maximum: 20}, {enum: ['paragraph', 'document']}]},
    requires: wordList,
    forbids: wordList,
    topic: wordList,
    off_topic: wordList,
    preceded_by: wordList,
    not_preceded_by: wordList,
    followed_by: wordList,
    not_followed_by: wordList,
    standalone: {type: 'boolean'},
    noun: {type: 'boolean'},
    head: {type: 'boolean'},
    preceded_by_pos: posList,
    not_preceded_by_pos: posList,
    followed_by_pos: posList,
    not_followed_by_pos: posList
  }
}

const exampleBase = {
  text: {type: 'string', minLength: 1},
  note: {type: 'string'},
  locale: {enum: [...locales]},
  options: {type: 'object'}
}

/** JSON Schema for `rules/word-classes.yml`: class names to the phrases they stand for. */
export const wordClassesSchema = {
  $id: 'https://destigma.dev/schema/word-classes.json',
  type: 'object',
  propertyNames: {pattern: '^[a-z][a-z-]*$'},
  additionalProperties: {type: 'array', minItems: 1, items: {type: 'string', minLength: 1, pattern: '^[^\\[\\]()<>{}|]+$'}}
} as const

/** JSON Schema for one rule file (`rules/<category>/<id>.yml`) and for custom rules. */
export const ruleSchema = {
  $id: 'https://destigma.dev/schema/rule.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'severity', 'confidence', 'terms', 'suggestions', 'explanation'],
  properties: {
    $schema: {type: 'string'},
    id: {type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$'},
    category: {enum: [...categories]},
    severity: {enum: ['error', 'warning']},
    confidence: {enum: ['clear-cut', 'contested']},
    contested_because: {type: 'string', minLength: 20},
    terms: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['phrase'],
        properties: {
          phrase: {type: 'string', minLength: 1},
          kind: {enum: ['noun', 'fixed', 'pattern']},
          form: {type: 'string', minLength: 1},
          plural: {type: 'string', minLength: 1},
          closed: {type: 'boolean'},
          match_case: {type: 'boolean'},
          context: contextSchema,
          forms: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['phrase', 'form'],
              properties: {phrase: {type: 'string', minLength: 1}, form: {type: 'string', minLength: 1}}
            }
          }
        }
      }
    },
    suggestions: {
      type: 'object',
      additionalProperties: false,
      required: ['default'],
      properties: Object.fromEntries(
        ['default', ...locales].map((key) => [key, {type: 'array', minItems: 1, items: suggestion}])
      )
    },
    explanation: {type: 'string', minLength: 20},
    sources: {type: 'array', items: {type: 'string', minLength: 1}},
    context: contextSchema,
    exceptions: {type: 'array', items: {type: 'string', minLength: 1}},
    related: {type: 'array', items: {type: 'string'}},
    examples: {
      type: 'object',
      additionalProperties: false,
      properties: {
        invalid: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['text', 'flags'],
            properties: {
              ...exampleBase,
              flags: {type: 'array', items: {type: 'string'}, minItems: 1},
              fixed: {type: 'string'},
              suggests: {type: 'string'}
            }
          }
        },
        valid: {
          type: 'array',
          items: {type: 'object', additionalProperties: false, required: ['text'], properties: exampleBase}
        }
      }
    }
  },
  if: {properties: {confidence: {const: 'contested'}}},
  then: {required: ['contested_because'], properties: {severity: {const: 'warning'}}}
} as const
