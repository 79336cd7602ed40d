import * as z from 'zod';
import { SCHEME_FACTS } from './facts';
import { SchemeProfileSchema } from './schema';

type JsonObject = { [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of the scheme profile, generated from
 * `SchemeProfileSchema`, with each fact's meaning as its `description`. Use
 * it to validate profiles in R, Python or any other language. The same
 * document is published as `docs/schema/scheme-profile.schema.json`.
 *
 * @example
 * ```ts
 * import { schemeProfileJsonSchema } from 'social-prescribing';
 *
 * const schema = schemeProfileJsonSchema();
 * schema['$schema']; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function schemeProfileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SchemeProfileSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
  schema['title'] = 'Social prescribing scheme profile';
  schema['description'] =
    "The facts about one local social prescribing scheme read by the classifier of the 'social-prescribing' package (Dayson 2017). Every fact may be \"unknown\".";
  for (const fact of SCHEME_FACTS) {
    let node: JsonObject | undefined = schema;
    for (const segment of fact.path) {
      node = (node?.['properties'] as JsonObject | undefined)?.[segment] as JsonObject | undefined;
    }
    if (node !== undefined) node['description'] = `${fact.label}. ${fact.help}`;
  }
  return schema;
}
