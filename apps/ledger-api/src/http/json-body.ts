import type { FastifyInstance, FastifyRequest } from 'fastify';

/** No command nests deeper; a deeper body is refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 32;
/**
 * A key that would shadow what every object inherits (`__proto__`, `constructor`,
 * `toString`, …). Inside a JSON string a quote is always escaped, so `"name"` followed by a
 * colon can only be a key: one native regex test instead of a reviver on every value.
 */
const RESERVED_KEY = new RegExp(`"(${Object.getOwnPropertyNames(Object.prototype).join('|')})"\\s*:`);

export class JsonBodyError extends Error {
  readonly statusCode = 400;
}

/**
 * Parses a JSON body for the API: refuses nesting deeper than {@link MAX_JSON_DEPTH} (which
 * would otherwise overflow the stack in the validators) and keys that shadow Object's own
 * members, so that no such key can slip past the DTO whitelist.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new JsonBodyError(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  const reserved = RESERVED_KEY.exec(text);
  if (reserved) throw new JsonBodyError(`"${reserved[1]}" is not allowed as a field name.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonBodyError(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Replaces Fastify's JSON parser with {@link parseJsonBody}. */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
      try {
        done(null, parseJsonBody(body.toString()));
      } catch (error) {
        done(error as Error);
      }
    },
  );
}
