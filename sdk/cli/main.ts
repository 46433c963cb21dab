/**
 * The `fa` command line (docs/cli.md). `run` maps every outcome to an exit code:
 * 0 success, 1 a failed axiom or an internal error, 2 bad input (one line on stderr,
 * never a stack trace; FA_DEBUG=1 adds the stack of internal errors).
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { EXIT, firstLine, UserError } from "./errors.js";
import { DEFAULT_PROTOCOL, PROTOCOLS } from "./protocols.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function integerOption(name: string, min: number) {
  return (value: string): number => {
    if (!/^[0-9]+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${name}: expected an integer >= ${min}, got ${JSON.stringify(value)}`);
    }
    return Number(value);
  };
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("fa")
    .description("Free Association: simulate allocation protocols and check them against the axioms.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {} })
    .showSuggestionAfterError(false);
  const protocolHelp = `protocol id (${Object.keys(PROTOCOLS).join(", ")}) or path to a module exporting a Protocol`;

  program
    .command("allocate")
    .description("run a protocol on a scenario file: who gives what to whom, unmet needs, unused capacity")
    .requiredOption("-s, --scenario <file>", "scenario JSON file (docs/scenarios.md)")
    .option("-p, --protocol <id|path>", protocolHelp, DEFAULT_PROTOCOL)
    .option("--json", "print one JSON object (allocations, unmet, unused, Merkle roots)")
    .action(async (options: { scenario: string; protocol: string; json?: boolean }) => {
      // Commands load on use: `fa --help` and usage errors stay fast.
      const { allocateCommand } = await import("./commands/allocate.js");
      io.out(await allocateCommand(options));
    });

  program
    .command("axioms")
    .description("check a protocol against the axioms on generated scenarios; exit 1 if any property fails")
    .option("-p, --protocol <id|path>", protocolHelp, DEFAULT_PROTOCOL)
    .option("-r, --runs <n>", "generated scenarios per property", integerOption("--runs", 1), 1000)
    .option("--seed <s>", "fast-check seed (same seed, same report)", integerOption("--seed", 0), 42)
    .option("--json", "print the report as one JSON object")
    .action(async (options: { protocol: string; runs: number; seed: number; json?: boolean }) => {
      const { axiomsCommand } = await import("./commands/axioms.js");
      const { output, passed } = await axiomsCommand(options);
      io.out(output);
      if (!passed) setExit(EXIT.failed);
    });

  return program;
}

/** Runs the CLI on `args` (without node and script) and returns the exit code. */
export async function run(args: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      io.err(error.message.replace(/^error: /, ""));
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      io.err(error.message);
      return EXIT.usage;
    }
    io.err(`internal error: ${firstLine(error)}` + (process.env.FA_DEBUG === "1" ? "" : " (FA_DEBUG=1 shows the stack)"));
    if (process.env.FA_DEBUG === "1" && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.internal;
  }
}
