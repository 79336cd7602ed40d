// Bad input never throws: it gets an error listing every problem, with its
// path and a stable code, and never repeats the values it was given.
import { classifyScheme } from 'social-prescribing/classification';

const result = classifyScheme({ profileVersion: 1, id: 'x', name: 'Typo scheme', funding: { referralProcessFunded: 'yes' } });
if (result.isOk()) throw new Error('expected an error');
console.log(result.error.code, `${result.error.issues.length} problems`);
for (const issue of result.error.issues.slice(0, 5)) console.log(`  ${issue.code.padEnd(14)} ${issue.message}`);
if (result.error.message.includes('yes')) throw new Error('the message must not echo input values');
