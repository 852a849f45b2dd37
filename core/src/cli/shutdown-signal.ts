/**
 * Resolves on the first SIGTERM or SIGINT. Both handlers are then removed, so a second
 * Ctrl-C during a slow shutdown ends the process at once, as an operator expects.
 */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
