import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CHAIN = fileURLToPath(new URL("../../sdk/chain/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("sdk/chain is browser-safe", () => {
  it("imports only viem, the merkle-tree library, sdk/core and its own modules", () => {
    const allowed = /^(viem|viem\/accounts|@openzeppelin\/merkle-tree|\.\.?\/.*)$/;
    const offenders: string[] = [];
    for (const file of sources(CHAIN)) {
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:^(?:import|export)\b[^;]*?\bfrom "|\bimport\(")([^"]+)"/gms)) {
        if (!allowed.test(spec) || spec.includes("/cli/")) offenders.push(`${path.relative(CHAIN, file)}: ${spec}`);
      }
    }
    expect(offenders).to.deep.equal([]);
  });
});
