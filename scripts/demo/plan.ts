/**
 * What happens in the demo beyond the signals of the scenario file: who signs through a Safe, who
 * tampers, who fails to deliver, who delivers or confirms only part, and the signal changes
 * between rounds. Organizations and capacities are named by their scenario address and id
 * (examples/cyclone.json), so a plan reads like the story it tells.
 */
import type { Address } from "viem";
import type { OrganizationKind } from "./model.js";

/** A fraction num/den of an amount (floored). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export interface DemoPlan {
  readonly rounds: number;
  /** Organization kinds for the report (by scenario address; default "unknown"). */
  readonly kinds: Readonly<Record<Address, OrganizationKind>>;
  /** The organization that signs through a 2-of-3 Safe: its actions are EIP-712 signatures relayed by a relayer. */
  readonly safeOrganization?: Address;
  /** In `round`, `organization` commits for `capacity` a root that gives its own needs everything it can. */
  readonly tampering?: { readonly round: number; readonly organization: Address; readonly capacity: string };
  /** Providers that deliver nothing in the given round. */
  readonly failures: readonly { readonly round: number; readonly organization: Address }[];
  /** Providers that deliver only a fraction of every leaf (all rounds unless `round` is set). */
  readonly partialDeliveries: readonly { readonly organization: Address; readonly fraction: Fraction; readonly round?: number }[];
  /** Recipients that confirm only a fraction of what was delivered (spoilage, losses). */
  readonly partialReceipts: readonly { readonly organization: Address; readonly fraction: Fraction }[];
  /** Before `round` opens: `from` revokes its recognition of `to`. */
  readonly revocations: readonly { readonly round: number; readonly from: Address; readonly to: Address }[];
  /** Before `round` opens: the provider revokes (withdraws) capacity `capacity`. */
  readonly capacityWithdrawals: readonly { readonly round: number; readonly capacity: string }[];
}

const ORG = {
  echo: "0x1000000000000000000000000000000000000001",
  unicef: "0x2000000000000000000000000000000000000001",
  wfp: "0x2000000000000000000000000000000000000002",
  who: "0x2000000000000000000000000000000000000003",
  unhcr: "0x2000000000000000000000000000000000000004",
  iom: "0x2000000000000000000000000000000000000005",
  oxfam: "0x3000000000000000000000000000000000000001",
  msf: "0x3000000000000000000000000000000000000002",
  save: "0x3000000000000000000000000000000000000003",
  care: "0x3000000000000000000000000000000000000004",
  worldVision: "0x3000000000000000000000000000000000000005",
  redCross: "0x3000000000000000000000000000000000000006",
  ingd: "0x4000000000000000000000000000000000000001",
  misau: "0x4000000000000000000000000000000000000002",
  nhamatanda: "0x4000000000000000000000000000000000000005",
  buzi: "0x4000000000000000000000000000000000000006",
  chimoio: "0x4000000000000000000000000000000000000010",
  muanzaFishers: "0x5000000000000000000000000000000000000004",
} as const satisfies Record<string, Address>;

/** Kind by the first hex digit of the cyclone scenario's addresses (1 donor, 2 UN, 3 INGO, 4 government, 5 community). */
function cycloneKinds(): Record<Address, OrganizationKind> {
  const kinds: Record<Address, OrganizationKind> = {};
  const byDigit: Record<string, OrganizationKind> = { "1": "donor", "2": "un", "3": "ingo", "4": "government", "5": "community" };
  for (let digit = 1; digit <= 5; digit++) {
    for (let i = 1; i <= 20; i++) {
      const address = `0x${digit}${"0".repeat(37)}${String(i).padStart(2, "0")}` as Address;
      kinds[address] = byDigit[String(digit)];
    }
  }
  return kinds;
}

/** The cyclone-response story (docs/demo.md). */
export const cyclonePlan: DemoPlan = {
  rounds: 3,
  kinds: cycloneKinds(),
  safeOrganization: ORG.buzi,
  tampering: { round: 2, organization: ORG.nhamatanda, capacity: "nhamatanda-grain-reserve" },
  failures: [{ round: 2, organization: ORG.worldVision }],
  partialDeliveries: [
    { organization: ORG.oxfam, fraction: { num: 3n, den: 5n } },
    { organization: ORG.iom, fraction: { num: 3n, den: 4n }, round: 1 },
    { organization: ORG.wfp, fraction: { num: 9n, den: 10n }, round: 3 },
  ],
  partialReceipts: [{ organization: ORG.chimoio, fraction: { num: 9n, den: 10n } }],
  revocations: [{ round: 3, from: ORG.wfp, to: ORG.muanzaFishers }],
  capacityWithdrawals: [{ round: 3, capacity: "msf-beira" }],
};
