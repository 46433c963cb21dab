/** The deployment file: one writer (`serializeDeployment`), one checked reader (`parseDeployment`). */
import { expect } from "chai";
import { ChainError, parseDeployment, serializeDeployment, type Deployment } from "../../sdk/chain/index.js";

const deployment: Deployment = {
  chainId: 31337,
  contracts: {
    recognition: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    capacities: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
    needs: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
    rounds: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
    ledger: "0xdc64a140aa3e981100a9beca4e685f962f0cf6c9",
  },
  fromBlock: 12n,
  roundLength: 3600n,
  start: 1_800_000_000n,
};

function refusal(input: unknown): string {
  try {
    parseDeployment(input);
  } catch (error) {
    expect(error).to.be.instanceOf(ChainError);
    expect((error as ChainError).code).to.equal("INVALID_INPUT");
    return (error as Error).message;
  }
  throw new Error("parseDeployment accepted it");
}

describe("sdk/chain/deployment", () => {
  it("reads back what it writes, integers as decimal strings", () => {
    const text = serializeDeployment(deployment);
    expect(JSON.parse(text).fromBlock).to.equal("12");
    expect(parseDeployment(text)).to.deep.equal(deployment);
    expect(parseDeployment(JSON.parse(text))).to.deep.equal(deployment);
  });

  it("accepts checksummed addresses and stores them lower-case", () => {
    const parsed = parseDeployment({ ...JSON.parse(serializeDeployment(deployment)), contracts: { ...deployment.contracts, ledger: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9" } });
    expect(parsed.contracts.ledger).to.equal(deployment.contracts.ledger);
  });

  it("names the field and the value it refuses", () => {
    const file = JSON.parse(serializeDeployment(deployment));
    expect(refusal("{")).to.match(/^deployment: not JSON/);
    expect(refusal([])).to.equal("deployment : expected an object, got []");
    expect(refusal({ ...file, chainId: 0 })).to.equal("deployment chainId: expected a positive integer, got 0");
    expect(refusal({ ...file, contracts: { ...file.contracts, needs: "0x1234" } })).to.equal(
      'deployment contracts.needs: expected an address (0x + 40 hex digits; EIP-55 checksum if mixed case), got "0x1234"',
    );
    expect(refusal({ ...file, contracts: { ...file.contracts, ledger: "0xDC64a140Aa3E981100a9becA4E685f962f0cF6C9" } })).to.match(/^deployment contracts\.ledger: expected an address/);
    expect(refusal({ ...file, fromBlock: "abc" })).to.equal('deployment fromBlock: expected a block number (decimal string), got "abc"');
    expect(refusal({ ...file, fromBlock: 1.5 })).to.equal("deployment fromBlock: expected a block number (decimal string), got 1.5");
    expect(refusal({ ...file, roundLength: "0" })).to.equal('deployment roundLength: expected a round length in seconds, 1 to 2^64 - 1, got "0"');
    expect(refusal({ ...file, roundLength: undefined })).to.equal("deployment roundLength: expected a round length in seconds, 1 to 2^64 - 1, got nothing");
    expect(refusal({ ...file, start: (2n ** 64n).toString() })).to.equal(`deployment start: expected a unix time, 0 to 2^64 - 1, got "${2n ** 64n}"`);
  });
});
