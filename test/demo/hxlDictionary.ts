/**
 * The HXL 1.1 hashtag dictionary (hxlstandard.org/standard/1-1final/dictionary/), written down as
 * data: each core hashtag with the attributes the dictionary associates with it. Source: the
 * dictionary's hashtag and attribute sections ("Associated hashtags" of each attribute, "since HXL
 * 1.0/1.1"), as transcribed in rubycocos/csvreader csvhuman/config/tags.csv and attributes.csv
 * (commit 6373eb4b), checked against HXLStandard/gen-hxl-dict's 1.1beta dictionary (commit
 * b320557) for the 1.0 hashtags. The exporters' tests check every column against this list, so a
 * made-up hashtag or attribute fails.
 */
const PLACE = ["code", "dest", "name", "origin"];
const PEOPLE = ["abducted", "adolescents", "adults", "children", "displaced", "elderly", "f", "hh", "i", "idps", "incamp", "ind", "infants", "infected", "injured", "m", "noncamp", "refugees"];
const CLASSIFIED = ["code", "name", "type"];

export const HXL_DICTIONARY: Readonly<Record<string, readonly string[]>> = {
  // 1. Places
  adm1: PLACE,
  adm2: PLACE,
  adm3: PLACE,
  adm4: PLACE,
  adm5: PLACE,
  country: PLACE,
  geo: ["bounds", "coord", "elevation", "lat", "lon"],
  loc: [...PLACE, "type"],
  region: PLACE,
  // 2. People and households
  affected: [...PEOPLE, "killed"],
  beneficiary: CLASSIFIED,
  inneed: PEOPLE,
  population: PEOPLE.filter((a) => !["abducted", "infected", "injured"].includes(a)),
  reached: PEOPLE,
  respondee: [],
  targeted: PEOPLE,
  // 3. Responses and other operations
  access: ["type"],
  activity: ["activity", "code", "name", "programme", "project", "type", "url"],
  capacity: ["num", "type"],
  contact: ["email", "name", "phone", "type", "url"],
  frequency: ["type"],
  indicator: ["code", "name", "num", "text", "type"],
  item: ["code", "name", "provided", "type", "used"],
  need: CLASSIFIED,
  operations: ["type"],
  org: ["code", "funder", "impl", "name", "prog", "type", "url"],
  output: ["code", "name", "num", "type"],
  sector: ["cluster", "code", "name", "type"],
  service: ["code", "name", "provided", "type", "url", "used"],
  subsector: CLASSIFIED,
  // 4. Cash and finance
  channel: ["code", "name"],
  currency: ["code"],
  modality: ["code", "name"],
  value: [],
  // 5. Crises, incidents, and events
  cause: CLASSIFIED,
  crisis: CLASSIFIED,
  event: CLASSIFIED,
  group: CLASSIFIED,
  impact: CLASSIFIED,
  severity: CLASSIFIED,
  // 6. Metadata
  date: ["approved", "canceled", "converted", "end", "occurred", "reported", "start"],
  description: ["type"],
  meta: ["id", "source", "url"],
  status: ["code", "name"],
};

/** Why `tagspec` ("#org+impl+name") is not in the dictionary, or undefined when every part is. */
export function hxlProblem(tagspec: string): string | undefined {
  const m = /^#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$/.exec(tagspec);
  if (m === null) return `${JSON.stringify(tagspec)} is not a hashtag spec (#tag+attribute…)`;
  const allowed = HXL_DICTIONARY[m[1]];
  if (allowed === undefined) return `#${m[1]} is not an HXL 1.1 core hashtag`;
  const attributes = m[2].split("+").filter((a) => a !== "");
  const bad = attributes.filter((a) => !allowed.includes(a));
  if (bad.length > 0) return `${bad.map((a) => `+${a}`).join(", ")} not associated with #${m[1]} in the HXL 1.1 dictionary`;
  if (new Set(attributes).size !== attributes.length) return `${tagspec} repeats an attribute`;
  return undefined;
}
