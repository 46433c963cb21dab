#!/usr/bin/env node
// The `fa` CLI without a build step: tsx compiles the TypeScript sources on load.
import { register } from "tsx/esm/api";

register();
const { run } = await import(new URL("../sdk/cli/main.ts", import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
