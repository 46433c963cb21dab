import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Deploys the whole Free-Association contract set: the three signal registries,
 * the round schedule and the allocation ledger wired to them.
 *
 * Parameters: `start` (unix seconds, required: when round 1 opens; round r then
 * opens at start + (r - 1) * roundLength, nobody opens it) and `roundLength`
 * (seconds, default one day).
 */
export default buildModule("FreeAssociation", (m) => {
  const start = m.getParameter<bigint>("start");
  const roundLength = m.getParameter("roundLength", 86_400n);

  const recognition = m.contract("RecognitionRegistry");
  const capacities = m.contract("CapacityRegistry");
  const needs = m.contract("NeedRegistry");
  const rounds = m.contract("Rounds", [start, roundLength]);
  const ledger = m.contract("AllocationLedger", [rounds, capacities, needs]);

  return { recognition, capacities, needs, rounds, ledger };
});
