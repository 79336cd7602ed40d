// What the interactive classifier page uses, imported from the package's own
// `social-prescribing/classification` entry (the built dist/, exactly what
// npm users get) and bundled for the page by scripts/build-site.mjs: the
// site carries no separate copy of the library.
import {
  FACT_GROUPS,
  REFERRAL_SETTINGS,
  ROTHERHAM,
  SCHEME_FACTS,
  SCHEME_PROFILE_VERSION,
  TIER_LABELS,
  classifyScheme,
  createUnknownProfile,
  explainClassification,
  formatCitation,
  formatTierRange,
  parseSchemeProfile,
} from 'social-prescribing/classification';

globalThis.SocialPrescribing = Object.freeze({
  FACT_GROUPS,
  REFERRAL_SETTINGS,
  ROTHERHAM,
  SCHEME_FACTS,
  SCHEME_PROFILE_VERSION,
  TIER_LABELS,
  classifyScheme,
  createUnknownProfile,
  explainClassification,
  formatCitation,
  formatTierRange,
  parseSchemeProfile,
});
