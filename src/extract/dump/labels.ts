// The labels a dump's blocks get, from the aligner (training) and the decoder (extraction).
// Byline and date lines share one label ("meta"): the same lines carry both, and the fields are
// read from them by ./meta.ts. Captions, tails and in-body widgets are "chrome": not article text.
export const LABELS = ['chrome', 'tag', 'headline', 'deck', 'meta', 'body'] as const;
export type Label = typeof LABELS[number];
export const LABEL_COUNT = LABELS.length;
export const LABEL_INDEX: Readonly<Record<Label, number>> = Object.freeze(
  Object.fromEntries(LABELS.map((l, i) => [l, i])) as Record<Label, number>,
);
