import { classifyScheme, explainClassification, ROTHERHAM } from 'social-prescribing/classification';

const result = classifyScheme(ROTHERHAM); // any JSON value: it is validated first
if (result.isOk()) {
  const c = result.value;
  console.log(c.tier, c.highestPossibleTier, c.level); // 'plus' 'plus' 'holistic'
  console.log(explainClassification(c)); // Markdown, criterion by criterion, with citations
} else {
  for (const issue of result.error.issues) console.log(issue.path.join('.'), issue.code);
}
