/**
 * Validation against the IATI 2.03 activity schema as the standard publishes it: the unmodified
 * XSDs in ../shared/standards/iati-2.03/ (FA_IATI_SCHEMA_DIR overrides), run by libxml2 compiled to
 * WebAssembly (npm xmllint-wasm, so no system package is needed). A user's clone has no ../shared:
 * `iatiSchemaDir()` is then undefined and the tests skip by name, saying why.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const FILES = ["iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd"] as const;

/** The schema folder, or undefined when it is not beside the repository. */
export function iatiSchemaDir(): string | undefined {
  const dir = process.env.FA_IATI_SCHEMA_DIR ?? path.resolve("..", "shared", "standards", "iati-2.03");
  return FILES.every((f) => existsSync(path.join(dir, f))) ? dir : undefined;
}

export const MISSING_SCHEMA = "the IATI 2.03 schema is not at ../shared/standards/iati-2.03 (set FA_IATI_SCHEMA_DIR): schema validation skipped";

/** libxml2's verdict on `xml` against iati-activities-schema.xsd; errors as "line N: message". */
export async function validateIati(xml: string, dir: string): Promise<{ valid: boolean; errors: string[] }> {
  const [main, ...rest] = FILES.map((fileName) => ({ fileName, contents: readFileSync(path.join(dir, fileName), "utf8") }));
  const result = await validateXML({ xml: [{ fileName: "activities.xml", contents: xml }], schema: [main], preload: rest });
  return { valid: result.valid, errors: result.errors.map((e) => `line ${e.loc?.lineNumber ?? "?"}: ${e.message}`) };
}
