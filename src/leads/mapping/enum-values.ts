/** Maps a provider's raw enum spelling onto our union enums, UNKNOWN for anything not known yet. */

export function toKnownOrUnknown<E extends Record<string, string>>(enumObject: E, value: unknown, unknown: E[keyof E]): E[keyof E] {
  if (typeof value === 'string' && value !== unknown && Object.prototype.hasOwnProperty.call(enumObject, value)) {
    return enumObject[value as keyof E];
  }
  return unknown;
}

/** Like toKnownOrUnknown, but keeps null/absent as null (for optional provider fields). */
export function toKnownOrUnknownOrNull<E extends Record<string, string>>(
  enumObject: E,
  value: unknown,
  unknown: E[keyof E],
): E[keyof E] | null {
  return value === null || value === undefined ? null : toKnownOrUnknown(enumObject, value, unknown);
}
