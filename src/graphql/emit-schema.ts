/**
 * `npm run schema`: writes the committed contracts from the code, so they are always generated:
 * schema.graphql (client-facing, what codegen reads) and schema.subgraph.graphql (the Federation 2
 * subgraph SDL a supergraph composes, as `_service { sdl }` returns it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildClientFacingSchema, buildGatewaySchema } from './build-schema';
import { subgraphSdl } from './subgraph-schema';

export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(buildClientFacingSchema()))}\n`;
}

export function printSubgraphSchemaFile(): string {
  return `${subgraphSdl(buildGatewaySchema())}\n`;
}

if (require.main === module) {
  const root = join(__dirname, '..', '..', '..');
  for (const [file, text] of [
    ['schema.graphql', printGatewaySchema()],
    ['schema.subgraph.graphql', printSubgraphSchemaFile()],
  ] as const) {
    const target = join(root, file);
    writeFileSync(target, text);
    process.stdout.write(`wrote ${target}\n`);
  }
}
