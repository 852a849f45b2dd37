export {
  pluginAuthStrategies,
  pluginJobs,
  pluginRoutes,
  pluginServices,
  type HostPlugin,
  type HostPluginContext,
  type HostPluginModule,
} from './host-plugin.js';
export { DEFAULT_PLUGINS_DIR, loadHostPlugins } from './load-host-plugins.js';
