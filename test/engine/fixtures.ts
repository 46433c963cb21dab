/** Shared test fixtures: readable addresses and scenario builders. */
import type { Address, Capacity, Need, Scenario } from "../../sdk/core/index.js";

/** addr(1) = 0x00…01: short, readable, and sorted like their numbers. */
export function addr(i: number): Address {
  return `0x${i.toString(16).padStart(40, "0")}` as Address;
}

export function cap(id: string, provider: Address, quantity: bigint, extra: Partial<Capacity> = {}): Capacity {
  return { id, provider, type: "WASH", unit: "L", quantity, ...extra };
}

export function need(id: string, recipient: Address, quantity: bigint, extra: Partial<Need> = {}): Need {
  return { id, recipient, type: "WASH", unit: "L", quantity, ...extra };
}

export function scenario(
  recognition: Scenario["recognition"],
  capacities: Capacity[],
  needs: Need[],
): Scenario {
  return { recognition, capacities, needs };
}

/** amount allocated from capacity `c` to need `n` in a result (0 if none). */
export function amountOf(result: { allocations: readonly { capacity: string; need: string; amount: bigint }[] }, c: string, n: string): bigint {
  return result.allocations.find((a) => a.capacity === c && a.need === n)?.amount ?? 0n;
}

/**
 * S1 (issue 9): one capacity, minUnit 1, tier 1. P gives X 10, K 41, Y 93 points (144); X and Y
 * give P less than P gives them, so their MR is their own share (X 1/27, Y 3/10) and stays; K gives
 * P everything, so K's MR is P's share 41/144, which raising p[P][X] 10 -> 30 lowers to 41/164 = 36/144.
 */
export function s1Scenario(pPX: bigint): Scenario {
  const P = addr(1), X = addr(2), K = addr(3), Y = addr(4), F = addr(9);
  return {
    recognition: { [P]: { [X]: pPX, [K]: 41n, [Y]: 93n }, [X]: { [P]: 1n, [F]: 26n }, [K]: { [P]: 1n }, [Y]: { [P]: 3n, [F]: 7n } },
    capacities: [{ id: "c1", provider: P, type: "WASH", unit: "L", quantity: 9n }],
    needs: [
      need("nX", X, 23n),
      need("nK", K, 21n),
      need("nY", Y, 19n),
    ],
  };
}

/** L1 (docs/protocol.md §8): several providers; A = addr(2) gives B = addr(4) pAB points, B's own capacity c1 also serves B. */
export function l1Scenario(pAB: bigint): Scenario {
  const A = addr(2), B = addr(4);
  return scenario(
    { [A]: { [A]: 1n, [B]: pAB }, [B]: { [B]: 1n, [A]: 1n } },
    [cap("c0", A, 19n), cap("c1", B, 2n), cap("c2", A, 23n)],
    [need("n0", B, 20n), need("n1", A, 3n)],
  );
}

/** L2 (docs/protocol.md §8): one provider P = addr(1) with a coarse capacity (minUnit 3) and a fine one; X = addr(4) gets pPX points. */
export function l2Scenario(pPX: bigint): Scenario {
  const P = addr(1), X = addr(4), Y = addr(3);
  return scenario(
    { [P]: { [X]: pPX, [Y]: 3n }, [X]: { [P]: 1n, [addr(2)]: 5n }, [Y]: { [P]: 1n } },
    [cap("c0", P, 27n, { minUnit: 3n }), cap("c1", P, 24n)],
    [need("n0", X, 16n), need("n1", Y, 17n), need("n2", Y, 8n), need("n3", X, 9n)],
  );
}
