/**
 * End to end in headless Chromium against a local Hardhat node: the whole life of one allocation
 * through the dapp's UI only. Runs with `npm run test:e2e` (FA_E2E=1); skipped inside `npm test`.
 * Screenshots: every step to test-results/; with FA_DOCS_SCREENSHOTS=1 also the four pages to docs/screenshots/.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { chromium, type Browser, type Page } from "playwright-core";
import { freePort, startNode, deployAndSeed, waitFor, type LocalNode } from "../../scripts/web/localChain.js";
import { DEV_ACCOUNTS } from "../../scripts/web/seed.js";
import { iatiSchemaDir, validateIati } from "../helpers/iatiSchema.js";

const root = new URL("../../", import.meta.url);
const resultsDir = new URL("test-results/", root);
const docsDir = new URL("docs/screenshots/", root);
// The page screenshots in docs/ are refreshed only on request, so a test run leaves the tree clean.
const refreshDocs = process.env.FA_DOCS_SCREENSHOTS === "1";
const enabled = process.env.FA_E2E === "1";
// Debian's chromium by default; CHROMIUM_PATH points elsewhere (playwright cannot download browsers here).
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

(enabled ? describe : describe.skip)("dapp end to end (headless Chromium)", function () {
  let node: LocalNode | undefined;
  let server: ChildProcess | undefined;
  let appUrl = "";
  let browser: Browser | undefined;
  let page: Page;
  let step = 0;

  async function shot(name: string, docs?: string) {
    step++;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: fileURLToPath(new URL(`${String(step).padStart(2, "0")}-${name}.png`, resultsDir)), fullPage: true });
    if (docs && refreshDocs) await page.screenshot({ path: fileURLToPath(new URL(`${docs}.png`, docsDir)), fullPage: true });
  }

  /** Waits for the newest toast to settle and requires success; fails with the toast's text otherwise. */
  async function expectSuccess(what: string) {
    await page.waitForFunction(() => {
      const toasts = document.querySelectorAll(".toast");
      const last = toasts[toasts.length - 1];
      return last !== undefined && last.getAttribute("data-testid") !== "toast-pending";
    }, undefined, { timeout: 30_000 });
    const newest = page.locator(".toast").last();
    expect(await newest.getAttribute("data-testid"), `${what}: ${await newest.innerText()}`).to.equal("toast-success");
    await dismissToasts();
  }

  async function dismissToasts() {
    await page.locator('.toast button[aria-label="Dismiss"]').evaluateAll((bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
  }

  async function connectAs(index: number) {
    if (await page.getByRole("button", { name: "Disconnect" }).isVisible()) await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("button", { name: "Connect wallet" }).click();
    const option = page.getByLabel("Act as").locator("option", { hasText: new RegExp(`^Dev account #${index} `) });
    await page.getByLabel("Act as").selectOption(await option.getAttribute("value"));
    await page.getByRole("button", { name: "Connect dev account" }).click();
    await page.getByTestId("account").waitFor();
  }

  async function go(hash: string) {
    await page.goto(`${appUrl}#/${hash}`);
  }

  before(async function () {
    this.timeout(200_000);
    await mkdir(resultsDir, { recursive: true });
    await mkdir(docsDir, { recursive: true });
    // Compiles only what changed (a few seconds when nothing did): the deployed bytecode is current.
    execFileSync("npx", ["hardhat", "build", "--quiet"], { cwd: fileURLToPath(root), stdio: "inherit" });
    node = await startNode(await freePort());
    // Vite runs as its own process (as `npm run build:web` does): the built app is what is tested.
    execFileSync("npx", ["vite", "build", "web", "--logLevel", "warn"], { cwd: fileURLToPath(root), stdio: "inherit" });
    await deployAndSeed(node.url, new URL("web/dist/deployment.json", root), 60n);
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}/`;
    server = spawn("npx", ["vite", "preview", "web", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], { cwd: fileURLToPath(root), stdio: "ignore", detached: true });
    await waitFor("vite preview", async () => fetch(appUrl).then((r) => r.ok, () => false), 30_000);
    // playwright gives every launch a fresh temporary profile (no --user-data-dir needed).
    if (!existsSync(chromiumPath)) {
      throw new Error(`no Chromium at ${chromiumPath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`);
    }
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => console.error("page error:", e.message));
  });

  after(async function () {
    await browser?.close();
    if (server?.pid !== undefined && server.exitCode === null) {
      try { process.kill(-server.pid, "SIGTERM"); } catch { /* already gone */ }
    }
    node?.stop();
  });

  it("shows the seeded organizations' gaps and flows on the overview", async () => {
    await go("overview");
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.getByRole("heading", { name: "Gaps by location and sector" }).waitFor();
    await page.locator("svg.sankey").waitFor();
    expect(await page.getByTestId("current-round").innerText()).to.contain("none yet");
  });

  it("connects the dev wallet and publishes recognition with live shares", async () => {
    await connectAs(2);
    expect(await page.getByTestId("account").innerText()).to.contain("Buzi Shelter Network");
    await go("org");
    await page.getByRole("heading", { name: "Recognition" }).waitFor();
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByLabel("Partner 1 address").fill("not an address");
    expect(await page.getByText("not an address (0x followed by 40 hex digits)").isVisible()).to.equal(true);
    expect(await page.getByRole("button", { name: "Publish recognition" }).isDisabled()).to.equal(true);
    await page.getByLabel("Partner 1 address").fill(DEV_ACCOUNTS[0]);
    await page.getByLabel("Points for partner 1").fill("30");
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByLabel("Partner 2 address").fill(DEV_ACCOUNTS[3]);
    await page.getByLabel("Points for partner 2").fill("10");
    expect(await page.getByTestId("share-0").innerText()).to.equal("75.0 %");
    expect(await page.getByTestId("share-1").innerText()).to.equal("25.0 %");
    await page.getByRole("button", { name: "Publish recognition" }).click();
    await expectSuccess("publish recognition");
  });

  it("declares a need with validation", async () => {
    const form = page.getByRole("form", { name: "Need form" });
    await form.getByLabel("Unit").fill("litre");
    await form.getByLabel("Quantity").fill("0");
    expect(await form.getByText("A whole number above 0").isVisible()).to.equal(true);
    await form.getByLabel("Quantity").fill("5000");
    await form.getByLabel("Location").fill("MZ-P-02");
    await form.getByRole("button", { name: "Declare need" }).click();
    await expectSuccess("declare need");
    await page.getByTestId("need-list").getByText("5,000 litre · WASH").waitFor();
    await shot("organization", "organization");
  });

  it("opens a round (anyone may)", async () => {
    await go("overview");
    await page.getByRole("button", { name: "Open round 1" }).click();
    await expectSuccess("open round");
    await page.getByTestId("current-round").getByText("#1").waitFor();
    await shot("overview", "overview");
  });

  it("commits as the provider and records a delivery with its Merkle proof", async () => {
    await connectAs(1);
    await go("allocations");
    const block = page.getByTestId("give-1");
    await block.getByRole("button", { name: /Commit this round/ }).click();
    await expectSuccess("commit");
    await block.getByTestId("verification").getByText("✓ match").waitFor();
    const row = block.getByRole("row").filter({ hasText: "Buzi Shelter Network" });
    await row.getByRole("button", { name: "Deliver" }).click();
    await expectSuccess("record delivery");
    await row.getByText("delivered ✓").waitFor();
    await shot("allocations-provider", "allocations");
  });

  it("confirms receipt as the recipient", async () => {
    await connectAs(2);
    await go("allocations");
    const row = page.getByTestId("get-1-5");
    await row.getByRole("button", { name: "Confirm" }).click();
    await expectSuccess("confirm receipt");
    await row.getByText("confirmed ✓").waitFor();
    await shot("allocations-recipient");
  });

  it("shows ✓ for the commitment in the audit view, recomputed in the browser", async () => {
    await go("audit");
    const row = page.getByTestId("audit-1");
    await row.getByText("✓ match").waitFor();
    expect(await row.innerText()).to.contain("5,000"); // delivered and confirmed to Buzi
    await shot("audit", "audit");
  });

  it("exports the round from the audit view: IATI 2.03 XML that validates, the HTML audit report", async () => {
    await go("audit");
    const download = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
    };
    const iati = await download("IATI 2.03 XML");
    expect(iati.name).to.match(/^fa-round-\d+-iati\.xml$/);
    expect(iati.text).to.match(/<iati-activities version="2\.03"[\s\S]*<result type="1">/);
    const schema = iatiSchemaDir();
    if (schema !== undefined) expect((await validateIati(iati.text, schema)).errors).to.deep.equal([]);
    const report = await download("Audit report (HTML)");
    expect(report.text).to.match(/^<!doctype html>[\s\S]*Audit report — round \d+[\s\S]*match/);
    const hxl = await download("Flows CSV (HXL)");
    expect(hxl.text.split("\r\n")[1]).to.match(/^#date\+start,/);
  });

  it("explains a reverted transaction with its decoded custom error", async () => {
    // Opening round 2 before round 1 has run its 60 s: RoundStillRunning, decoded for a person.
    await go("overview");
    const open = page.getByRole("button", { name: "Open round 2" });
    await open.click();
    const toast = page.getByTestId("toast-error").last();
    await toast.waitFor({ timeout: 20_000 });
    expect(await toast.innerText()).to.match(/still running/).and.to.contain("RoundStillRunning(");
    await shot("revert-explained");
    await dismissToasts();
  });

  it("signs an action as EIP-712 typed data (Safe path) that another account relays", async () => {
    await connectAs(3); // Dondo Community Committee signs, pays no gas
    await page.getByLabel("How to act").selectOption("sign");
    await go("org");
    await page.getByRole("button", { name: "Revoke all" }).click();
    await expectSuccess("sign revoke-all");
    await page.getByRole("heading", { name: "Signed actions" }).waitFor();
    expect(await page.locator(".signed pre").first().innerText()).to.contain("revokeAllRecognitionBySig");
    await shot("signed-action");
    await connectAs(4); // Beira Health Alliance relays it
    await page.getByLabel("How to act").selectOption("send");
    await page.getByRole("button", { name: "Relay now" }).click();
    await expectSuccess("relay");
    await connectAs(3);
    await go("org");
    await page.getByTestId("recognition-total").getByText("nobody recognized").waitFor();
  });

  it("says so when the chain's RPC node stops answering", async () => {
    node!.stop();
    await page.getByText(/RPC node at .* does not answer/).waitFor({ timeout: 20_000 });
    await shot("rpc-down");
  });
});
