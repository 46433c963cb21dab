/** Code blocks of the docs, so tests run exactly what the docs show. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The first ```language block after `heading` in `file` (relative to the repository) that contains `needle`. */
export function fencedBlock(file: string, heading: string, language: string, needle = ""): string {
  const text = readFileSync(path.join(REPO, file), "utf8");
  let at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`${file}: no heading ${JSON.stringify(heading)}`);
  for (;;) {
    const open = text.indexOf("```" + language + "\n", at);
    if (open < 0) throw new Error(`${file}: no \`\`\`${language} block with ${JSON.stringify(needle)} after ${JSON.stringify(heading)}`);
    const start = open + 4 + language.length;
    const block = text.slice(start, text.indexOf("\n```", start));
    if (block.includes(needle)) return block;
    at = start + block.length;
  }
}
