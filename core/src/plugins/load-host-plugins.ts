import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostPlugin, HostPluginContext, HostPluginModule } from './host-plugin.js';

/** The repository's own plugins, beside the host. */
export const DEFAULT_PLUGINS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../plugins');

interface PluginPackageJson {
  readonly name?: string;
  readonly main?: string;
  readonly repogen?: { readonly role?: string };
}

function isPluginModule(value: unknown): value is HostPluginModule {
  return typeof value === 'object' && value !== null && typeof (value as Partial<HostPluginModule>).createHostPlugin === 'function';
}

/**
 * Loads every package under `dir` whose manifest says `"repogen": {"role": "plugin"}`, in
 * folder order, and creates its plugin. A plugin that is not built or exports no
 * `createHostPlugin` is a programmer error and stops the boot naming it; a `ConfigError`
 * from a plugin's settings passes through unchanged.
 */
export async function loadHostPlugins(context: HostPluginContext, dir = DEFAULT_PLUGINS_DIR): Promise<HostPlugin[]> {
  const folders = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const plugins: HostPlugin[] = [];
  for (const folder of folders.filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name)).sort()) {
    const pkg = (await fs.readFile(path.join(folder, 'package.json'), 'utf8').then(JSON.parse, () => undefined)) as PluginPackageJson | undefined;
    if (pkg?.repogen?.role !== 'plugin') continue;
    const name = pkg.name ?? path.basename(folder);
    const main = path.join(folder, pkg.main ?? 'dist/index.js');
    const loaded: unknown = await import(pathToFileURL(main).href).catch((error: unknown) => {
      throw new Error(`Host plugin ${name} could not be loaded from ${main} (is it built? run npm run build): ${(error as Error).message}`);
    });
    if (!isPluginModule(loaded)) throw new Error(`Host plugin ${name} does not export createHostPlugin(context)`);
    const plugin = await loaded.createHostPlugin(context);
    if (plugin.name !== name) throw new Error(`Host plugin in ${folder} calls itself ${plugin.name}, but its package is ${name}`);
    plugins.push(plugin);
  }
  return plugins;
}
