/**
 * What an API key may do. The operation type decides for lead fields: a query reads leads, a
 * mutation writes them. So a website form's key (write only) can create a lead and see a receipt
 * of that one mutation, but can never list or fetch leads. `leads:submit` is narrower still: only
 * the create mutations (no updateLead, so no way to probe whether an id exists). The tenant admin
 * fields need `tenants:admin` whatever the operation type (operation-authorization.ts).
 */
import { DEFAULT_TENANT } from '../tenants/default-tenant';

export const Scope = {
  READ: 'leads:read',
  WRITE: 'leads:write',
  SUBMIT: 'leads:submit',
  ADMIN: 'tenants:admin',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

export const ALL_SCOPES: readonly Scope[] = [Scope.READ, Scope.WRITE, Scope.SUBMIT, Scope.ADMIN];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (ALL_SCOPES as readonly string[]).includes(value);
}

/** The scope an operation needs: a query or a subscription (the change feed) reads leads, a mutation writes them. */
export function scopeFor(operation: 'query' | 'mutation' | 'subscription'): Scope | undefined {
  if (operation === 'mutation') return Scope.WRITE;
  return Scope.READ;
}

/** Who is calling: a configured API key by its name, or anyone when the gateway runs open. */
export interface Caller {
  /** The key's configured name (never the key); "anonymous" on an open gateway. */
  name: string;
  /** Whose data the caller sees; DEFAULT_TENANT for API_KEYS entries and the anonymous caller. */
  tenant: string;
  scopes: ReadonlySet<Scope>;
  anonymous: boolean;
}

/** An open gateway's caller reads and writes the default tenant's leads; it never administers tenants. */
export const ANONYMOUS_CALLER: Caller = {
  name: 'anonymous',
  tenant: DEFAULT_TENANT,
  scopes: new Set([Scope.READ, Scope.WRITE]),
  anonymous: true,
};
