import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
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

export default defineConfig({
  plugins: [
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
    // Any EVM chain by RPC URL. FA_RPC_URL and FA_PRIVATE_KEY come from the
    // environment or Hardhat's keystore (`npx hardhat keystore set FA_PRIVATE_KEY`).
    remote: {
      type: "http",
      chainType: "l1",
      url: process.env.FA_RPC_URL ?? "http://127.0.0.1:8545",
      accounts: process.env.FA_PRIVATE_KEY ? [process.env.FA_PRIVATE_KEY] : [],
    },
  },
});
