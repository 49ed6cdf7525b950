/** What a twinning proposal and the answers to it may hold, after trimming: a proposal's message, and the reason for a decision or a change of status. */
export const TWINNING_LIMITS = { message: 4000, reason: 2000 } as const;
