/** The variables that point a gateway at a provider simulator, with the credentials it accepts. */

export function keyspotEnv(sim: { url: string; credentials: { clientId: string; clientSecret: string } }) {
  return { KEYSPOT_BASE_URL: sim.url, KEYSPOT_CLIENT_ID: sim.credentials.clientId, KEYSPOT_CLIENT_SECRET: sim.credentials.clientSecret };
}

export function tesselysEnv(sim: { url: string; credentials: { accessToken: string; companyToken: string } }) {
  return {
    TESSELYS_BASE_URL: sim.url,
    TESSELYS_ACCESS_TOKEN: sim.credentials.accessToken,
    TESSELYS_COMPANY_TOKEN: sim.credentials.companyToken,
  };
}
