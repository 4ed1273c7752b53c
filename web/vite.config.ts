import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

// The API server (`sotay serve`) serves dist/web with an SPA fallback; in development Vite proxies /api to it.
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  server: { proxy: { '/api': process.env.SOTAY_API_URL ?? 'http://localhost:3000' } },
  build: { outDir, emptyOutDir: true, target: 'es2020', sourcemap: false },
  plugins: [
    VitePWA({
      registerType: 'autoUpdate',
      // A separate file, not an inline script, so a strict Content-Security-Policy can forbid inline code.
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Sổ tay Đảng viên',
        short_name: 'Sổ tay',
        description: 'Sổ tay Đảng viên điện tử: tin tức, văn bản, sinh hoạt chi bộ và nhiệm vụ.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#b71c1c',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // API paths are never answered with the app shell.
        // The phone-calendar feed is served by the server, not the app shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/calendar\/feed\//],
        cleanupOutdatedCaches: true,
        // Shows the Web Push messages the server sends and opens their address when tapped.
        importScripts: ['/push-sw.js'],
        // The service worker stores no API answer: answers carry personal data (unread marks, bookmarks, files).
        // Offline copies of news and documents are kept by the app itself (web/src/news/offline.ts), content
        // only, and deleted at sign-out.
      },
    }),
  ],
});
