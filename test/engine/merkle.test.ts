import { expect } from "chai";
import { concat, encodeAbiParameters, keccak256, toBytes, type Hex } from "viem";
import {
  fa1, commitmentTree, commitmentRoots, proofFor, verifyLeaf, idToUint256, protocolIdToBytes32,
  type Allocation, type Scenario, EngineError,
} from "../../sdk/core/index.js";
import { addr } from "./fixtures.js";

/** The contract's leaf: keccak256(bytes.concat(keccak256(abi.encode(capacityId, needId, recipient, amount)))). */
function contractLeaf(capacityId: bigint, needId: bigint, recipient: Hex, amount: bigint): Hex {
  const inner = keccak256(encodeAbiParameters(
    [{ type: "uint256" }, { type: "uint256" }, { type: "address" }, { type: "uint256" }],
    [capacityId, needId, recipient, amount],
  ));
  return keccak256(concat([inner]));
}

/** OpenZeppelin MerkleProof.processProof: hash sorted pairs up to the root. */
function processProof(leaf: Hex, proof: readonly Hex[]): Hex {
  let h = leaf;
  for (const p of proof) h = BigInt(h) < BigInt(p) ? keccak256(concat([h, p])) : keccak256(concat([p, h]));
  return h;
}

const [A, B, C, D] = [1, 2, 3, 4].map(addr);
const scenario: Scenario = {
  recognition: { [A]: { [B]: 2n, [C]: 1n, [D]: 1n }, [B]: { [A]: 1n }, [C]: { [A]: 1n } },
  capacities: [{ id: "7", provider: A, type: "WASH", unit: "L", quantity: 100n }, { id: "water-A", provider: A, type: "WASH", unit: "L", quantity: 5n }],
  needs: [
    { id: "1", recipient: B, type: "WASH", unit: "L", quantity: 40n },
    { id: "2", recipient: C, type: "WASH", unit: "L", quantity: 30n },
    { id: "village-3", recipient: D, type: "WASH", unit: "L", quantity: 50n },
  ],
};

describe("Merkle commitments", () => {
  const result = fa1.allocate(scenario);

  describe("idToUint256", () => {
    it("uses a canonical decimal id as the number itself", () => {
      expect(idToUint256("0")).to.equal(0n);
      expect(idToUint256("42")).to.equal(42n);
    });
    it("hashes any other id: uint256(keccak256(utf8(id)))", () => {
      expect(idToUint256("water-A")).to.equal(BigInt(keccak256(toBytes("water-A"))));
      // a leading zero or sign is not canonical: "07" must not collide with "7"
      expect(idToUint256("07")).to.equal(BigInt(keccak256(toBytes("07"))));
      expect(idToUint256("+7")).to.not.equal(7n);
    });
    it("hashes a decimal that does not fit in uint256", () => {
      const tooBig = (1n << 256n).toString();
      expect(idToUint256(tooBig)).to.equal(BigInt(keccak256(toBytes(tooBig))));
    });
  });

  describe("protocolIdToBytes32", () => {
    it("is the ASCII id left-aligned and zero-padded", () => {
      expect(protocolIdToBytes32("fa-1")).to.equal(`0x66612d31${"0".repeat(56)}`);
    });
    it("rejects ids longer than 32 bytes", () => {
      expect(() => protocolIdToBytes32("x".repeat(33))).to.throw(EngineError);
    });
  });

  describe("commitmentTree", () => {
    it("hashes leaves exactly as the contract does", () => {
      const tree = commitmentTree("7", result.allocations);
      for (const [, leaf] of tree.entries()) {
        expect(tree.leafHash(leaf)).to.equal(contractLeaf(leaf[0], leaf[1], leaf[2], leaf[3]));
      }
    });

    it("has one leaf per allocation of the capacity and nothing else", () => {
      const tree = commitmentTree("7", result.allocations);
      const mine = result.allocations.filter((a) => a.capacity === "7");
      expect(tree.length).to.equal(mine.length);
      expect(mine.length).to.be.greaterThan(1);
    });

    it("has the same root whatever the order of the allocations", () => {
      const reversed = [...result.allocations].reverse();
      expect(commitmentTree("7", reversed).root).to.equal(commitmentTree("7", result.allocations).root);
    });

    it("changes its root when any amount changes", () => {
      const bumped: Allocation[] = result.allocations.map((a, i) => (i === 0 ? { ...a, amount: a.amount + 1n } : a));
      expect(commitmentTree("7", bumped).root).to.not.equal(commitmentTree("7", result.allocations).root);
    });

    it("refuses to commit a capacity with no allocation", () => {
      expect(() => commitmentTree("none", result.allocations)).to.throw(EngineError).with.property("code", "NOTHING_TO_COMMIT");
    });
  });

  describe("commitmentRoots", () => {
    it("gives every allocating capacity its root, total and leaves; total never exceeds the capacity", () => {
      const roots = commitmentRoots(result);
      expect(Object.keys(roots)).to.deep.equal(["7", "water-A"]);
      for (const c of scenario.capacities) {
        const sum = result.allocations.filter((a) => a.capacity === c.id).reduce((s, a) => s + a.amount, 0n);
        expect(roots[c.id].total).to.equal(sum);
        expect(roots[c.id].total <= c.quantity).to.equal(true);
        expect(roots[c.id].capacityId).to.equal(idToUint256(c.id));
        expect(roots[c.id].root).to.equal(commitmentTree(c.id, result.allocations).root);
      }
    });
  });

  describe("proofFor", () => {
    it("gives a proof the contract's MerkleProof.verify accepts", () => {
      for (const a of result.allocations) {
        const { leaf, proof, root } = proofFor(result, a.capacity, a.need);
        expect(leaf).to.deep.equal([idToUint256(a.capacity), idToUint256(a.need), a.recipient, a.amount]);
        expect(processProof(contractLeaf(...leaf), proof)).to.equal(root);
        expect(verifyLeaf(root, leaf, proof)).to.equal(true);
      }
    });

    it("fails verification for a tampered amount", () => {
      const a = result.allocations[0];
      const { leaf, proof, root } = proofFor(result, a.capacity, a.need);
      const forged = [leaf[0], leaf[1], leaf[2], leaf[3] + 1n] as typeof leaf;
      expect(verifyLeaf(root, forged, proof)).to.equal(false);
      expect(processProof(contractLeaf(...forged), proof)).to.not.equal(root);
    });

    it("refuses a (capacity, need) pair with no allocation", () => {
      expect(() => proofFor(result, "7", "no-such-need")).to.throw(EngineError).with.property("code", "NO_ALLOCATION");
    });
  });
});
