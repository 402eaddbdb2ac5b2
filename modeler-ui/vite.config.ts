import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev` proxies the API and the theme files to a running host.
const devHost = process.env.SWITCHBOARD_DEV_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  build: {
    // Packaged by Maven into the jar's META-INF/resources, which the Servlet
    // container serves from the WAR root (jar in WEB-INF/lib).
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    // bpmn-js is one big (lazily loaded) chunk; that is expected.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': devHost,
      '/themes': devHost,
    },
  },
});
