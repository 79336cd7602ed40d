// The NHS England link-worker model under both published rubrics: holistic
// under version 2 (the default), light under version 1, which capped
// time-limited contact.
import { readFileSync } from 'node:fs';
import { classifyScheme, RUBRIC_V1 } from 'social-prescribing';

const pcn: unknown = JSON.parse(readFileSync('examples/schemes/pcn-link-workers.json', 'utf8'));

const v2 = classifyScheme(pcn)._unsafeUnwrap();
const v1 = classifyScheme(pcn, { rubric: RUBRIC_V1 })._unsafeUnwrap();
console.log(v2.rubric.version, v2.tier, v2.level); // '2.0.0' 'holistic' 'holistic'
console.log(v1.rubric.version, v1.tier, v1.level); // '1.0.0' 'light' 'medium'

if (v2.tier !== 'holistic' || v1.tier !== 'light' || v1.level !== 'medium') throw new Error('unexpected tiers for the PCN link-worker model');
