/** Every queue, by name. A job name reads `noun.verb` and belongs to exactly one handler. */
export enum QueueName {
  EMAIL = 'email',
}

export const JobName = {
  EMAIL_SEND: 'email.send',
} as const;
