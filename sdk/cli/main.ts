/**
 * The `fa` command line (docs/cli.md). `run` maps every outcome to an exit code:
 * 0 success, 1 a failed axiom or an internal error, 2 bad input (one line on stderr,
 * never a stack trace; FA_DEBUG=1 adds the stack of internal errors).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { BaseError } from "viem";
import { EXIT, firstLine, UserError } from "./errors.js";
import { ChainError, describeError } from "../chain/errors.js";
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

/** The package's version, from the package.json above this file (sdk/cli/ in a checkout, dist/sdk/cli/ installed). */
function packageVersion(): string {
  for (const up of ["../../package.json", "../../../package.json"]) {
    try {
      const json = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8"));
      if (json.name === "free-association") return String(json.version);
    } catch {
      // not at this level
    }
  }
  return "unknown";
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("fa")
    .description("Free Association: simulate allocation protocols, check them against the axioms, and run rounds on chain.")
    .version(packageVersion(), "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {} })
    // "unknown command 'comit'" gets "(Did you mean commit?)", for commands and options alike.
    .showSuggestionAfterError(true);

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
    .description("check a protocol against the axioms on generated scenarios; exit 1 if a property that must hold fails (measured ones are reported)")
    .option("-p, --protocol <id|path>", protocolHelp, DEFAULT_PROTOCOL)
    .option("-r, --runs <n>", "generated scenarios per property", integerOption("--runs", 1), 1000)
    .option("--seed <s>", "fast-check seed (same seed, same report)", integerOption("--seed", 0), 42)
    .option("--only <ids>", "comma-separated property ids to run (default all)")
    .option("--json", "print the report as one JSON object")
    .action(async (options: { protocol: string; runs: number; seed: number; only?: string; json?: boolean }) => {
      const { axiomsCommand } = await import("./commands/axioms.js");
      const { output, passed } = await axiomsCommand(options);
      io.out(output);
      if (!passed) setExit(EXIT.failed);
    });

  registerChainCommands(program, io, setExit);
  return program;
}

const protocolHelp = `protocol id (${Object.keys(PROTOCOLS).join(", ")}) or path to a module exporting a Protocol`;

/** Flags every chain command takes (docs/cli.md, "Chain commands"). */
function chainCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .option("--rpc <url>", "JSON-RPC endpoint (env FA_RPC_URL; default http://127.0.0.1:8545)")
    .option("--private-key <hex>", "key of the acting account (env FA_PRIVATE_KEY)")
    .option("--deployment <file>", "deployment file written by fa deploy (env FA_DEPLOYMENT; default fa-deployment.json)")
    .option("--no-progress", "no progress bar on stderr")
    .option("--json", "print one JSON object");
}

function registerChainCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  // Chain commands load on use, like the others: `fa --help` stays fast.
  chainCommand(program, "deploy", "deploy the five contracts and write the deployment file")
    .option("--round-length <seconds>", "length of a round", "86400")
    .option("--start <unix>", "when round 1 opens (default: one round length after the latest block)")
    .option("--force", "replace an existing deployment file")
    .action(async (o) => io.out(await (await import("./chain/deploy.js")).deployCommand(o)));
  chainCommand(program, "recognize", "set your whole recognition vector (ADDRESS=POINTS ...), or revoke entries")
    .argument("[entries...]", "ADDRESS=POINTS pairs")
    .option("--revoke <address>", "revoke one entry")
    .option("--clear", "revoke the whole vector")
    .action(async (entries: string[], o) => io.out(await (await import("./chain/registry.js")).recognizeCommand(o, entries)));
  chainCommand(program, "signatures", "cancel every signature you made for relaying (all four contracts)")
    .argument("<action>", "revoke-all")
    .action(async (action: string, o) => io.out(await (await import("./chain/registry.js")).signaturesCommand(action, o)));
  const terms = (c: Command) =>
    c
      .option("--id <id>", "id (update, revoke)")
      .option("--sector <code>", "sector code, e.g. WASH")
      .option("--unit <code>", "unit code, e.g. litre")
      .option("--quantity <n>", "integer quantity")
      .option("--location <code>", "ISO 3166 / P-code (default anywhere)")
      .option("--window <start:end>", "time window, unix seconds (default any time)");
  terms(chainCommand(program, "capacity", "declare, update or revoke a capacity").argument("<action>", "declare | update | revoke"))
    .option("--allow <addresses>", "comma-separated allow-list of recipients")
    .option("--deny <addresses>", "comma-separated deny-list of recipients")
    .option("--min-unit <n>", "divisibility: allocations are multiples of it")
    .option("--recurring", "renews every round (default one-off)")
    .action(async (action: string, o) => io.out(await (await import("./chain/registry.js")).capacityCommand(action, o)));
  terms(chainCommand(program, "need", "declare, update or revoke a need").argument("<action>", "declare | update | revoke")).action(async (action: string, o) =>
    io.out(await (await import("./chain/registry.js")).needCommand(action, o)),
  );
  chainCommand(program, "round", "show where the chain is in the round schedule, or wait for a round to open")
    .argument("<action>", "status | wait")
    .option("--round <n>", "round (status: default current; wait: default the next)")
    .option("--advance", "wait: on a local dev node, mine a block at the opening time instead of waiting")
    .action(async (action: string, o) => io.out(await (await import("./chain/round.js")).roundCommand(action, o)));
  chainCommand(program, "commit", "compute the current round from the chain and commit each of your capacities")
    .option("--round <n>", "expected current round (refuses if another round is open)")
    .option("--dry-run", "compute and print, send nothing")
    .option("-p, --protocol <id|path>", protocolHelp, DEFAULT_PROTOCOL)
    .action(async (o) => io.out(await (await import("./chain/round.js")).commitCommand(o)));
  const leaf = (c: Command) =>
    c.requiredOption("--round <n>", "round").requiredOption("--capacity <id>", "capacity id").requiredOption("--need <id>", "need id").option("--amount <n>", "amount");
  leaf(chainCommand(program, "deliver", "record a delivery against a committed leaf (default: the rest of the leaf)")).action(async (o) =>
    io.out(await (await import("./chain/round.js")).deliverCommand(o)),
  );
  leaf(chainCommand(program, "confirm", "confirm receipt as the recipient (default: everything delivered, unconfirmed)")).action(async (o) =>
    io.out(await (await import("./chain/round.js")).confirmCommand(o)),
  );
  chainCommand(program, "verify", "recompute every commitment of a round with the protocol its id names; exit 1 unless all match")
    .requiredOption("--round <n>", "round")
    .option("-p, --protocol <id|path>", `expected where nothing is committed; a path also makes your protocol's id known (${protocolHelp})`, DEFAULT_PROTOCOL)
    .action(async (o) => {
      const { output, ok } = await (await import("./chain/audit.js")).verifyCommand(o);
      io.out(output);
      if (!ok) setExit(EXIT.failed);
    });
  chainCommand(program, "audit", "committed, delivered and confirmed per organization, sector and location")
    .requiredOption("--round <n>", "round")
    .option("--format <f>", "table | json | iati-xml | hxl | html", "table")
    .option("--export-config <file>", "JSON: organization names and IATI ids, unit values, explorer URL, location names (docs/audit.md)")
    .action(async (o) => io.out(await (await import("./chain/audit.js")).auditCommand(o)));
  chainCommand(program, "gaps", "unmet need per location x sector in a round")
    .requiredOption("--round <n>", "round")
    .option("--format <f>", "table | json | hxl", "table")
    .option("--export-config <file>", "JSON: location names for the HXL export (docs/audit.md)")
    .action(async (o) => io.out(await (await import("./chain/audit.js")).gapsCommand(o)));
}

/** Runs the CLI on `args` (without node and script) and returns the exit code. */
export async function run(args: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  // `fa` alone: what it can do, on stdout, and success (it is a question, not an error).
  if (args.length === 0) {
    io.out(program.helpInformation().trimEnd());
    return EXIT.ok;
  }
  try {
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      // One line: commander puts its suggestion on a second line.
      io.err(error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " "));
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      io.err(error.message);
      return EXIT.usage;
    }
    // A revert, a refused transaction or a chain state the user must fix: one decoded line.
    if (error instanceof ChainError || error instanceof BaseError) {
      io.err(describeError(error));
      return EXIT.usage;
    }
    io.err(`internal error: ${firstLine(error)}` + (process.env.FA_DEBUG === "1" ? "" : " (FA_DEBUG=1 shows the stack)"));
    if (process.env.FA_DEBUG === "1" && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.internal;
  }
}
