/**
 * The demo's story on a chain: deploy, seed the scenario, then round after round — the schedule opens it, every
 * provider commits its allocation, deliveries (some partial, one provider fails), receipts, needs
 * shrink — with signal changes between rounds, a tampered commitment, and an auditor who verifies
 * every round from the chain alone. Everything on chain goes through sdk/chain; the allocation is
 * sdk/core's default protocol, FA-2.
 */
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import { createWalletClient, custom, keccak256, parseEther, stringToHex, toHex, type Address, type EIP1193Provider, type Hex, type PublicClient } from "viem";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { defaultProtocol, LEAF_ENCODING, protocolIdToBytes32, type AllocationResult, type CommitmentLeaf, type Scenario } from "../../sdk/core/index.js";
import {
  auditRound,
  commitRound,
  findLeaf,
  readRoundSnapshot,
  roundInfo,
  roundOpensAt,
  readSnapshot,
  verifyRound,
  type AuditReport,
  type ChainClients,
  type Snapshot,
} from "../../sdk/chain/index.js";
import type { Actor } from "./actors.js";
import { deployFreeAssociation, safeDeployer } from "./deploy.js";
import type { DemoOrganization, DemoResult, DemoRound, RoundGas } from "./model.js";
import type { DemoPlan, Fraction } from "./plan.js";
import { seedDemo, type DemoClients } from "./seed.js";
import { organizationRounds } from "./summary.js";
import { isoDateTime } from "../../sdk/audit/references.js";

/** What the demo needs from a Hardhat network connection. */
export interface DemoConnection {
  readonly viem: HardhatViemHelpers;
  readonly provider: EIP1193Provider;
  readonly networkHelpers: { time: { increaseTo(timestamp: number | bigint): Promise<unknown> } };
}

export interface RunOptions {
  /** Called with each finished round (the printout). */
  readonly onRound?: (round: DemoRound, organizations: readonly DemoOrganization[]) => void;
  /** Called with short progress lines. */
  readonly log?: (line: string) => void;
}

const PROTOCOL_ID = protocolIdToBytes32(defaultProtocol.id);

function scale(amount: bigint, f: Fraction | undefined): bigint {
  return f === undefined ? amount : (amount * f.num) / f.den;
}

function pct(f: Fraction): string {
  return `${Number((f.num * 100n) / f.den)} %`;
}

/** Hardhat connection -> the clients seedDemo and the SDK's actions need. */
async function demoClients(connection: DemoConnection): Promise<DemoClients> {
  const publicClient = (await connection.viem.getPublicClient()) as unknown as PublicClient;
  const chain = publicClient.chain;
  const deploySafe = await safeDeployer(connection.viem);
  return {
    publicClient,
    walletFor: (account) => createWalletClient({ account, chain, transport: custom(connection.provider) }),
    fund: async (address) => {
      await connection.provider.request({ method: "hardhat_setBalance" as never, params: [address, toHex(parseEther("1000"))] as never });
    },
    deploySafe,
  };
}

/** Runs the whole demo on a fresh connection and returns everything it measured. */
export async function runDemo(connection: DemoConnection, scenario: Scenario, plan: DemoPlan, options: RunOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const deployed = await deployFreeAssociation(connection.viem);
  const { contracts } = deployed;
  const clients = await demoClients(connection);
  const { publicClient } = clients;
  const chainId = await publicClient.getChainId();
  log(`deployed the contracts (ledger ${contracts.ledger})`);
  const seeded = await seedDemo(clients, contracts, scenario, { safeOrganization: plan.safeOrganization, kinds: plan.kinds });
  log(`seeded ${seeded.organizations.length} organizations, ${seeded.capacityIds.size} capacities, ${seeded.needIds.size} needs`);

  const orgName = (address: Address) => seeded.organizations.find((o) => o.address === address.toLowerCase())?.name ?? address;
  const chainOf = (scenarioAddress: Address) => seeded.actors.get(scenarioAddress.toLowerCase() as Address)!;
  const actorAt = (address: Address): Actor | undefined => {
    const org = seeded.organizations.find((o) => o.address === address.toLowerCase());
    return org === undefined ? undefined : seeded.actors.get(org.scenarioAddress);
  };
  const rounds: DemoRound[] = [];
  for (let r = 1; r <= plan.rounds; r++) {
    const narrative: string[] = [];
    const gas = { commit: 0n, deliver: 0n, confirm: 0n, other: 0n };
    const flags = new Map<Address, string[]>();
    const flag = (address: Address, text: string) => {
      const key = address.toLowerCase() as Address;
      flags.set(key, [...(flags.get(key) ?? []), text]);
    };
    for (const o of seeded.organizations) if (o.safe) flag(o.address, "signs via Safe 2-of-3");

    // Signal changes before the round opens: they count from this round's snapshot on.
    for (const rv of plan.revocations.filter((x) => x.round === r)) {
      const from = chainOf(rv.from), to = chainOf(rv.to);
      const sent = await from.act("RevokeRecognition", { recipient: to.address });
      gas.other += sent.receipt.gasUsed;
      narrative.push(`${orgName(from.address)} revokes its recognition of ${orgName(to.address)} (one transaction; counts from this round's snapshot on)`);
      flag(from.address, `revoked recognition of ${orgName(to.address)}`);
    }
    for (const w of plan.capacityWithdrawals.filter((x) => x.round === r)) {
      const capacity = scenario.capacities.find((c) => c.id === w.capacity)!;
      const provider = chainOf(capacity.provider);
      const sent = await provider.act("RevokeCapacity", { capacityId: seeded.capacityIds.get(w.capacity)! });
      gas.other += sent.receipt.gasUsed;
      narrative.push(`${orgName(provider.address)} withdraws its capacity "${w.capacity}" (capacity ${seeded.capacityIds.get(w.capacity)})`);
      flag(provider.address, `withdrew capacity ${w.capacity}`);
    }

    // Nobody opens the round: the chain's clock reaches its scheduled opening (one block mined then).
    await connection.networkHelpers.time.increaseTo(roundOpensAt(deployed, BigInt(r)));
    const opened = await roundInfo(publicClient, contracts, BigInt(r));
    const round = opened.round;
    narrative.push(
      `round ${round} opens on schedule at ${isoDateTime(opened.opensAt)}; every provider computes from the state at ${isoDateTime(opened.snapshotTime)} (block ${opened.snapshotBlock})`,
    );

    // Every provider reads the same snapshot, computes FA-2 and commits its capacities (sdk/chain commitRound).
    const snapshot = await readRoundSnapshot(publicClient, { contracts, round, fromBlock: deployed.fromBlock });
    const tampering = plan.tampering?.round === r ? plan.tampering : undefined;
    const tamperedId = tampering ? seeded.capacityIds.get(tampering.capacity)! : undefined;
    const providers = [...new Set(snapshot.capacities.filter((c) => c.active).map((c) => c.provider))].sort();
    const committed = new Map<bigint, { root: Hex; leaves: readonly CommitmentLeaf[] }>();
    let result: AllocationResult | undefined;
    for (const providerAddress of providers) {
      const provider = actorAt(providerAddress)!;
      // commitRound sends the commits itself for an honest EOA; a Safe or the tamperer computes (dry run) and acts.
      const sendsItself = provider.clients !== undefined && !snapshot.capacities.some((c) => c.id === tamperedId && c.provider === providerAddress);
      const computed = await commitRound(provider.clients ?? { publicClient: publicClient as ChainClients["publicClient"] }, {
        contracts,
        round,
        provider: providerAddress,
        snapshot,
        dryRun: !sendsItself,
      });
      result = computed.result;
      for (const c of computed.commitments) {
        let { root, leaves } = c;
        if (!sendsItself) {
          if (c.capacityId === tamperedId) {
            leaves = tamperedLeaves(c.leaves, providerAddress);
            root = StandardMerkleTree.of([...leaves], [...LEAF_ENCODING]).root as Hex;
            narrative.push(
              `${orgName(providerAddress)} commits a tampered root for capacity ${c.capacityId}: all ${c.total} ${unitOf(snapshot, c.capacityId)} to its own need, instead of what FA-2 yields`,
            );
            flag(providerAddress, "committed a tampered root");
          }
          const sent = await provider.act("Commit", { round, capacityId: c.capacityId, root, total: c.total, protocolId: PROTOCOL_ID });
          gas.commit += sent.receipt.gasUsed;
        } else {
          gas.commit += c.gasUsed ?? 0n;
        }
        committed.set(c.capacityId, { root, leaves });
      }
    }
    if (result === undefined) result = defaultProtocol.allocate(snapshot.scenario);
    narrative.push(`${committed.size} commitments (one Merkle root per capacity that allocates something)`);

    // Deliveries against each leaf; the tamperer does not deliver on its disputed commitment.
    const failing = new Set(plan.failures.filter((f) => f.round === r).map((f) => chainOf(f.organization).address));
    for (const a of failing) {
      narrative.push(`${orgName(a)} fails to deliver anything this round`);
      flag(a, "failed to deliver");
    }
    const partial = new Map<Address, Fraction>();
    for (const p of plan.partialDeliveries.filter((p) => p.round === undefined || p.round === r)) {
      const a = chainOf(p.organization).address;
      partial.set(a, p.fraction);
      narrative.push(`${orgName(a)} delivers only ${pct(p.fraction)} of each allocation`);
      flag(a, `partial delivery (${pct(p.fraction)})`);
    }
    const delivered: { capacityId: bigint; needId: bigint; recipient: Address; amount: bigint }[] = [];
    for (const [capacityId, { leaves }] of committed) {
      if (capacityId === tamperedId) continue;
      for (const [, needId, recipient, leafAmount] of leaves) {
        const provider = actorAt(snapshot.capacities.find((c) => c.id === capacityId)!.provider)!;
        if (failing.has(provider.address)) continue;
        const amount = scale(leafAmount, partial.get(provider.address));
        if (amount === 0n) continue;
        // The SDK finds the leaf's proof and checks the committed root is the recomputed one.
        const { leaf, proof } = await findLeaf(publicClient, { contracts, round, capacityId, needId, leaves });
        const sent = await provider.act("RecordDelivery", { round, capacityId, needId, recipient: leaf[2], leafAmount: leaf[3], proof, amount });
        gas.deliver += sent.receipt.gasUsed;
        delivered.push({ capacityId, needId, recipient, amount });
      }
    }

    // Receipts: every recipient confirms what arrived (some less: losses on the way).
    const receiptFraction = new Map(plan.partialReceipts.map((p) => [chainOf(p.organization).address, p.fraction] as const));
    for (const [a, f] of receiptFraction) {
      narrative.push(`${orgName(a)} confirms only ${pct(f)} of what was delivered (losses on arrival)`);
      flag(a, `confirmed ${pct(f)} of deliveries`);
    }
    for (const { capacityId, needId, recipient, amount } of delivered) {
      const confirm = scale(amount, receiptFraction.get(recipient));
      if (confirm === 0n) continue;
      const sent = await actorAt(recipient)!.act("ConfirmReceipt", { round, capacityId, needId, amount: confirm });
      gas.confirm += sent.receipt.gasUsed;
    }
    narrative.push(`${delivered.length} deliveries recorded with their Merkle proofs, and confirmed by their recipients`);

    // The auditor recomputes every commitment from the chain alone and records its opinion on mismatches.
    const verify = await verifyRound(publicClient, { contracts, round, fromBlock: deployed.fromBlock });
    for (const c of verify.commitments.filter((c) => c.status === "mismatch")) {
      const reportHash = keccak256(stringToHex(JSON.stringify(c, (_k, v) => (typeof v === "bigint" ? v.toString() : v))));
      const sent = await seeded.relayer.act("Attest", { round, capacityId: c.capacityId, matches: false, reportHash });
      gas.other += sent.receipt.gasUsed;
      narrative.push(`the auditor flags capacity ${c.capacityId} of ${orgName(c.provider)} (root differs from FA-2's) and attests the mismatch on chain`);
    }
    const audit: AuditReport = await auditRound(publicClient, { contracts, round, fromBlock: deployed.fromBlock });
    const after = await readSnapshot(publicClient, { contracts, block: await publicClient.getBlockNumber(), fromBlock: deployed.fromBlock });
    // Recipients with a residual need that FA-2 gives nothing: unrecognized (Sybil-zero) or out-prioritized.
    const recognized = new Set(Object.values(snapshot.scenario.recognition).flatMap((row) => Object.entries(row).filter(([, p]) => p > 0n).map(([to]) => to)));
    const served = new Set(result.allocations.map((a) => a.recipient));
    for (const recipient of new Set(snapshot.scenario.needs.map((n) => n.recipient))) {
      if (served.has(recipient)) continue;
      flag(recipient, recognized.has(recipient) ? "allocated nothing this round" : "receives nothing: no one recognizes it");
    }
    const allocations: Record<string, bigint> = {};
    for (const a of result.allocations) allocations[`${a.capacity}/${a.need}`] = a.amount;
    const roots: Record<string, Hex> = {};
    for (const [id, c] of committed) roots[id.toString()] = c.root;
    const done: DemoRound = {
      round,
      snapshotTime: opened.snapshotTime,
      snapshotBlock: opened.snapshotBlock,
      narrative,
      roots,
      allocations,
      verify,
      audit,
      needsAfter: after.needs,
      capacitiesAfter: after.capacities,
      organizations: organizationRounds(
        audit.flows,
        flags,
        seeded.organizations.map((o) => o.address),
        verify.commitments
          .filter((c) => c.status !== "match" && c.committed !== undefined && !audit.flows.some((f) => f.capacityId === c.capacityId))
          .map((c) => ({ provider: c.provider, unit: unitOf(snapshot, c.capacityId), total: c.committed!.total })),
      ),
      gas: gas satisfies RoundGas,
    };
    rounds.push(done);
    options.onRound?.(done, seeded.organizations);
  }
  return {
    chainId,
    contracts,
    organizations: seeded.organizations,
    seedGas: deployed.gasUsed + seeded.gasUsed,
    rounds,
    elapsedMs: Date.now() - started,
  };
}

function unitOf(snapshot: Snapshot, capacityId: bigint): string {
  return snapshot.capacities.find((c) => c.id === capacityId)?.unit ?? "";
}

/**
 * The tamperer's leaves: its capacity's whole committed total goes to its own need that the protocol
 * already serves from it, so the total is unchanged and the contract (which checks only the total)
 * accepts the commitment. Only the verification against FA-2 can tell.
 */
function tamperedLeaves(leaves: readonly CommitmentLeaf[], provider: Address): CommitmentLeaf[] {
  const own = leaves.find((l) => l[2] === provider.toLowerCase());
  if (own === undefined) throw new Error(`capacity ${leaves[0]?.[0]}: the protocol gives its provider nothing to inflate`);
  const total = leaves.reduce((s, l) => s + l[3], 0n);
  return [[own[0], own[1], own[2], total]];
}
