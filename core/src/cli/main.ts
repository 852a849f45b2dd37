#!/usr/bin/env -S node --no-node-snapshot
import { ConfigError } from '../config/config.js';
import { StoreInUseError } from '../store/store-lock.js';
import { CliError, EXIT } from './cli-error.js';
import { commands, type Command } from './commands.js';
import { createHostRuntime } from './host-runtime.js';

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: repogen <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEach command takes --help.\n`;
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((word, index) => argv[index] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(helpText());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    process.stdout.write(`${found.command.summary}\n\nUsage: ${found.command.usage}\n`);
    return EXIT.ok;
  }
  return found.command.run(() => createHostRuntime(), found.rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT.config;
    } else if (error instanceof CliError) {
      process.stderr.write(`repogen: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof StoreInUseError) {
      process.stderr.write(`repogen: ${error.message}\n`);
      process.exitCode = EXIT.failure;
    } else {
      process.stderr.write(`repogen: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.failure;
    }
  },
);
