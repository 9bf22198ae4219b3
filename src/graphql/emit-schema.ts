/** `npm run schema`: writes schema.graphql from the code, so the committed contract is always generated. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGatewaySchema } from './build-schema';

export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(buildGatewaySchema()))}\n`;
}

if (require.main === module) {
  const target = join(__dirname, '..', '..', '..', 'schema.graphql');
  writeFileSync(target, printGatewaySchema());
  process.stdout.write(`wrote ${target}\n`);
}
