#!/usr/bin/env node
// A solc executable for forge on an offline machine: forge cannot download compilers, so
// foundry.toml points `solc` here and this runs the npm `solc` package (the same WebAssembly
// build Hardhat uses) in standard-JSON mode. forge asks `--version` first, then pipes a
// standard-JSON input with `--standard-json` plus path flags that only matter to the native
// binary's import callback (forge already puts every source into the input), so they are ignored.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const solc = require("solc");
const args = process.argv.slice(2);

if (args.includes("--version")) {
  // forge parses this line; the long form names the exact build it expects.
  console.log("solc, the solidity compiler commandline interface");
  console.log(`Version: ${solc.version().replace(".Emscripten.clang", "")}`);
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  console.error(`solc wrapper: only --version and --standard-json are supported (got: ${args.join(" ")})`);
  process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(solc.compile(Buffer.concat(chunks).toString("utf8")));
