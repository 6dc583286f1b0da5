import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes the field PWA's service worker (`/sw.js`) at build time: the worker source with the list of every
 * built file (the app shell) and a hash of that list, so each build installs a new worker that precaches
 * exactly its files. Instead of vite-plugin-pwa (decision 0017): one small file, no Workbox build chain.
 */
export function fieldPwa(): Plugin {
  const source = path.resolve(import.meta.dirname, 'src/modules/field/sw/service-worker.js');
  return {
    name: 'civicgrid-field-pwa',
    apply: 'build',
    generateBundle(_options, bundle) {
      const publicFiles = ['/manifest.webmanifest', '/icons/field-192.png', '/icons/field-512.png'];
      const built = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'index.html')
        .map((f) => `/${f}`);
      const files = ['/index.html', ...publicFiles, ...built].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const code = fs
        .readFileSync(source, 'utf8')
        .replace('self.__FIELD_PRECACHE__', JSON.stringify({ version, files }));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
