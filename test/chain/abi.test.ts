import { expect } from "chai";
import { readFile } from "node:fs/promises";
import { ABI_FILE, BYTECODE_FILE, renderAbiFile, renderBytecodeFile } from "../../scripts/gen-abi.js";

describe("sdk/chain/abi.ts", () => {
  it("equals the ABIs of the compiled artifacts (regenerate with npx tsx scripts/gen-abi.ts)", async () => {
    expect(await readFile(ABI_FILE, "utf8")).to.equal(await renderAbiFile());
  });

  it("sdk/chain/bytecode.ts equals the creation bytecode of the compiled artifacts", async () => {
    expect(await readFile(BYTECODE_FILE, "utf8")).to.equal(await renderBytecodeFile());
  });
});
