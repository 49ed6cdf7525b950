/**
 * How long the pairing evidence's texts may be (after trimming): where a figure or an assessment
 * comes from, the evidence behind a score or what a link is, and a project's name.
 */
export const EVIDENCE_LIMITS = { sourceMin: 2, sourceMax: 500, textMin: 2, text: 2000, name: 200 } as const;
