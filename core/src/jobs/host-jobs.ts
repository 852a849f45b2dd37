import { coreServices } from '../core-services.js';
import { pluginJobs } from '../plugins/host-plugin.js';
import type { ServiceRegistry } from '../registry/service-registry.js';
import { coreJobs } from './core-jobs.js';
import type { JobDefinition } from './job-definition.js';

/** The host's own jobs and those of the plugins it loaded: what a worker of this process works. */
export async function hostJobs(registry: ServiceRegistry): Promise<JobDefinition[]> {
  return [...coreJobs, ...pluginJobs(await registry.get(coreServices.plugins))];
}
