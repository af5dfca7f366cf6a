import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer build. The output is loaded by Electron (custom protocol) and by the browser-mode
 * host, both under a strict CSP: relative asset paths, no inline scripts, source maps for
 * debugging the packaged app.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Inlined assets become data: URLs in CSS and JS; keep every asset a file under 'self'.
    assetsInlineLimit: 0,
  },
});
