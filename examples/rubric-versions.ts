// The reading that changed in rubric version 2: time-limited contact no
// longer caps the level. Rotherham with 6-12 sessions, and the NHS England
// link-worker model (examples/schemes/pcn-link-workers.json), under both
// published rubrics.
import { readFileSync } from 'node:fs';
import { classifyScheme, ROTHERHAM, RUBRIC_V1 } from 'social-prescribing/classification';

// Rotherham, had its advisers' contact been limited to 6-12 sessions.
const timeLimited = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'short_time_limited' } };
const v2 = classifyScheme(timeLimited)._unsafeUnwrap();
const v1 = classifyScheme(timeLimited, { rubric: RUBRIC_V1 })._unsafeUnwrap();
console.log(v2.rubric.version, v2.tier, v2.level); // '2.0.0' "plus" 'holistic'
console.log(v1.rubric.version, v1.tier, v1.level); // '1.0.0' 'light' 'medium'
if (v2.tier !== 'plus' || v1.tier !== 'light' || v1.level !== 'medium') throw new Error('unexpected tiers for time-limited Rotherham');

const pcn: unknown = JSON.parse(readFileSync('examples/schemes/pcn-link-workers.json', 'utf8'));
const pcnV2 = classifyScheme(pcn)._unsafeUnwrap();
const pcnV1 = classifyScheme(pcn, { rubric: RUBRIC_V1 })._unsafeUnwrap();
console.log('PCN link workers:', pcnV2.tier, 'under 2.0.0;', pcnV1.tier, 'under 1.0.0'); // holistic, light
if (pcnV2.tier !== 'holistic' || pcnV1.tier !== 'light') throw new Error('unexpected tiers for the PCN link-worker model');
