import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fieldPwa } from './field-pwa.ts';

const inModules = (names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.map((n) => n.replace('/', '[\\\\/]')).join('|')})[\\\\/]`);

export default defineConfig({
  base: '/',
  // fieldPwa: the field PWA's service worker with the build's file list (decision 0017).
  plugins: [react(), fieldPwa()],
  server: {
    port: 5173,
    // API_URL lets a developer point the dev server at an API on another port.
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is several hundred KB; it changes far less often than our pages, so it gets its own cacheable chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: inModules([
                'react',
                'react-dom',
                'scheduler',
                'react-router',
                'cookie',
                'set-cookie-parser',
              ]),
              priority: 30,
            },
            // Leaflet only for the map pages: in the shared vendor chunk it would load on every first visit.
            { name: 'vendor-leaflet', test: inModules(['leaflet']), priority: 25 },
          ],
        },
      },
    },
  },
});
