import { expect } from "chai";
import { network } from "hardhat";
import { getAddress } from "viem";
import { FAR_DEADLINE, actionDigest, capacityInput, needInput } from "./helpers/registries.js";
import { deploySafe, deploySafeInfrastructure, signHashAsSafe } from "./helpers/safe.js";
import { nonceFor, sequenceOf } from "./helpers/nonces.js";

const { viem, networkHelpers } = await network.create();

async function deployFixture() {
  const [owner1, owner2, owner3, outsider, relayer] = await viem.getWalletClients();
  const infrastructure = await deploySafeInfrastructure(viem);
  const safe = await deploySafe(
    viem,
    [owner1, owner2, owner3].map((w) => w.account.address),
    2,
    infrastructure,
  );
  const chainId = await (await viem.getPublicClient()).getChainId();
  const client = { client: { wallet: relayer } };
  const recognition = await viem.deployContract("RecognitionRegistry", [], client);
  const capacities = await viem.deployContract("CapacityRegistry", [], client);
  const needs = await viem.deployContract("NeedRegistry", [], client);
  return { safe, owner1, owner2, owner3, outsider, chainId, recognition, capacities, needs };
}

describe("ERC-1271 relaying with a Safe 1.4.1 (2 of 3)", () => {
  it("is a real Safe with three owners and threshold 2", async () => {
    const { safe, owner1, owner2, owner3 } = await networkHelpers.loadFixture(deployFixture);
    expect(await safe.read.getThreshold()).to.equal(2n);
    expect(await safe.read.VERSION()).to.equal("1.4.1");
    const owners = (await safe.read.getOwners()) as string[];
    expect(owners.map((o) => o.toLowerCase()).sort()).to.deep.equal(
      [owner1, owner2, owner3].map((w) => w.account.address.toLowerCase()).sort(),
    );
  });

  it("sets the Safe's recognition with two owner signatures", async () => {
    const { safe, owner1, owner3, chainId, recognition } = await networkHelpers.loadFixture(deployFixture);
    const [x, y] = ["0x00000000000000000000000000000000000000a1", "0x00000000000000000000000000000000000000b2"] as const;
    const message = { signer: safe.address, recipients: [x, y], points: [3n, 1n], nonce: await nonceFor(recognition, safe.address, "SetRecognition", {}), deadline: FAR_DEADLINE };
    const digest = actionDigest({ chainId, registry: recognition.address }, "SetRecognition", message);
    const signature = await signHashAsSafe(safe.address, chainId, digest, [owner3, owner1]);
    await viem.assertions.emitWithArgs(
      recognition.write.setRecognitionBySig([safe.address, [x, y], [3n, 1n], FAR_DEADLINE, signature]),
      recognition,
      "RecognitionSet",
      [getAddress(safe.address), [getAddress(x), getAddress(y)], [3n, 1n]],
    );
    expect(await recognition.read.totalRecognition([safe.address])).to.equal(4n);
    expect(sequenceOf(await nonceFor(recognition, safe.address, "SetRecognition", {}))).to.equal(1n);
  });

  it("declares and revokes a capacity and a need as the Safe", async () => {
    const { safe, owner1, owner2, chainId, capacities, needs } = await networkHelpers.loadFixture(deployFixture);
    const capTarget = { chainId, registry: capacities.address };
    const input = capacityInput({ recurring: true });
    const declare = await signHashAsSafe(
      safe.address,
      chainId,
      actionDigest(capTarget, "DeclareCapacity", { signer: safe.address, capacity: input, nonce: await nonceFor(capacities, safe.address, "DeclareCapacity", {}), deadline: FAR_DEADLINE }),
      [owner1, owner2],
    );
    await capacities.write.declareCapacityBySig([safe.address, input, FAR_DEADLINE, declare]);
    expect(await capacities.read.capacityTerms([1n])).to.deep.equal([getAddress(safe.address), 5_000n, true, true]);
    const revoke = await signHashAsSafe(
      safe.address,
      chainId,
      actionDigest(capTarget, "RevokeCapacity", { signer: safe.address, capacityId: 1n, nonce: await nonceFor(capacities, safe.address, "RevokeCapacity", { capacityId: 1n }), deadline: FAR_DEADLINE }),
      [owner1, owner2],
    );
    await capacities.write.revokeCapacityBySig([safe.address, 1n, FAR_DEADLINE, revoke]);
    expect((await capacities.read.capacityTerms([1n]))).to.deep.equal([getAddress(safe.address), 5_000n, true, false]);

    const need = needInput();
    const declareNeed = await signHashAsSafe(
      safe.address,
      chainId,
      actionDigest({ chainId, registry: needs.address }, "DeclareNeed", {
        signer: safe.address,
        need,
        nonce: await nonceFor(needs, safe.address, "DeclareNeed", {}),
        deadline: FAR_DEADLINE,
      }),
      [owner2, owner1],
    );
    await needs.write.declareNeedBySig([safe.address, need, FAR_DEADLINE, declareNeed]);
    expect(await needs.read.needTerms([1n])).to.deep.equal([getAddress(safe.address), 1_200n, true]);
  });

  it("rejects fewer signatures than the threshold", async () => {
    const { safe, owner1, chainId, recognition } = await networkHelpers.loadFixture(deployFixture);
    const digest = actionDigest({ chainId, registry: recognition.address }, "RevokeAllRecognition", {
      signer: safe.address,
      nonce: await nonceFor(recognition, safe.address, "RevokeAllRecognition", {}),
      deadline: FAR_DEADLINE,
    });
    const signature = await signHashAsSafe(safe.address, chainId, digest, [owner1]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      recognition.write.revokeAllRecognitionBySig([safe.address, FAR_DEADLINE, signature]),
      recognition,
      "InvalidSignature",
      [getAddress(safe.address)],
    );
  });

  it("rejects a signature that includes a non-owner", async () => {
    const { safe, owner1, outsider, chainId, recognition } = await networkHelpers.loadFixture(deployFixture);
    const digest = actionDigest({ chainId, registry: recognition.address }, "RevokeAllRecognition", {
      signer: safe.address,
      nonce: await nonceFor(recognition, safe.address, "RevokeAllRecognition", {}),
      deadline: FAR_DEADLINE,
    });
    const signature = await signHashAsSafe(safe.address, chainId, digest, [owner1, outsider]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      recognition.write.revokeAllRecognitionBySig([safe.address, FAR_DEADLINE, signature]),
      recognition,
      "InvalidSignature",
      [getAddress(safe.address)],
    );
  });

  it("rejects owner signatures over a different action", async () => {
    const { safe, owner1, owner2, chainId, recognition } = await networkHelpers.loadFixture(deployFixture);
    const b = "0x00000000000000000000000000000000000000b2" as const;
    const digest = actionDigest({ chainId, registry: recognition.address }, "SetRecognitionEntry", {
      signer: safe.address,
      recipient: b,
      points: 1n,
      nonce: await nonceFor(recognition, safe.address, "SetRecognitionEntry", {}),
      deadline: FAR_DEADLINE,
    });
    const signature = await signHashAsSafe(safe.address, chainId, digest, [owner1, owner2]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      recognition.write.setRecognitionEntryBySig([safe.address, b, 2n, FAR_DEADLINE, signature]),
      recognition,
      "InvalidSignature",
      [getAddress(safe.address)],
    );
    // The same signature is valid for the action the owners approved.
    await recognition.write.setRecognitionEntryBySig([safe.address, b, 1n, FAR_DEADLINE, signature]);
    expect(await recognition.read.recognitionOf([safe.address, b])).to.equal(1n);
  });
});
