// The CommonJS build works with require().
const { classifyScheme, ROTHERHAM } = require('social-prescribing');

const tier = classifyScheme(ROTHERHAM)._unsafeUnwrap().tier;
console.log('CommonJS:', tier);
if (tier !== 'plus') throw new Error('expected plus');
