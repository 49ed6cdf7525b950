const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID: an id that is not one names nothing, so it is answered NOT_FOUND without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
