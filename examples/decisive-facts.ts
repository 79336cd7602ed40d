// What to find out next: a scheme coded from documents with two facts still
// unknown. The tier is a range, and the decisive facts say which fact to look
// up first and what each answer would do.
import { classifyScheme, formatTierRange, ROTHERHAM } from 'social-prescribing/classification';

const coded = {
  ...ROTHERHAM,
  linking: { ...ROTHERHAM.linking, contact: 'unknown' },
  funding: { ...ROTHERHAM.funding, committedYears: 'unknown' },
};
const c = classifyScheme(coded)._unsafeUnwrap();
console.log(formatTierRange(c)); // "Not determined: light to 'plus'"
for (const fact of c.decisiveFacts.filter((d) => d.decisive)) {
  console.log(fact.label);
  for (const o of fact.outcomes) console.log(`  ${o.label}: ${formatTierRange(o)}`);
}
// Contact with the person
//   One-off, no follow-up: light
//   A fixed time frame (e.g. a 12-week programme): 'plus'
//   ...

if (c.determined || c.decisiveFacts[0]?.fact !== 'linking.contact') throw new Error('contact should be the first fact to find out');
