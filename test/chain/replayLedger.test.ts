/**
 * SPEC §4 ("logs carry everything"): after random sequences of ledger actions — commits, withdrawals and
 * recommits in the same round, deliveries, confirmations of live and withdrawn versions, term changes and
 * kind switches between rounds — the SDK's replay of the ledger's events alone equals every ledger view.
 */
import { expect } from "chai";
import fc from "fast-check";
import { getAddress, type Hex } from "viem";
import { allocationTree, deployLedger, FA1, proofOf, type Leaf } from "../helpers/ledgerFixture.js";
import { fetchLogs } from "../../sdk/chain/fetchLogs.js";
import { commitmentKey, emptyState, leafKey, replayLogs } from "../../sdk/chain/replayLogs.js";

const CAPS = [1n, 2n, 3n];
const NEEDS = [11n, 12n];

type Step =
  | { kind: "round" }
  | { kind: "terms"; cap: number; quantity: number; recurring: boolean }
  | { kind: "commit"; cap: number; a: number; b: number }
  | { kind: "withdraw"; cap: number }
  | { kind: "deliver"; cap: number; leaf: number; amount: number }
  | { kind: "confirm"; cap: number; leaf: number; version: number; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: "round" as const }),
  fc.record({ kind: fc.constant("terms" as const), cap: fc.nat(2), quantity: fc.integer({ min: 1, max: 900 }), recurring: fc.boolean() }),
  fc.record({ kind: fc.constant("commit" as const), cap: fc.nat(2), a: fc.integer({ min: 1, max: 300 }), b: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("withdraw" as const), cap: fc.nat(2) }),
  fc.record({ kind: fc.constant("deliver" as const), cap: fc.nat(2), leaf: fc.nat(1), amount: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("confirm" as const), cap: fc.nat(2), leaf: fc.nat(1), version: fc.nat(3), amount: fc.integer({ min: 1, max: 200 }) }),
);

describe("replaying the ledger's logs", () => {
  it("logs alone rebuild every ledger view after random action sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 45 }), async (steps) => {
        const f = await deployLedger();
        const { ledger, rounds, terms, provider, alice, bob, publicClient } = f;
        const recipients = [alice, bob];
        for (const cap of CAPS) await terms.write.setCapacity([cap, provider.account.address, 600n, cap === 2n, true]);
        await terms.write.setNeed([NEEDS[0], alice.account.address, 1_000n, true]);
        await terms.write.setNeed([NEEDS[1], bob.account.address, 1_000n, true]);
        const fromBlock = await publicClient.getBlockNumber();
        await f.nextRound();
        // The trees committed per `${round}:${cap}:${version}`, to find proofs and leaves again.
        const trees = new Map<string, ReturnType<typeof allocationTree>>();
        const tried = (p: Promise<unknown>) => p.then(() => true, () => false);
        for (const s of steps) {
          const round = await rounds.read.currentRound();
          if (s.kind === "round") {
            await f.nextRound();
          } else if (s.kind === "terms") {
            await terms.write.setCapacity([CAPS[s.cap], provider.account.address, BigInt(s.quantity), s.recurring, true]);
          } else if (s.kind === "commit") {
            const cap = CAPS[s.cap];
            const tree = allocationTree([
              [cap, NEEDS[0], alice.account.address, BigInt(s.a)],
              [cap, NEEDS[1], bob.account.address, BigInt(s.b)],
            ] as Leaf[]);
            if (await tried(ledger.write.commit([cap, tree.root as Hex, BigInt(s.a + s.b), FA1], { account: provider.account }))) {
              const { version } = await ledger.read.commitmentOf([round, cap]);
              trees.set(`${round}:${cap}:${version}`, tree);
            }
          } else if (s.kind === "withdraw") {
            await tried(ledger.write.withdraw([round, CAPS[s.cap]], { account: provider.account }));
          } else if (s.kind === "deliver") {
            const cap = CAPS[s.cap];
            const { version } = await ledger.read.commitmentOf([round, cap]);
            const tree = trees.get(`${round}:${cap}:${version}`);
            if (tree === undefined) continue;
            const [, needId, recipient, leafAmount] = tree.at(s.leaf)!;
            await tried(
              ledger.write.recordDelivery(
                [{ round, capacityId: cap, version: BigInt(version), needId }, recipient, leafAmount, proofOf(tree, s.leaf), BigInt(s.amount)],
                { account: provider.account },
              ),
            );
          } else {
            const cap = CAPS[s.cap];
            await tried(
              ledger.write.confirmReceipt([round, cap, BigInt(1 + s.version), NEEDS[s.leaf], BigInt(s.amount)], { account: recipients[s.leaf].account }),
            );
          }
        }

        const toBlock = await publicClient.getBlockNumber();
        const contracts = { recognition: terms.address, capacities: terms.address, needs: terms.address, rounds: rounds.address, ledger: ledger.address };
        const events = await fetchLogs(publicClient as never, { contracts, only: ["rounds", "ledger"], fromBlock, toBlock });
        const state = replayLogs(emptyState(), events);

        const current = await rounds.read.currentRound();
        for (let round = 1n; round <= current; round++) {
          for (const cap of CAPS) {
            const onChain = await ledger.read.commitmentOf([round, cap]);
            const replayed = state.commitments.get(commitmentKey(round, cap));
            if (onChain.version === 0) {
              expect(replayed, `${round}:${cap}`).to.equal(undefined);
              continue;
            }
            expect({ ...replayed!, provider: getAddress(replayed!.provider) }).to.deep.include({
              root: onChain.root,
              total: onChain.total,
              delivered: onChain.delivered,
              protocolId: onChain.protocolId,
              withdrawn: onChain.withdrawn,
              provider: onChain.provider,
              version: onChain.version,
            });
            expect(replayed!.roundDelivered).to.equal(await ledger.read.roundDelivered([round, cap]));
            for (let version = 1; version <= onChain.version; version++) {
              for (const needId of NEEDS) {
                const [recipient, delivered, confirmed] = await ledger.read.leafOf([round, cap, BigInt(version), needId]);
                const leaf = state.leaves.get(leafKey(round, cap, version, needId));
                expect([leaf?.delivered ?? 0n, leaf?.confirmed ?? 0n], `leaf ${round}:${cap}:${version}:${needId}`).to.deep.equal([delivered, confirmed]);
                if (leaf !== undefined) expect(getAddress(leaf.recipient)).to.equal(recipient);
              }
            }
          }
        }
        for (const cap of CAPS) expect(state.consumed.get(cap) ?? 0n, `consumed ${cap}`).to.equal(await ledger.read.consumed([cap]));
        for (const needId of NEEDS) expect(state.confirmed.get(needId) ?? 0n, `confirmed ${needId}`).to.equal(await ledger.read.confirmed([needId]));
      }),
      { numRuns: 4 },
    );
  });
});
