import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, ResponseToolkit } from '@hapi/hapi';
import { NotFoundError, UnavailableError } from '../errors/domain-error.js';
import { defineRoutePlugin } from './route-plugin.js';

/** Where `vite build` writes the admin UI in the workspace (core/dist/api → admin-ui/dist). */
export const DEFAULT_ADMIN_UI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../admin-ui/dist');

/** Paths that belong to the API and its documentation: never answered with the app. */
const API_PREFIXES = ['v1/', 'v1', 'openapi.json', 'documentation', 'swaggerui/'];

/**
 * The UI's scripts come only from the host. The form validator (Ajv, inside rjsf) compiles
 * schemas into functions, which needs 'unsafe-eval'; inline styles come from rjsf's widgets.
 */
const APP_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * Serves the built admin UI at `/`: a file of the build when it exists, else `index.html` so
 * the app's own routes (`/reports/…`) survive a reload. Hashed assets are cached for good.
 */
export function createAdminUiRoutesPlugin(dir = DEFAULT_ADMIN_UI_DIR) {
  const indexFile = path.join(dir, 'index.html');
  return defineRoutePlugin({
    name: 'admin-ui-routes',
    deps: {},
    routes: () => [
      {
        method: 'GET',
        path: '/{path*}',
        options: { auth: false, description: 'The admin UI (single-page app)' },
        handler(request: Request, h: ResponseToolkit) {
          const requested = (request.params as { path?: string }).path ?? '';
          if (API_PREFIXES.some((prefix) => requested === prefix || requested.startsWith(prefix))) {
            throw new NotFoundError('The route');
          }
          if (!fs.existsSync(indexFile)) {
            throw new UnavailableError('ADMIN_UI_NOT_BUILT', 'The admin UI is not built: run `npm run build` at the repository root');
          }
          const file = path.resolve(dir, requested);
          const inside = file.startsWith(dir + path.sep);
          if (inside && requested !== '' && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
            const response = h.file(file, { confine: dir });
            if (requested.startsWith('assets/')) response.header('cache-control', 'public, max-age=31536000, immutable');
            return response;
          }
          if (requested.startsWith('assets/') || path.extname(requested) !== '') throw new NotFoundError('The file');
          return h
            .file(indexFile, { confine: dir })
            .header('cache-control', 'no-cache')
            .header('content-security-policy', APP_CSP);
        },
      },
    ],
  });
}

export const adminUiRoutesPlugin = createAdminUiRoutesPlugin();
