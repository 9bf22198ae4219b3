/**
 * Vite builds the inbox into web/dist, which the gateway serves at `/` (src/server/web-app.ts).
 * `npm run dev -w web` serves it with hot reload and proxies /graphql to a gateway on :4000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
});
