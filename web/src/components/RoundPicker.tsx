import { useEffect, useState } from "react";
import { useRounds } from "../state.js";

/** The round a page looks at: the current one unless the user picks an earlier one. */
export function useRoundChoice(): [bigint | undefined, (r: bigint) => void] {
  const rounds = useRounds();
  const current = rounds.data?.current;
  const [picked, setPicked] = useState<bigint>();
  useEffect(() => { setPicked(undefined); }, [current]);
  return [picked ?? (current && current > 0n ? current : undefined), setPicked];
}

export function RoundPicker({ value, onChange }: { value: bigint | undefined; onChange: (r: bigint) => void }) {
  const rounds = useRounds();
  const list = rounds.data?.rounds ?? [];
  if (list.length === 0) return null;
  return (
    <label className="field inline"><span>Round</span>
      <select value={value?.toString()} onChange={(e) => onChange(BigInt(e.target.value))} data-testid="round-picker">
        {[...list].reverse().map((r) => (
          <option key={String(r.round)} value={String(r.round)}>#{String(r.round)} · snapshot {new Date(Number(r.snapshotTime) * 1000).toLocaleString()} (block {String(r.snapshotBlock)}){r.round === rounds.data!.current ? " (current)" : ""}</option>
        ))}
      </select>
    </label>
  );
}
