import { expect } from "chai";
import { network } from "hardhat";
import { getAddress } from "viem";
import FreeAssociation from "../ignition/modules/FreeAssociation.js";

const { ignition } = await network.create();

describe("deployment (Ignition module FreeAssociation)", () => {
  it("deploys the five contracts and wires the ledger to the rounds and both registries", async () => {
    const { recognition, capacities, needs, rounds, ledger } = await ignition.deploy(FreeAssociation, {
      parameters: { FreeAssociation: { start: 1_798_761_600n, roundLength: 3_600n } },
    });
    expect(getAddress(await ledger.read.rounds())).to.equal(getAddress(rounds.address));
    expect(getAddress(await ledger.read.capacities())).to.equal(getAddress(capacities.address));
    expect(getAddress(await ledger.read.needs())).to.equal(getAddress(needs.address));
    expect(await rounds.read.roundLength()).to.equal(3_600n);
    expect(await rounds.read.start()).to.equal(1_798_761_600n);
    expect(await recognition.read.MAX_RECOGNITION_ENTRIES()).to.equal(256n);
  });

  it("defaults the round length to one day (the start has no default: it is the deployer's choice)", async () => {
    const { rounds } = await ignition.deploy(FreeAssociation, { parameters: { FreeAssociation: { start: 1_798_761_600n } } });
    expect(await rounds.read.roundLength()).to.equal(86_400n);
  });
});
