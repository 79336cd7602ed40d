// The main job: classify every scheme in examples/schemes/ and print each
// tier with its explanation. Run it with `npm run demo`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyScheme, explainClassification, formatTierRange } from 'social-prescribing/classification';

const folder = join(import.meta.dirname, 'schemes');
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const summary: string[] = [];
let failures = 0;

for (const file of files) {
  const result = classifyScheme(JSON.parse(readFileSync(join(folder, file), 'utf8')));
  if (result.isErr()) {
    failures++;
    console.error(`${file}: ${result.error.message}`);
    continue;
  }
  const c = result.value;
  console.log(explainClassification(c));
  console.log('---\n');
  // An undetermined tier is a range ("Not determined: holistic to 'plus'"), never a bare tier word.
  const next = c.decisiveFacts.find((d) => d.decisive);
  summary.push(
    `${c.scheme.id.padEnd(32)} ${formatTierRange(c)}; Kimberlee level ${c.level}; 'plus' features met ${c.plusFeatures.met}/4${next === undefined ? '' : `; find out first: ${next.label}`}`,
  );
}

console.log(`Summary of ${files.length} schemes (the default rubric, dayson-2017 2.0.0):`);
for (const line of summary) console.log(`  ${line}`);
if (failures > 0) process.exitCode = 1;
