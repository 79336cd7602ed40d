// Writes the scheme profile's JSON Schema from the built package, so the
// published file is exactly what the library generates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { schemeProfileJsonSchema } from '../dist/index.js';

mkdirSync('docs/schema', { recursive: true });
writeFileSync('docs/schema/scheme-profile.schema.json', `${JSON.stringify(schemeProfileJsonSchema(), null, 2)}\n`);
console.log('wrote docs/schema/scheme-profile.schema.json');
