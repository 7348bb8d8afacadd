import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const prefix = '#/components/schemas/';

/** The names of the component schemas that `node` refers to, added to `names`. */
function refersTo(node: unknown, names: string[] = []): string[] {
  if (Array.isArray(node)) for (const value of node) refersTo(value, names);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(prefix)) names.push(value.slice(prefix.length));
      else refersTo(value, names);
    }
  }
  return names;
}

/**
 * Fills components.schemas with the zod schemas registered with an id (.meta({ id })), which the
 * operations refer to by $ref, and keeps only the ones the document reaches: zod's registry is
 * global and holds an input and an output variant of each id, so taking all of it would publish
 * schemas that no route accepts or returns.
 */
export const transformObject: SwaggerTransformObject = (document) => {
  const result = jsonSchemaTransformObject(document);
  if (!('openapi' in result) || !result.components?.schemas) return result;
  const { schemas, ...components } = result.components;
  const reached = new Set<string>();
  const pending = refersTo({ ...result, components });
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    refersTo(schemas[name], pending);
  }
  // The schemas object is the transform's own copy, not the plugin's.
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
  return result;
};
