import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/**
 * For a route's `serializerCompiler`: its zod response schema, as JSON Schema, compiled by fast-json-stringify.
 * The app-wide zod serializer encodes every answer through the schema and then runs JSON.stringify; for a page
 * of list rows that costs more than the query. This one writes exactly the declared fields without checking
 * them at run time: the type provider already checks at compile time that the handler returns the schema's
 * type, and a missing required field still throws.
 */
export function compiledSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new Error('compiledSerializer needs a zod response schema');
  return fastJson(
    z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as Parameters<typeof fastJson>[0],
  );
}
