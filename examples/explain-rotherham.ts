import { classifyScheme, explainClassification, ROTHERHAM } from 'social-prescribing/classification';

const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
console.log(c.tier, c.plusFeatures.met); // 'plus' 4
console.log(explainClassification(c));

if (c.tier !== 'plus' || c.plusFeatures.met !== 4) throw new Error('Rotherham must be plus with all four features');
