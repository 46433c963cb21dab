import { createRequire } from "node:module";
import { configVariable, defineConfig } from "hardhat/config";
import type { HardhatPlugin } from "hardhat/types/plugins";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatIgnitionViem from "@nomicfoundation/hardhat-ignition-viem";
import hardhatKeystore from "@nomicfoundation/hardhat-keystore";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

// Hardhat cannot download compilers on offline machines; the npm `solc`
// package ships the exact version we pin, as WebAssembly.
const require = createRequire(import.meta.url);
const solcVersion: string = require("solc/package.json").version;
const solcPath = require.resolve("solc/soljson.js");

const compiler = {
  version: solcVersion,
  path: solcPath,
  settings: {
    optimizer: { enabled: true, runs: 10_000 },
    evmVersion: "cancun",
  },
};

// On the `anvil` network, a sent transaction returns once mined, as on EDR (see the hook's comment).
const anvilMinedOnReturn: HardhatPlugin = {
  id: "free-association-anvil-mined-on-return",
  hookHandlers: { network: () => import("./scripts/test/minedOnReturn.js") },
};

export default defineConfig({
  plugins: [
    anvilMinedOnReturn,
    hardhatViem,
    hardhatViemAssertions,
    hardhatMocha,
    hardhatIgnitionViem,
    hardhatKeystore,
    hardhatNetworkHelpers,
  ],
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
    npmFilesToBuild: [
      "@safe-global/safe-contracts/contracts/Safe.sol",
      "@safe-global/safe-contracts/contracts/proxies/SafeProxyFactory.sol",
      "@safe-global/safe-contracts/contracts/handler/CompatibilityFallbackHandler.sol",
    ],
  },
  paths: {
    tests: { mocha: "test", solidity: "contracts" },
  },
  networks: {
    hardhatMainnet: { type: "edr-simulated", chainType: "l1" },
    // The second EVM: an Anvil node started by scripts/test/anvil.ts (`npm run test:anvil`),
    // which sets FA_ANVIL_URL; the integration tests run on it with `--network anvil`.
    anvil: {
      type: "http",
      chainType: "l1",
      url: process.env.FA_ANVIL_URL ?? "http://127.0.0.1:8545",
    },
    // Any EVM chain by RPC URL. Both values are read lazily, only when this
    // network is used: from the environment, or from Hardhat's encrypted
    // keystore (`npx hardhat keystore set FA_PRIVATE_KEY`). Nothing secret
    // lives in the repository.
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("FA_RPC_URL"),
      accounts: [configVariable("FA_PRIVATE_KEY")],
    },
  },
});
