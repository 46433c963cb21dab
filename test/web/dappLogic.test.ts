import { expect } from "chai";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type { Address, Hex } from "viem";
import type { Scenario } from "../../sdk/core/index.js";
import { validateSignal, rowProblems, type SignalFields } from "../../web/src/lib/validation.js";
import { emptyState, type RoundLedger, type Snapshot } from "../../sdk/chain/index.js";
import { checkCommitments, computeRound, proofOf, DEFAULT_PROTOCOL_BYTES32 } from "../../web/src/chain/verify.js";
import { commitmentRoots, fa1, protocolIdToBytes32 } from "../../sdk/core/index.js";
import { commitmentsOf, toChainSnapshot } from "../../web/src/chain/adapt.js";
import { humanError } from "../../web/src/chain/errors.js";
import { allAbis } from "../../web/src/chain/abi.js";
import { ContractFunctionRevertedError, RpcRequestError, UserRejectedRequestError, encodeErrorResult } from "viem";
import { MAX_QUANTITY } from "../../web/src/lib/validation.js";
import { clearDraft, clearDrafts, draftKinds, loadDraft, saveDraft } from "../../web/src/lib/drafts.js";
import { staleReason } from "../../web/src/lib/stale.js";
import { coverageByUnit, gapCells, totalsBySectorUnit } from "../../web/src/lib/units.js";
import { matchWarning } from "../../web/src/lib/matching.js";

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
function ledgerWith(root: Hex, total: bigint, withdrawn = false, protocolId: Hex = DEFAULT_PROTOCOL_BYTES32, snap = snapshot): RoundLedger {
  const state = emptyState();
  state.commitments.set(`${ROUND}:1`, { round: ROUND, capacityId: 1n, provider: P, root, total, protocolId, delivered: 0n, withdrawn, countsConsumed: false, version: 1, roundDelivered: 0n });
  return { state, events: [], toBlock: 20n };
}

function check(ledger: RoundLedger, snap = snapshot) {
  const computation = computeRound(snap);
  return checkCommitments(snap, ledger, commitmentsOf(ledger, ROUND), ROUND, computation);
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

  it("bounds quantities by what the ledger can commit (uint96), with the limit in words", () => {
    expect(MAX_QUANTITY).to.equal(2n ** 96n - 1n);
    expect(validateSignal({ ...ok, quantity: String(MAX_QUANTITY) }, "need")).to.deep.equal({});
    const e = validateSignal({ ...ok, quantity: String(MAX_QUANTITY + 1n), minUnit: String(MAX_QUANTITY + 1n) }, "capacity");
    expect(e.quantity).to.equal("Too large: at most 79,228,162,514,264,337,593,543,950,335 (2^96 − 1, the most the ledger can commit)");
    expect(e.minUnit).to.match(/^Too large/);
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

  it("reports ✓ match for exactly FA-2's root and total", () => {
    expect(check(ledgerWith(expected.root, expected.total))[0].status).to.equal("match");
  });

  it("reports ✗ mismatch with the reason for another total or root", () => {
    const [byTotal] = check(ledgerWith(expected.root, expected.total - 1n));
    expect(byTotal.status).to.equal("mismatch");
    expect(byTotal.reason).to.contain(`≠ FA-2's ${expected.total}`);
    expect(check(ledgerWith(`0x${"11".repeat(32)}`, expected.total))[0].reason).to.equal("Merkle root differs from FA-2's");
  });

  it("reports a protocol id it does not know as unknown-protocol, not as a mismatch", () => {
    const [unknown] = check(ledgerWith(expected.root, expected.total, false, protocolIdToBytes32("fa-9")));
    expect(unknown.status).to.equal("unknown-protocol");
    expect(unknown.reason).to.equal('committed under protocol "fa-9", which this app does not know: not checked');
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

describe("dapp: a round committed under FA-1 verifies as FA-1", () => {
  // FA-1 and FA-2 differ here (docs/protocol.md §9, the need case): FA-1 serves Y from c2, FA-2 from c1.
  const X = P, Y = R;
  const needCase: Scenario = {
    recognition: { [X]: { [X]: 1n, [Y]: 1n }, [Y]: { [X]: 1n } },
    capacities: [
      { id: "1", provider: X, type: "WASH", unit: "litre", quantity: 21n, minUnit: 3n, recurring: true },
      { id: "2", provider: X, type: "WASH", unit: "litre", quantity: 12n, minUnit: 4n, recurring: true },
    ],
    needs: [
      { id: "1", recipient: X, type: "WASH", unit: "litre", quantity: 20n },
      { id: "2", recipient: Y, type: "WASH", unit: "litre", quantity: 4n },
    ],
  };
  const snap = toChainSnapshot({
    ...sdkSnapshot,
    scenario: needCase,
    capacities: needCase.capacities.map((c) => ({ id: BigInt(c.id), provider: X, active: true, recurring: true, declared: c.quantity, consumed: 0n, available: c.quantity, sector: "WASH", unit: "litre", location: "" })),
    needs: needCase.needs.map((n) => ({ id: BigInt(n.id), recipient: n.recipient, active: true, declared: n.quantity, confirmed: 0n, residual: n.quantity, sector: "WASH", unit: "litre", location: "" })),
    entities: [X, Y],
  });
  const fa1Roots = commitmentRoots(fa1.allocate(needCase));
  const FA1_ID = protocolIdToBytes32("fa-1");

  it("matches FA-1's root under the fa-1 id, and is a mismatch under the fa-2 id", () => {
    const c2 = fa1Roots["2"];
    expect(c2.root).to.not.equal(computeRound(snap).expected["2"].root);
    const [, underFa1] = check(ledgerWith2(c2.root, c2.total, FA1_ID), snap);
    expect(underFa1.status).to.equal("match");
    expect(underFa1.expected?.root).to.equal(c2.root);
    const [, underFa2] = check(ledgerWith2(c2.root, c2.total, DEFAULT_PROTOCOL_BYTES32), snap);
    expect(underFa2.status).to.equal("mismatch");
  });

  it("proves deliveries against the FA-1 tree the commitment names", () => {
    const p = proofOf(computeRound(snap), "2", "2", FA1_ID);
    expect(p.amount).to.equal(4n);
    expect(StandardMerkleTree.verify(fa1Roots["2"].root, ["uint256", "uint256", "address", "uint256"], [2n, 2n, p.recipient, p.amount], p.proof)).to.equal(true);
    expect(() => proofOf(computeRound(snap), "2", "2")).to.throw(/no leaf|nothing/i);
  });

  /** Round 1 with capacity 2 committed as given and capacity 1 committed under FA-1 as well. */
  function ledgerWith2(root: Hex, total: bigint, protocolId: Hex): RoundLedger {
    const state = emptyState();
    state.commitments.set(`${ROUND}:1`, { round: ROUND, capacityId: 1n, provider: X, root: fa1Roots["1"].root, total: fa1Roots["1"].total, protocolId: FA1_ID, delivered: 0n, roundDelivered: 0n, withdrawn: false, countsConsumed: false, version: 1 });
    state.commitments.set(`${ROUND}:2`, { round: ROUND, capacityId: 2n, provider: X, root, total, protocolId, delivered: 0n, roundDelivered: 0n, withdrawn: false, countsConsumed: false, version: 1 });
    return { state, events: [], toBlock: 20n };
  }
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

/** An in-memory Storage (the browser's localStorage shape). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => { m.set(k, v); },
    removeItem: (k: string) => { m.delete(k); },
    clear: () => m.clear(),
  };
}

describe("dapp: drafts belong to one account", () => {
  it("keeps a draft under its chain and account only", () => {
    const store = memoryStorage();
    saveDraft(31337, P, "recognition", [{ address: R, points: "99" }], "base", store);
    expect(loadDraft(31337, P.toUpperCase().replace("0X", "0x"), "recognition", store)?.value).to.deep.equal([{ address: R, points: "99" }]);
    expect(loadDraft(31337, R, "recognition", store)).to.equal(undefined);
    expect(loadDraft(1, P, "recognition", store)).to.equal(undefined);
    expect(draftKinds(31337, R, store)).to.deep.equal([]);
  });

  it("lists, clears one and clears all of an account's drafts", () => {
    const store = memoryStorage();
    saveDraft(31337, P, "recognition", [], "b", store);
    saveDraft(31337, P, "need-form", {}, "new", store);
    saveDraft(31337, R, "recognition", [], "b", store);
    expect(draftKinds(31337, P, store)).to.deep.equal(["need-form", "recognition"]);
    clearDraft(31337, P, "need-form", store);
    expect(draftKinds(31337, P, store)).to.deep.equal(["recognition"]);
    clearDrafts(31337, P, store);
    expect(draftKinds(31337, P, store)).to.deep.equal([]);
    expect(draftKinds(31337, R, store)).to.deep.equal(["recognition"]);
  });

  it("ignores a corrupt stored draft", () => {
    const store = memoryStorage();
    store.setItem(`fa.draft:31337:${P}:recognition`, "{not json");
    expect(loadDraft(31337, P, "recognition", store)).to.equal(undefined);
  });
});

describe("dapp: a stale result is never committed", () => {
  it("refuses when a new round opened since the page computed", () => {
    expect(staleReason({ round: 1n, computedAtBlock: 40n }, { currentRound: 2n, snapshotBlock: 52n })).to.match(/^Round 2 has opened since this allocation was computed for round 1\./);
  });

  it("refuses when the page computed from another block than the round's snapshot", () => {
    expect(staleReason({ round: 2n, computedAtBlock: 40n }, { currentRound: 2n, snapshotBlock: 52n })).to.match(/computed from block 40, but round 2's snapshot is block 52/);
  });

  it("allows the current round's own snapshot", () => {
    expect(staleReason({ round: 2n, computedAtBlock: 52n }, { currentRound: 2n, snapshotBlock: 52n })).to.equal(undefined);
  });
});

describe("dapp: signing with an account the node only impersonates", () => {
  it("explains Hardhat's raw \"Unknown account\" in words", () => {
    const raw = new RpcRequestError({ body: { method: "eth_signTypedData_v4" }, url: "http://127.0.0.1:8545", error: { code: -32603, message: "Unknown account 0x00000000000000000000000000000000000f0a01" } });
    const h = humanError(raw);
    expect(h.title).to.match(/^The local node cannot sign for this account: it only impersonates it/);
    expect(h.title).to.not.contain("Unknown account");
  });
});

describe("dapp: honest units (never add litres to kits)", () => {
  const needs = [
    { id: "1", recipient: R, type: "WASH", unit: "litre", quantity: 60n, location: "MZ-P-01" },
    { id: "2", recipient: S, type: "WASH", unit: "litre", quantity: 80n, location: "MZ-P-01" },
    { id: "3", recipient: S, type: "Health", unit: "kit", quantity: 5n, location: "MZ-P-01" },
    { id: "4", recipient: S, type: "WASH", unit: "jerrycan", quantity: 7n, location: "MZ-P-01" },
  ];
  const allocations = [
    { capacity: "1", need: "1", provider: P, recipient: R, amount: 60n, tier: 1 as const },
    { capacity: "1", need: "2", provider: P, recipient: S, amount: 40n, tier: 2 as const },
    { capacity: "2", need: "3", provider: P, recipient: S, amount: 5n, tier: 2 as const },
  ];

  it("totals per sector and unit, with needs fully met counted", () => {
    expect(totalsBySectorUnit(needs, allocations)).to.deep.equal([
      { sector: "Health", unit: "kit", need: 5n, allocated: 5n, needs: 1, met: 1 },
      { sector: "WASH", unit: "jerrycan", need: 7n, allocated: 0n, needs: 1, met: 0 },
      { sector: "WASH", unit: "litre", need: 140n, allocated: 100n, needs: 2, met: 1 },
    ]);
  });

  it("keeps units apart inside one heatmap cell", () => {
    const cells = gapCells(needs, { "1": 0n, "2": 40n, "3": 0n, "4": 7n });
    const wash = cells.find((c) => c.sector === "WASH")!;
    expect(wash.units).to.deep.equal([{ unit: "jerrycan", need: 7n, unmet: 7n }, { unit: "litre", need: 140n, unmet: 40n }]);
  });

  it("counts coverage per unit and leaves mismatched commitments out", () => {
    const c = (unit: string, matches: boolean, total: bigint, withdrawn = false) => ({ unit, sector: "WASH", matches, withdrawn, total, delivered: 10n, confirmed: 5n });
    expect(coverageByUnit([c("litre", true, 100n), c("litre", false, 1_000n), c("kit", true, 3n), c("litre", true, 50n, true)])).to.deep.equal({
      units: [{ unit: "kit", committed: 3n, delivered: 10n, confirmed: 5n }, { unit: "litre", committed: 100n, delivered: 20n, confirmed: 10n }],
      excluded: 1,
    });
  });
});

describe("dapp: a capacity or need that would match nothing is warned about", () => {
  const caps = [{ id: "1", provider: P, type: "WASH", unit: "litre", quantity: 10n, location: "MZ-P", recurring: true }];
  const needs = [{ id: "1", recipient: R, type: "WASH", unit: "litre", quantity: 5n, location: "MZ-P-01" }];

  it("names the unit others count in when the unit differs only in case", () => {
    expect(matchWarning("need", { sector: "WASH", unit: "Litre", location: "" }, R, caps, [])).to.equal("No WASH capacity counts in “Litre” (they count in: litre). Units must match exactly, so this need would receive nothing.");
  });

  it("names the locations covered when a code is mistyped (letter O for zero)", () => {
    expect(matchWarning("need", { sector: "WASH", unit: "litre", location: "MZ-S-O1" }, R, caps, [])).to.match(/covers location “MZ-S-O1” \(they cover: MZ-P\)/);
  });

  it("is silent when the engine would find a match, and ignores one's own signals", () => {
    expect(matchWarning("need", { sector: "WASH", unit: "litre", location: "MZ-P-01" }, R, caps, [])).to.equal(undefined);
    expect(matchWarning("capacity", { sector: "WASH", unit: "litre", location: "MZ-P" }, P, caps, needs)).to.equal(undefined);
    expect(matchWarning("capacity", { sector: "WASH", unit: "litre", location: "" }, R, caps, needs)).to.match(/^No organization needs anything in sector “WASH”/);
  });
});
