import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `pnpm --filter web dev` serves the page on http://localhost:5173 and talks to the API at
 * VITE_STAYHUB_URL (default http://localhost:3000, `npm start`'s server, which must list this origin in
 * CORS_ORIGINS). The built page (`vite build`) talks to the origin that serves it (WEB_DIST).
 */
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});
