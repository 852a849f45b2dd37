#!/usr/bin/env -S node --no-node-snapshot
import { parseArgs } from 'node:util';
import { CliFailure, createCliOutput, EXIT } from './cli-output.js';
import { packCommands } from './commands.js';

function helpText(): string {
  const width = Math.max(...packCommands.map((command) => command.name.length));
  return [
    'Usage: repogen-pack <command> [options]   (add --json for machine-readable output)',
    '',
    ...packCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = packCommands.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${helpText()}`);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: ${command.usage}\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  const out = createCliOutput(parsed.values.json === true);
  try {
    return await command.run({ positionals: parsed.positionals, options: parsed.values, out });
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    if (out.json) {
      process.stdout.write(`${JSON.stringify({ error: error.message, problems: error.problems }, null, 2)}\n`);
    } else {
      process.stderr.write(`repogen-pack ${name}: ${error.message}\n`);
      for (const problem of error.problems) process.stderr.write(`  ${problem.path}: ${problem.message}\n`);
    }
    return error.exitCode;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`repogen-pack: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failed;
  },
);
