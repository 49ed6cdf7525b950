export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const KEY_PATTERN = /^[a-z0-9][a-z0-9_]{0,59}$/;
