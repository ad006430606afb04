import {categories, locales} from './types.js'

const wordList = {type: 'array', items: {type: 'string', minLength: 1}, minItems: 1}

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
    window: {anyOf: [{type: 'integer', minimum: 1, maximum: 20}, {const: 'paragraph'}]},
    requires: wordList,
    forbids: wordList,
    preceded_by: wordList,
    not_preceded_by: wordList,
    followed_by: wordList,
    not_followed_by: wordList,
    standalone: {type: 'boolean'}
  }
}

const exampleBase = {
  text: {type: 'string', minLength: 1},
  note: {type: 'string'},
  locale: {enum: [...locales]},
  options: {type: 'object'}
}

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
          kind: {enum: ['noun', 'fixed']},
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
