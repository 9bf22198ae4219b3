/** Child for log-order.test.ts: logs numbered lines with the production logger, then exits at once. */
import { createLogger } from '../../../src/logging/logger';

const logger = createLogger({ level: 'info' });
for (let line = 0; line < 200; line++) logger.error({ line }, 'burst');
process.exit(1);
