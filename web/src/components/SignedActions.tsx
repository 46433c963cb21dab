import { useState } from "react";
import type { Address, Hex } from "viem";
import { payloadToJson, useActions, type SignedPayload } from "../actions.js";

/**
 * Signatures made in "sign" mode, ready to relay: by this browser with any connected account, or
 * by anyone else from the JSON (paste it here in their browser, or submit it with the `fa` CLI).
 */
export function SignedActions() {
  const { signed, relay, clearSigned, mode } = useActions();
  const [pasted, setPasted] = useState("");
  const [parseError, setParseError] = useState<string>();
  if (signed.length === 0 && mode !== "sign") return null;

  function relayPasted() {
    try {
      const raw = JSON.parse(pasted, (_k, v) => (typeof v === "string" && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
      if (typeof raw.address !== "string" || typeof raw.functionName !== "string" || !Array.isArray(raw.args)) {
        throw new Error("expected {address, functionName, args}");
      }
      if (!raw.functionName.endsWith("BySig")) throw new Error(`${raw.functionName} is not a relayed (…BySig) action`);
      setParseError(undefined);
      // The ABI is resolved from the address by the action layer's contract map.
      void relay({ label: String(raw.label ?? raw.functionName), signer: raw.signer as Address, call: { address: raw.address as Address, abi: abiByFunction(raw.functionName), functionName: raw.functionName, args: raw.args } });
    } catch (error) {
      setParseError(`Cannot read this payload: ${(error as Error).message}`);
    }
  }

  return (
    <section className="card signed" aria-labelledby="signed-title">
      <h2 id="signed-title">Signed actions</h2>
      <p className="hint">
        In “Sign for relaying” mode every action is an EIP-712 signature (a Safe collects its owners’ signatures and
        validates them via ERC-1271). Anyone may submit it; the contract acts for the signer only.
      </p>
      {signed.map((p: SignedPayload, i) => (
        <div key={i} className="signed-item">
          <div className="row spread">
            <strong>{p.label}</strong>
            <div className="row">
              <button onClick={() => navigator.clipboard?.writeText(payloadToJson(p))}>Copy JSON</button>
              <button className="primary" onClick={async () => { if (await relay(p)) clearSigned(i); }}>Relay now</button>
            </div>
          </div>
          <pre>{payloadToJson(p)}</pre>
        </div>
      ))}
      <label className="field">
        <span>Relay a signed action (paste its JSON)</span>
        <textarea rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </label>
      {parseError && <p className="error" role="alert">{parseError}</p>}
      <button disabled={!pasted} onClick={relayPasted}>Relay pasted action</button>
    </section>
  );
}

import { capacitiesAbi, ledgerAbi, needsAbi, recognitionAbi } from "../chain/abi.js";
function abiByFunction(name: string) {
  for (const abi of [recognitionAbi, capacitiesAbi, needsAbi, ledgerAbi]) {
    if (abi.some((x) => x.type === "function" && x.name === name)) return abi;
  }
  throw new Error(`unknown function ${name}`);
}
export type { Hex };
