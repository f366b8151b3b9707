import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

/** manifest.json is written for Chrome; Firefox gets event-page scripts and its gecko settings. */
function manifestFor(target: Target): ManifestV3Export {
  if (target === 'chrome') return baseManifest as ManifestV3Export;
  const { service_worker, ...background } = baseManifest.background;
  return {
    ...baseManifest,
    background: { ...background, scripts: [service_worker] },
    browser_specific_settings: {
      gecko: {
        id: 'persona-router@persona-router.dev',
        // 140 (the current ESR) is the first desktop release that knows data_collection_permissions; Android needs 142.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // A standalone IIFE is not exposed as a web-accessible resource, so pages cannot probe for us.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      // PR_DIST lets parallel work build into its own folder; everything else reads dist/.
      outDir: `${process.env.PR_DIST ?? 'dist'}/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // The worker's chunk carries the router's weights (about 510 KB of JSON), read from the extension's own
      // files, never downloaded: the default 500 KB warning is about pages fetching code over a network.
      chunkSizeWarningLimit: 700,
    },
    legacy: { skipWebSocketTokenCheck: true },
  };
});
