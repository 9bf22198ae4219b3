/**
 * Whether the gateway serves the reference inbox (web/, built into web/dist) at `/`. Development
 * and demo serve it when it is built (`npm start` builds it first); production serves it only when
 * SERVE_WEB=true, and then a missing build stops start-up rather than answer 404 at `/`.
 */
export type WebAppServing = 'always' | 'if-built' | 'never';

export function readWebAppServing(env: NodeJS.ProcessEnv, nodeEnv: string): { serving: WebAppServing; problems: string[] } {
  const text = env.SERVE_WEB?.trim().toLowerCase() ?? '';
  if (text === 'true' || text === '1') return { serving: 'always', problems: [] };
  if (text === 'false' || text === '0') return { serving: 'never', problems: [] };
  if (text !== '') return { serving: 'never', problems: ['SERVE_WEB must be true or false'] };
  return { serving: nodeEnv === 'production' ? 'never' : 'if-built', problems: [] };
}
