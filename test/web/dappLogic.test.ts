import { expect } from "chai";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type { Address, Hex } from "viem";
import type { Scenario } from "../../sdk/core/index.js";
import { validateSignal, rowProblems, type SignalFields } from "../../web/src/lib/validation.js";
import { emptyState, type RoundLedger, type Snapshot } from "../../sdk/chain/index.js";
import { checkCommitments, computeRound, proofOf, FA1_BYTES32 } from "../../web/src/chain/verify.js";
import { commitmentsOf, toChainSnapshot } from "../../web/src/chain/adapt.js";
import { humanError } from "../../web/src/chain/errors.js";
import { allAbis } from "../../web/src/chain/abi.js";
import { ContractFunctionRevertedError, UserRejectedRequestError, encodeErrorResult } from "viem";

const P = "0x00000000000000000000000000000000000000a1" as Address;
const R = "0x00000000000000000000000000000000000000b2" as Address;
const S = "0x00000000000000000000000000000000000000c3" as Address;

const scenario: Scenario = {
  recognition: { [P]: { [R]: 3n, [S]: 1n }, [R]: { [P]: 1n } },
  capacities: [{ id: "1", provider: P, type: "WASH", unit: "litre", quantity: 100n, recurring: true }],
  needs: [
    { id: "1", recipient: R, type: "WASH", unit: "litre", quantity: 60n },
    { id: "2", recipient: S, type: "WASH", unit: "litre", quantity: 80n },
  ],
};
const sdkSnapshot: Snapshot = {
  chainId: 31337,
  contracts: { recognition: P, capacities: P, needs: P, rounds: P, ledger: P },
  block: 10n,
  scenario,
  capacities: [{ id: 1n, provider: P, active: true, recurring: true, declared: 100n, consumed: 0n, available: 100n, sector: "WASH", unit: "litre", location: "" }],
  needs: [
    { id: 1n, recipient: R, active: true, declared: 60n, confirmed: 0n, residual: 60n, sector: "WASH", unit: "litre", location: "" },
    { id: 2n, recipient: S, active: true, declared: 80n, confirmed: 0n, residual: 80n, sector: "WASH", unit: "litre", location: "" },
  ],
  entities: [P, R, S],
  logCount: 0,
};
const snapshot = toChainSnapshot(sdkSnapshot);
const ROUND = 1n;

/** The ledger's record of round 1 holding one commitment of capacity 1. */
function ledgerWith(root: Hex, total: bigint, withdrawn = false, protocolId: Hex = FA1_BYTES32): RoundLedger {
  const state = emptyState();
  state.commitments.set(`${ROUND}:1`, { round: ROUND, capacityId: 1n, provider: P, root, total, protocolId, delivered: 0n, withdrawn, countsConsumed: false, version: 1, roundDelivered: 0n });
  return { state, events: [], toBlock: 20n };
}

function check(ledger: RoundLedger) {
  const computation = computeRound(snapshot);
  return checkCommitments(snapshot, ledger, commitmentsOf(ledger, ROUND), ROUND, computation);
}

describe("dapp: form validation", () => {
  const ok: SignalFields = { sector: "WASH", unit: "litre", quantity: "5000", start: "", end: "", location: "MZ-P-02", filterMode: "none", filterList: "", minUnit: "", recurring: true };

  it("accepts a need the registry accepts", () => {
    expect(validateSignal(ok, "need")).to.deep.equal({});
  });

  it("names each field the registry would reject", () => {
    const e = validateSignal({ ...ok, unit: "metric ton", quantity: "0", start: "2026-01-02T00:00", location: "" }, "need");
    expect(Object.keys(e).sort()).to.deep.equal(["end", "quantity", "unit"]);
    const w = validateSignal({ ...ok, start: "2026-01-02T00:00", end: "2026-01-01T00:00" }, "need");
    expect(w.end).to.equal("The window must end after it starts");
  });

  it("checks a capacity's filter list and lot size", () => {
    const e = validateSignal({ ...ok, filterMode: "allow", filterList: `${R}\n0x1234`, minUnit: "0" }, "capacity");
    expect(e.filterList).to.equal("Not an address: 0x1234");
    expect(e.minUnit).to.match(/above 0/);
    expect(validateSignal({ ...ok, filterMode: "deny", filterList: `${R} ${R.toUpperCase().replace("0X", "0x")}` }, "capacity").filterList).to.equal("An address is listed twice");
  });

  it("flags duplicate partners and zero points in the recognition editor", () => {
    const rows = [{ address: R, points: "1" }, { address: R.toUpperCase().replace("0X", "0x"), points: "0" }];
    expect(rowProblems(rows[0], 0, rows)).to.deep.equal([]);
    expect(rowProblems(rows[1], 1, rows)).to.deep.equal(["listed twice", "0 points: remove the row instead"]);
  });
});

describe("dapp: verification of a round in the browser (sdk/chain's compareCommitments)", () => {
  const computation = computeRound(snapshot);
  const expected = computation.expected["1"];

  it("reports ✓ match for exactly FA-1's root and total", () => {
    expect(check(ledgerWith(expected.root, expected.total))[0].status).to.equal("match");
  });

  it("reports ✗ mismatch with the reason for another total, root or protocol", () => {
    const [byTotal] = check(ledgerWith(expected.root, expected.total - 1n));
    expect(byTotal.status).to.equal("mismatch");
    expect(byTotal.reason).to.contain(`≠ FA-1's ${expected.total}`);
    expect(check(ledgerWith(`0x${"11".repeat(32)}`, expected.total))[0].reason).to.equal("Merkle root differs from FA-1's");
    expect(check(ledgerWith(expected.root, expected.total, false, `0x${"22".repeat(32)}`))[0].reason).to.equal("committed under another protocol id");
  });

  it("reports withdrawn and not-committed capacities as such", () => {
    expect(check(ledgerWith(expected.root, expected.total, true))[0].status).to.equal("withdrawn");
    expect(check({ state: emptyState(), events: [], toBlock: 20n })[0].status).to.equal("missing");
  });

  it("gives a delivery proof that verifies against the committed root", () => {
    const p = proofOf(computation, "1", "1");
    const leaf = [1n, 1n, p.recipient, p.amount];
    expect(StandardMerkleTree.verify(expected.root, ["uint256", "uint256", "address", "uint256"], leaf, p.proof)).to.equal(true);
  });
});

describe("dapp: errors a person understands", () => {
  it("explains a revert with its decoded custom error and values", () => {
    const data = encodeErrorResult({ abi: allAbis, errorName: "ExceedsCapacity", args: [7n, 900n, 500n] });
    const h = humanError(new ContractFunctionRevertedError({ abi: allAbis, data, functionName: "commit" }));
    expect(h.title).to.equal("Transaction would revert: Committing 900 exceeds what capacity #7 has left (500).");
    expect(h.detail).to.equal("ExceedsCapacity(7, 900, 500)");
  });

  it("says plainly that the user rejected the request", () => {
    expect(humanError(new UserRejectedRequestError(new Error("User denied"))).title).to.equal("You rejected the request in your wallet. Nothing was sent.");
  });
});
