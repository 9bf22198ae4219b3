/** What a tenant API key may do, as GraphQL names it; each value stands for one scope of scopes.ts. */
import { registerEnumType } from 'type-graphql';

/** Values are the scope names of security/scopes.ts (`Scope`), so no mapping is needed either way. */
export enum ApiScope {
  LEADS_READ = 'leads:read',
  LEADS_WRITE = 'leads:write',
  LEADS_SUBMIT = 'leads:submit',
  TENANTS_ADMIN = 'tenants:admin',
}

registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API key may do.',
  valuesConfig: {
    LEADS_READ: { description: '"leads:read": queries on leads and providers.' },
    LEADS_WRITE: { description: '"leads:write": lead mutations (without leads:read, only a receipt of the lead is returned).' },
    LEADS_SUBMIT: { description: '"leads:submit": for public forms: createLead and submitLead and their receipts only.' },
    TENANTS_ADMIN: { description: '"tenants:admin": the tenant administration API (API_KEYS entries only).' },
  },
});
