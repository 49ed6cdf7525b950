/** Every queue, by name. A job name reads `noun.verb` and belongs to exactly one handler. */
export enum QueueName {
  EMAIL = 'email',
  PAIRING = 'pairing',
}

export const JobName = {
  EMAIL_SEND: 'email.send',
  PAIRING_RECOMPUTE: 'pairing.recompute',
} as const;
