import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tooComplex } from './errors.ts';

/**
 * What one GraphQL request may ask for (SPEC §8: depth, cost, alias and batch limits). Refusals are
 * request errors — HTTP 400, code BAD_REQUEST, reason QUERY_TOO_COMPLEX — decided before any resolver
 * runs. The body itself is capped by the server's BODY_LIMIT_BYTES (413 before parsing); the token cap
 * stops the parser early on anything long enough to cost time.
 */
export const graphqlLimits = {
  /** Nested selections: the deepest query of the graph (search → review authors) needs 7. */
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 20,
  /** Lexer tokens per document; parsing stops at the first one over. */
  maxTokens: 3_000,
  /** graphql-armor's cost: 2 per object and 1 per scalar field, × 1.5 per level of depth. */
  maxCost: 5_000,
  /** Operations in one batched (JSON array) request. */
  maxBatch: 10,
} as const;

/** Reports the armor rule's refusal as a request error of ours, and lets validation carry on to the end. */
const report = (context: ValidationContext | null, error: GraphQLError) => {
  const refusal = tooComplex(error.message.replace(/^Syntax Error: /, ''));
  if (context) context.reportError(refusal);
  else throw refusal;
};

const rejection = { propagateOnRejection: false, onReject: [report] };

/** The parser with a token limit: a document over it is refused before it is parsed further. */
function tokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && error.message.includes('tokens')) {
            throw tooComplex(`a document may hold at most ${maxTokens} tokens`);
          }
          throw error;
        }
      });
    },
  };
}

/**
 * Errors of the document itself (syntax, validation, limits) as request errors of ours: code BAD_REQUEST,
 * reason VALIDATION_FAILED unless a limit rule gave QUERY_TOO_COMPLEX, and HTTP 400 whatever the Accept
 * header (yoga would answer `application/json` clients 200, the GraphQL-over-HTTP "legacy" rule).
 */
function asRequestError(error: GraphQLError): void {
  const extensions = error.extensions;
  extensions.code = 'BAD_REQUEST';
  extensions.reason ??= 'VALIDATION_FAILED';
  extensions.http = { ...extensions.http, spec: false, status: 400 };
}

function documentErrors(): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (result instanceof GraphQLError) asRequestError(result);
      };
    },
    onValidate() {
      return ({ valid, result }) => {
        if (!valid) for (const error of result) asRequestError(error);
      };
    },
  };
}

/** Introspection answers nothing in production (the schema is in the repository, not on the wire). */
function noIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export function limitPlugins(options: { production: boolean }): Plugin[] {
  return [
    documentErrors(),
    tokenLimit(graphqlLimits.maxTokens),
    EnvelopArmorPlugin({
      maxDepth: { n: graphqlLimits.maxDepth, ...rejection },
      maxAliases: { n: graphqlLimits.maxAliases, ...rejection },
      maxDirectives: { n: graphqlLimits.maxDirectives, ...rejection },
      costLimit: { maxCost: graphqlLimits.maxCost, ...rejection },
      // The token limit above runs in the parser; armor's would parse the document a second time.
      maxTokens: { enabled: false },
      // "Did you mean …?" lists field names: off in production, with introspection.
      blockFieldSuggestion: { enabled: options.production },
    }),
    ...(options.production ? [noIntrospection()] : []),
  ];
}
