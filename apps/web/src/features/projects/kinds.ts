/** The API's enums for a joint project, in the order a person chooses from them. */
export const STAGES = ['DISCOVERY', 'GOAL_SETTING', 'FEASIBILITY', 'DEMONSTRATOR', 'SCALING', 'BUSINESS_AS_USUAL'] as const;
export const PROJECT_TYPES = ['PATHFINDER', 'LIGHTHOUSE', 'PROOF_OF_CONCEPT'] as const;
export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'MISSED', 'CANCELLED'] as const;
export type Stage = (typeof STAGES)[number];
