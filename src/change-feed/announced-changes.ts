/**
 * Which lead versions have been announced lately, per tenant, so a lead seen both through a
 * mutation (or a delivery) and by a poll is announced once. A version is a lead id and its
 * updatedAt. Bounded: at most `perTenant` versions per tenant (least recently announced first out)
 * and `tenants` tenants (the least recently active forgotten whole). Forgetting costs at worst one
 * duplicate event, never a lost one.
 */
export class AnnouncedChanges {
  private readonly byTenant = new Map<string, Map<string, number>>();

  constructor(
    private readonly perTenant = 2_000,
    private readonly tenants = 1_000,
  ) {}

  /** Whether this version of the lead was announced already. */
  has(tenant: string, leadId: string, updatedAt: Date): boolean {
    return this.byTenant.get(tenant)?.get(leadId) === updatedAt.getTime();
  }

  remember(tenant: string, leadId: string, updatedAt: Date): void {
    let versions = this.byTenant.get(tenant);
    if (versions) this.byTenant.delete(tenant);
    else versions = new Map();
    this.byTenant.set(tenant, versions);
    if (this.byTenant.size > this.tenants) this.byTenant.delete(this.byTenant.keys().next().value!);
    versions.delete(leadId);
    versions.set(leadId, updatedAt.getTime());
    if (versions.size > this.perTenant) versions.delete(versions.keys().next().value!);
  }
}
