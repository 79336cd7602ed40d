// The library side of "Agreement between coders" in "Classifying schemes for
// research": two coders code the same scheme from its documents; compare
// them, fact by fact, and compute Krippendorff's alpha. The CLI does the same
// with files: `npx social-prescribing agree coder-a.csv coder-b.csv`.
import { ROTHERHAM } from 'social-prescribing/classification';
import { compareCodings, krippendorffAlpha } from 'social-prescribing/research';

// Coder B read the contact as one-off and could not tell whether there is a personalised plan.
const coderA = [ROTHERHAM];
const coderB = [{ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'one_off' as const, personalisedPlan: 'unknown' as const } }];

const comparison = compareCodings([coderA, coderB])._unsafeUnwrap();
const rotherham = comparison.schemes[0]!;
for (const fact of rotherham.facts.filter((f) => f.status !== 'agree' && f.status !== 'unknown')) {
  console.log(fact.key, fact.status, fact.values.join(' / '), fact.changesTier ? 'changes the tier' : 'same tier');
}
// linking.contact disagree open_ended / one_off changes the tier
// linking.personalisedPlan partly_unknown true / unknown changes the tier
console.log(rotherham.tierRanges); // coder A plus; coder B light
const linking = comparison.dimensions.find((d) => d.dimension === 'linking')!;
console.log(linking.alpha.status === 'estimated' ? linking.alpha.alpha.toFixed(3) : linking.alpha.reason);

// Krippendorff's alpha on its own: coders x units, null (or "unknown") for a missing value.
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
const data = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const nominal = krippendorffAlpha(data, { level: 'nominal' })._unsafeUnwrap();
const interval = krippendorffAlpha(data, { level: 'interval' })._unsafeUnwrap();
console.log(nominal.alpha.toFixed(3), interval.alpha.toFixed(3)); // 0.743 0.849

const contact = rotherham.facts.find((f) => f.key === 'linking.contact')!;
if (!contact.changesTier || contact.status !== 'disagree') throw new Error('the contact disagreement should change the tier');
if (rotherham.sameTierRange) throw new Error('the coders should reach different tiers');
if (nominal.alpha.toFixed(3) !== '0.743' || interval.alpha.toFixed(3) !== '0.849') throw new Error('Krippendorff (2011) publishes 0.743 and 0.849');
