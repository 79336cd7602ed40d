// Unknown is a value, not false: the tier the known facts prove, the highest
// tier the unknown facts allow, and how the tier moves with the threshold.
import { classifyScheme, createUnknownProfile, ROTHERHAM } from 'social-prescribing/classification';

const blank = classifyScheme(createUnknownProfile({ id: 'blank', name: 'Nothing known yet' })._unsafeUnwrap())._unsafeUnwrap();
console.log(`blank: ${blank.tier}, could be ${blank.highestPossibleTier}`);
if (blank.tier !== 'light' || blank.highestPossibleTier !== 'plus') throw new Error('unexpected tiers for a blank profile');

// Rotherham with its funding horizon unknown, and a stricter threshold.
const partial = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 'unknown' } };
const strict = classifyScheme(partial, { parameters: { plusFeatureThreshold: 4 } })._unsafeUnwrap();
console.log(`partial, threshold 4: ${strict.tier}, could be ${strict.highestPossibleTier}`);
for (const row of strict.sensitivity) console.log(`  threshold ${row.threshold}: ${row.tier} (up to ${row.highestPossibleTier})`);
if (strict.tier !== 'holistic' || strict.highestPossibleTier !== 'plus') throw new Error('unexpected tiers for the partial profile');
