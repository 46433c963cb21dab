import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Deploys the whole Free-Association contract set: the three signal registries,
 * the round clock and the allocation ledger wired to them.
 *
 * Parameter `roundLength` (seconds, default one day) sets how long a round runs
 * before anyone may open the next one.
 */
export default buildModule("FreeAssociation", (m) => {
  const roundLength = m.getParameter("roundLength", 86_400n);

  const recognition = m.contract("RecognitionRegistry");
  const capacities = m.contract("CapacityRegistry");
  const needs = m.contract("NeedRegistry");
  const rounds = m.contract("Rounds", [roundLength]);
  const ledger = m.contract("AllocationLedger", [rounds, capacities, needs]);

  return { recognition, capacities, needs, rounds, ledger };
});
