#!/usr/bin/env node
// The `fa` CLI. In a source checkout (sdk/cli/main.ts present) tsx compiles the TypeScript sources on
// load, so no build step is needed; the installed package ships the compiled JavaScript (dist/).
import { existsSync } from "node:fs";

const source = new URL("../sdk/cli/main.ts", import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  main = source;
} else {
  main = new URL("../dist/sdk/cli/main.js", import.meta.url);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
