/**
 * `seedDemo`: puts a scenario's signals on chain — every organization's recognition vector, its
 * capacities and its needs — with one deterministic key per organization (or a Safe for one of them).
 * The dapp reuses it to load the demo data into a local chain.
 */
import { keccak256, toBytes, type Address, type PublicClient } from "viem";
import { privateKeyToAccount, type LocalAccount } from "viem/accounts";
import type { Capacity, Need, Scenario } from "../../sdk/core/index.js";
import type { ContractAddresses } from "../../sdk/chain/index.js";
import type { CapacityTerms, NeedTerms } from "../../sdk/chain/inputs.js";
import { eoaActor, safeActor, type AccountWallet, type Actor } from "./actors.js";
import type { DemoOrganization, OrganizationKind } from "./model.js";

/** What seeding needs from the chain it runs on. */
export interface DemoClients {
  readonly publicClient: PublicClient;
  /** A wallet client for a local account on this chain. */
  walletFor(account: LocalAccount): AccountWallet;
  /** Gives an address enough native currency for gas (test chains: hardhat_setBalance). */
  fund(address: Address): Promise<void>;
  /** Deploys a Safe owned by `owners` with `threshold`; without it the Safe organization signs as an EOA. */
  deploySafe?(owners: readonly Address[], threshold: number): Promise<Address>;
}

export interface SeedOptions {
  /** Scenario address of the organization that signs through a 2-of-3 Safe. */
  readonly safeOrganization?: Address;
  readonly kinds?: Readonly<Record<Address, OrganizationKind>>;
  /** Prefix of the key derivation (different prefixes give different, unrelated accounts). */
  readonly keySeed?: string;
}

export interface SeededDemo {
  readonly organizations: readonly DemoOrganization[];
  /** Scenario address -> actor. */
  readonly actors: ReadonlyMap<Address, Actor>;
  /** Pays gas for relayed signatures and opens rounds. */
  readonly relayer: Actor & { readonly wallet: AccountWallet };
  /** Scenario capacity id -> on-chain id, and the reverse. */
  readonly capacityIds: ReadonlyMap<string, bigint>;
  readonly needIds: ReadonlyMap<string, bigint>;
  readonly gasUsed: bigint;
}

/** The demo key of a name: keccak256("<seed>/<name>"). Deterministic, so a re-run gets the same addresses. */
export function demoAccount(seed: string, name: string): LocalAccount {
  return privateKeyToAccount(keccak256(toBytes(`${seed}/${name}`)));
}

/** Every address the scenario mentions, in first-appearance order (names, recognition, capacities, needs). */
export function scenarioOrganizations(scenario: Scenario): Address[] {
  const seen = new Set<Address>();
  const add = (a: string) => seen.add(a.toLowerCase() as Address);
  Object.keys(scenario.names ?? {}).forEach(add);
  for (const [from, row] of Object.entries(scenario.recognition)) {
    add(from);
    Object.keys(row).forEach(add);
  }
  scenario.capacities.forEach((c) => add(c.provider));
  scenario.needs.forEach((n) => add(n.recipient));
  return [...seen];
}

function capacityTerms(c: Capacity, chainAddress: (a: Address) => Address): CapacityTerms {
  const filter =
    c.filter === undefined ? undefined : "allow" in c.filter ? { allow: c.filter.allow.map(chainAddress) } : { deny: c.filter.deny.map(chainAddress) };
  return {
    sector: c.type,
    unit: c.unit,
    quantity: c.quantity,
    ...(c.window ? { window: c.window } : {}),
    ...(c.location ? { location: c.location } : {}),
    ...(filter ? { filter } : {}),
    ...(c.minUnit ? { minUnit: c.minUnit } : {}),
    recurring: c.recurring ?? false,
  };
}

function needTerms(n: Need): NeedTerms {
  return {
    sector: n.type,
    unit: n.unit,
    quantity: n.quantity,
    ...(n.window ? { window: n.window } : {}),
    ...(n.location ? { location: n.location } : {}),
  };
}

/**
 * Registers every organization of `scenario` on chain, in a fixed order (recognition vectors in the
 * order of `scenarioOrganizations`, then capacities and needs in file order), so ids and roots are
 * the same on every run. Scenario addresses are placeholders: each organization gets the key
 * `demoAccount(keySeed, scenarioAddress)` (or a Safe), and every address in the signals is mapped.
 */
export async function seedDemo(clients: DemoClients, contracts: ContractAddresses, scenario: Scenario, options: SeedOptions = {}): Promise<SeededDemo> {
  const seed = options.keySeed ?? "free-association/demo";
  const chainId = await clients.publicClient.getChainId();
  const relayerWallet = clients.walletFor(demoAccount(seed, "relayer"));
  await clients.fund(relayerWallet.account.address);
  const relayer = Object.assign(eoaActor(clients.publicClient, relayerWallet, contracts), { wallet: relayerWallet });

  const addresses = scenarioOrganizations(scenario);
  const actors = new Map<Address, Actor>();
  const organizations: DemoOrganization[] = [];
  const safeOrg = options.safeOrganization?.toLowerCase();
  for (const scenarioAddress of addresses) {
    let actor: Actor;
    if (scenarioAddress === safeOrg && clients.deploySafe !== undefined) {
      const owners = [1, 2, 3].map((i) => clients.walletFor(demoAccount(seed, `${scenarioAddress}/safe-owner-${i}`)));
      const safe = await clients.deploySafe(owners.map((o) => o.account.address), 2);
      // Two of three owners sign every action: the Safe's threshold.
      actor = safeActor(clients.publicClient, safe, chainId, owners.slice(0, 2), relayerWallet, contracts);
    } else {
      const wallet = clients.walletFor(demoAccount(seed, scenarioAddress));
      await clients.fund(wallet.account.address);
      actor = eoaActor(clients.publicClient, wallet, contracts);
    }
    actors.set(scenarioAddress, actor);
    organizations.push({
      scenarioAddress,
      address: actor.address,
      name: scenario.names?.[scenarioAddress] ?? scenarioAddress,
      kind: options.kinds?.[scenarioAddress] ?? "unknown",
      safe: actor.safe,
    });
  }
  const chainAddress = (a: Address) => {
    const actor = actors.get(a.toLowerCase() as Address);
    if (actor === undefined) throw new Error(`scenario address ${a} has no organization`);
    return actor.address;
  };

  let gasUsed = 0n;
  for (const from of addresses) {
    const row = scenario.recognition[from];
    if (row === undefined) continue;
    const entries = Object.entries(row).filter(([, p]) => p > 0n);
    if (entries.length === 0) continue;
    const sent = await actors.get(from)!.act("SetRecognition", {
      recipients: entries.map(([to]) => chainAddress(to as Address)),
      points: entries.map(([, p]) => p),
    });
    gasUsed += sent.receipt.gasUsed;
  }
  const capacityIds = new Map<string, bigint>();
  for (const c of scenario.capacities) {
    const sent = await actors.get(c.provider)!.act("DeclareCapacity", { capacity: capacityTerms(c, chainAddress) });
    capacityIds.set(c.id, sent.events.find((e) => e.eventName === "CapacityDeclared")!.args.capacityId as bigint);
    gasUsed += sent.receipt.gasUsed;
  }
  const needIds = new Map<string, bigint>();
  for (const n of scenario.needs) {
    const sent = await actors.get(n.recipient)!.act("DeclareNeed", { need: needTerms(n) });
    needIds.set(n.id, sent.events.find((e) => e.eventName === "NeedDeclared")!.args.needId as bigint);
    gasUsed += sent.receipt.gasUsed;
  }
  return { organizations, actors, relayer, capacityIds, needIds, gasUsed };
}
