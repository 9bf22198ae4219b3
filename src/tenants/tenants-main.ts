/**
 * `npm run tenants -- <command>`: tenant administration for operators without a GraphQL client,
 * on the store the environment names (DATABASE_URL or LEADGRAPH_DATA_DIR, with LEADGRAPH_DATA_KEY),
 * through the same TenantService as the admin API. Results are JSON on stdout; logs go to stderr.
 *
 *   list
 *   create <slug> <name>
 *   set-credentials <tenant> <KEYSPOT|TESSELYS>   (the credentials as a JSON object on stdin, never
 *                                                  as arguments: those end up in shell history and ps)
 *   remove-credentials <tenant> <KEYSPOT|TESSELYS>
 *   create-key <tenant> <name> <scope>[,<scope>...] (leads:read, leads:write, leads:submit)
 *   revoke-key <id>
 *   reencrypt                                     (after a LEADGRAPH_DATA_KEY rotation: rewrites every
 *                                                  stored value under the first key; prints counts)
 *
 * Exit codes: 0 done, 1 refused or failed (one line on stderr, never a secret), 2 usage.
 * Running gateways hear of a revoked key or changed credentials at once (Redis pub/sub with
 * REDIS_URL, else PostgreSQL NOTIFY; src/announcements), and within 5 s whatever happens.
 */
import { text } from 'node:stream/consumers';
import { registerSecrets } from '../errors/known-secrets';
import { LeadProvider } from '../leads/enums/lead-provider.enum';
import { createLogger } from '../logging/logger';
import { ProviderDirectory } from '../providers/provider-directory';
import { PROVIDER_MODULES } from '../providers/registry';
import { isScope, type Scope } from '../security/scopes';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { readStoreConfig } from '../store/store-config';
import type { Announcement } from '../announcements/announcement';
import { openAnnouncer } from '../announcements/open-announcer';
import { RedisConnection } from '../redis/redis-connection';
import { readRedisSettings, redisSecretsInEnv } from '../redis/redis-settings';
import { CREDENTIAL_FIELDS } from './provider-credentials';
import { TenantService, type TenantView } from './tenant.service';

const USAGE =
  'usage: npm run tenants -- list | create <slug> <name> | set-credentials <tenant> <provider> (JSON on stdin) | remove-credentials <tenant> <provider> | create-key <tenant> <name> <scopes> | revoke-key <id> | reencrypt';

class UsageError extends Error {}

function show(view: TenantView): unknown {
  return {
    slug: view.slug,
    name: view.name,
    createdAt: view.createdAt,
    providers: view.providers.filter((p) => p.configured).map((p) => p.provider),
    apiKeys: view.apiKeys,
  };
}

function provider(name: string | undefined): LeadProvider {
  const value = (name ?? '').toUpperCase();
  if (!Object.values(LeadProvider).includes(value as LeadProvider))
    throw new UsageError(`provider must be one of ${Object.values(LeadProvider).join(', ')}`);
  return value as LeadProvider;
}

async function readCredentials(): Promise<Record<string, string>> {
  const raw: unknown = JSON.parse(await text(process.stdin));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError('stdin must be a JSON object of credentials');
  const credentials: Record<string, string> = {};
  for (const [field, value] of Object.entries(raw)) {
    if (!(CREDENTIAL_FIELDS as readonly string[]).includes(field) || typeof value !== 'string')
      throw new UsageError(`credentials may only have string fields ${CREDENTIAL_FIELDS.join(', ')}`);
    credentials[field] = value;
  }
  registerSecrets(Object.values(credentials));
  return credentials;
}

async function run(service: TenantService, store: Store, [command, ...args]: string[]): Promise<unknown> {
  switch (command) {
    case 'list':
      return (await service.list()).map(show);
    case 'create':
      if (args.length !== 2) throw new UsageError(USAGE);
      return show(await service.createTenant(args[0]!, args[1]!));
    case 'set-credentials':
      if (args.length !== 2) throw new UsageError(USAGE);
      return show(await service.setProviderCredentials(args[0]!, provider(args[1]), await readCredentials()));
    case 'remove-credentials':
      if (args.length !== 2) throw new UsageError(USAGE);
      return show(await service.removeProviderCredentials(args[0]!, provider(args[1])));
    case 'create-key': {
      if (args.length !== 3) throw new UsageError(USAGE);
      const scopes = args[2]!.split(',').map((scope) => scope.trim());
      if (!scopes.every(isScope)) throw new UsageError('scopes must be a comma-separated list of leads:read, leads:write, leads:submit');
      return service.createApiKey(args[0]!, args[1]!, scopes as Scope[]);
    }
    case 'revoke-key':
      if (args.length !== 1) throw new UsageError(USAGE);
      return service.revokeApiKey(args[0]!);
    case 'reencrypt':
      if (args.length !== 0) throw new UsageError(USAGE);
      return { reencrypted: await store.reencrypt() };
    default:
      throw new UsageError(USAGE);
  }
}

async function main(): Promise<number> {
  const logger = createLogger({ level: process.env.LOG_LEVEL?.trim() || 'warn', destination: process.stderr });
  const nodeEnv = process.env.NODE_ENV?.trim() || 'development';
  const { config, problems } = readStoreConfig(process.env, nodeEnv);
  if (problems.length > 0) {
    for (const problem of problems) logger.error(problem);
    return 1;
  }
  const redisSettings = readRedisSettings(process.env);
  if (redisSettings.problems.length > 0) {
    for (const problem of redisSettings.problems) logger.error(problem);
    return 1;
  }
  registerSecrets(redisSecretsInEnv(process.env));
  const store = await openStore({ config, nodeEnv, logger });
  const directory = new ProviderDirectory(PROVIDER_MODULES, { logger });
  // Running gateways hear what this command changes at once (as if an admin had done it through one of them).
  const redis = redisSettings.settings ? new RedisConnection(redisSettings.settings, logger) : undefined;
  const announcer = openAnnouncer({ redis, store, databaseUrl: config.databaseUrl, logger });
  const announcing: Array<Promise<void>> = [];
  const announce = (announcement: Announcement) =>
    announcing.push((redis ? redis.whenUp(2_000) : Promise.resolve(true)).then(() => announcer.publish(announcement)));
  const service = new TenantService({
    store,
    directory,
    modules: PROVIDER_MODULES,
    providerDeps: { logger },
    logger,
    onRevoked: (keyId) => announce({ kind: 'api-key-revoked', keyId }),
    onCredentialsChanged: (tenant, provider) => announce({ kind: 'provider-credentials-changed', tenant, provider }),
  });
  try {
    // Connecting makes no provider call; it lets `list` show which providers each tenant has.
    await service.start();
    const result = await run(service, store, process.argv.slice(2));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (typeof code === 'string') {
      process.stderr.write(`${code}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await Promise.all(announcing);
    await announcer.close();
    await redis?.close();
    await service.close();
    await directory.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    createLogger({ destination: process.stderr }).fatal({ err: error }, 'tenants command failed');
    process.exit(1);
  },
);
