import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev` proxies the API and the theme files to a running host.
const devHost = process.env.SWITCHBOARD_DEV_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  build: {
    // The host's build packages this folder at the WAR root (platform/host/pom.xml).
    outDir: '../platform/host/target/console',
    // outside this folder: Vite would not empty it unless told
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
