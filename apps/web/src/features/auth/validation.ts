/** The same rules the API applies, checked as a person types. */
export const looksLikeEmail = (value: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim());
export const PASSWORD_MIN = 10;
