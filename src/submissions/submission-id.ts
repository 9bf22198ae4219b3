/**
 * Global ids of submissions: "submission:<uuid>". The uuid is the store's id; anything that is not
 * "submission:" followed by something reads as no submission at all (the store checks the uuid).
 */
export const SUBMISSION_ID_KIND = 'submission';
const PREFIX = `${SUBMISSION_ID_KIND}:`;

export function toSubmissionId(storeId: string): string {
  return PREFIX + storeId;
}

/** The store id inside a global submission id, or undefined when it is not one. */
export function storeIdOf(globalId: string): string | undefined {
  // The kind is case-insensitive, as node(id) reads every kind (global-id.ts).
  return globalId.slice(0, PREFIX.length).toLowerCase() === PREFIX && globalId.length > PREFIX.length
    ? globalId.slice(PREFIX.length)
    : undefined;
}
