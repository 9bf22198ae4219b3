/**
 * The tenant of the environment's configuration (DESIGN.md Part 2): the providers configured by
 * environment variables (Part 1) and every API_KEYS entry belong to it. One name, so the security
 * layer and the provider directory cannot disagree on it.
 */
export const DEFAULT_TENANT = 'default';
