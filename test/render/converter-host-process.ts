import { LibreOfficeConverter } from '../../core/src/render/index.js';

/**
 * A host that starts a converter, prints its process ids and waits to be killed: the converter
 * test kills it and checks that LibreOffice went with it.
 */
async function main(): Promise<void> {
  const converter = new LibreOfficeConverter();
  await converter.start();
  process.stdout.write(`${JSON.stringify({ bridgePid: converter.bridgePid, officePid: converter.officePid })}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
