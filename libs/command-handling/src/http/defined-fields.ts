/**
 * The fields of a command, without those the client left out: a body names a field or does
 * not, and a left-out field is absent from the command rather than undefined. Each field is
 * named by the caller's toCommand(), so no body field reaches a command unread.
 */
export function definedFields<Fields extends object>(fields: Fields): Fields {
  const defined: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) defined[key] = value;
  return defined as Fields;
}
