import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { PAGE_CSP } from './electron/shared/page-policy.ts';

/**
 * Writes the page's Content-Security-Policy into index.html from the one constant every host also
 * sends as a header (electron/shared/page-policy.ts): the `<meta>` copy protects the page even where
 * a host forgot the header, and cannot drift from it.
 */
function pagePolicyMeta(): Plugin {
  return {
    name: 'quire-page-policy',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_CSP }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The renderer build. The output is served by the desktop app's `quire-app:` protocol and by the
 * browser-mode host, both under a strict CSP: relative asset paths, no inline scripts. No source
 * maps: the hosts never serve them, so they would only weigh down the installers.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pagePolicyMeta()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Inlined assets become data: URLs in CSS and JS; keep every asset a file under 'self'.
    assetsInlineLimit: 0,
  },
});
