// What other modules of the library (the referral metrics) use from
// outcomes beyond its public index.
export { addPair, emptyMoments, summariseChange, type ChangeMoments } from './pairedChange';
export { scoreMeasuredOutcome, INSTRUMENT_OF } from './scoreMeasuredOutcome';
export { studentTCdf, studentTQuantile } from './studentT';
