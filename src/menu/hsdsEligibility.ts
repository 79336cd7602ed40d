// TEMPORARY: replaced once the eligibility rule engine lands from issue-3.
export function eligibilityToHsds(_rule: never): { minimumAge?: number; maximumAge?: number } {
  return {};
}
export function eligibilityFromHsds(_rule: unknown, _min: unknown, _max: unknown, _w: unknown): undefined {
  return undefined;
}
