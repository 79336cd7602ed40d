// The README's usage example, run against the built package.
import { classifyScheme, explainClassification, ROTHERHAM } from 'social-prescribing/classification';

const result = classifyScheme(ROTHERHAM);
if (result.isErr()) throw new Error(result.error.message);
const c = result.value;
console.log(c.tier, c.level, `${c.plusFeatures.met} of 4 'plus' features`);
console.log(explainClassification(c).split('\n').slice(0, 3).join('\n'));

if (c.tier !== 'plus' || c.plusFeatures.met !== 4) throw new Error('Rotherham must classify as plus on every feature');
