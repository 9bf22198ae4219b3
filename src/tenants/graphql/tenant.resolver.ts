/**
 * The tenant administration API (DESIGN.md Part 2, "Tenants"). Every field here needs the
 * `tenants:admin` scope (security/operation-authorization.ts TENANT_ADMIN_FIELDS); the work is the
 * TenantService's, shared with the CLI.
 */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../graphql/context';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { toProviderInfo } from '../../leads/resolvers/provider.resolver';
import type { Scope } from '../../security/scopes';
import type { TenantService, TenantView } from '../tenant.service';
import { ApiKey } from './api-key.type';
import { ApiScope } from './api-scope.enum';
import { CreatedApiKey } from './created-api-key.type';
import { ProviderCredentialsInput } from './provider-credentials.input';
import { Tenant } from './tenant.type';

function service(context: GatewayContext): TenantService {
  if (!context.tenants) throw new Error('The tenant service is not wired');
  return context.tenants;
}

function toTenant(view: TenantView): Tenant {
  return { ...view, providers: view.providers.map(toProviderInfo), apiKeys: view.apiKeys.map(toApiKey) };
}

function toApiKey(row: TenantView['apiKeys'][number]): ApiKey {
  return { ...row, scopes: row.scopes as unknown as ApiScope[] };
}

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => [Tenant], { description: 'Every tenant, "default" (the environment configuration) included. Needs tenants:admin.' })
  async tenants(@Ctx() context: GatewayContext): Promise<Tenant[]> {
    return (await service(context).list()).map(toTenant);
  }

  @Mutation(() => Tenant, {
    description: 'Creates a tenant; a slug taken or not 2 to 40 of a-z, 0-9, - is BAD_USER_INPUT. Needs tenants:admin.',
  })
  async createTenant(
    @Arg('slug', { description: 'The new tenant id: 2 to 40 of a-z, 0-9 and -.' }) slug: string,
    @Arg('name', { description: 'Its display name.' }) name: string,
    @Ctx() context: GatewayContext,
  ): Promise<Tenant> {
    return toTenant(await service(context).createTenant(slug, name));
  }

  @Mutation(() => Tenant, {
    description:
      "Sets a tenant's credentials for a provider, once the provider accepts them (refused: PROVIDER_AUTH_FAILED, nothing saved). Needs tenants:admin.",
  })
  async setProviderCredentials(
    @Arg('tenant', { description: 'The tenant slug.' }) tenant: string,
    @Arg('provider', () => LeadProvider, { description: 'The provider.' }) provider: LeadProvider,
    @Arg('input', () => ProviderCredentialsInput, { description: 'The credentials; checked with the provider before they are saved.' })
    input: ProviderCredentialsInput,
    @Ctx() context: GatewayContext,
  ): Promise<Tenant> {
    return toTenant(await service(context).setProviderCredentials(tenant, provider, input));
  }

  @Mutation(() => Tenant, { description: "Removes a tenant's credentials for a provider and disconnects it. Needs tenants:admin." })
  async removeProviderCredentials(
    @Arg('tenant', { description: 'The tenant slug.' }) tenant: string,
    @Arg('provider', () => LeadProvider, { description: 'The provider.' }) provider: LeadProvider,
    @Ctx() context: GatewayContext,
  ): Promise<Tenant> {
    return toTenant(await service(context).removeProviderCredentials(tenant, provider));
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key for a tenant; its secret is in this answer only. Needs tenants:admin.',
  })
  async createApiKey(
    @Arg('tenant', { description: 'The tenant slug.' }) tenant: string,
    @Arg('name', { description: 'What the key is for (1 to 64 letters, digits, spaces, . _ : -).' }) name: string,
    @Arg('scopes', () => [ApiScope], { description: 'What the key may do (not TENANTS_ADMIN).' }) scopes: ApiScope[],
    @Ctx() context: GatewayContext,
  ): Promise<CreatedApiKey> {
    const created = await service(context).createApiKey(tenant, name, scopes as unknown as Scope[]);
    return { apiKey: toApiKey(created.apiKey), secret: created.secret };
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key: refused (401) within 5 s on every replica. Needs tenants:admin.' })
  async revokeApiKey(
    @Arg('id', () => ID, { description: 'The key id (ApiKey.id).' }) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<ApiKey> {
    return toApiKey(await service(context).revokeApiKey(id));
  }
}
