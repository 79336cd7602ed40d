// The CommonJS build works with require(), from the root entry and from each module entry.
const { classifyScheme, ROTHERHAM } = require('social-prescribing');
const { explainClassification } = require('social-prescribing/classification');
const { isValidNhsNumber } = require('social-prescribing/referral');

const classification = classifyScheme(ROTHERHAM)._unsafeUnwrap();
console.log('CommonJS:', classification.tier);
if (classification.tier !== 'plus') throw new Error('expected plus');
if (!explainClassification(classification).startsWith('# ')) throw new Error('expected a Markdown explanation');
if (!isValidNhsNumber('9434765919')) throw new Error('expected a valid NHS number');
