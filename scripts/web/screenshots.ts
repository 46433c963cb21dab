/**
 * Page screenshots of the demo world for docs/screenshots/: the cyclone scenario seeded by the
 * demo's seedDemo, one round opened and committed by two providers, desktop and phone widths.
 * Run: npx tsx scripts/web/screenshots.ts (needs a built app: npm run build:web).
 */
import { spawn, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startNode, deployAndSeed, freePort, waitFor } from "./localChain.js";

const root = new URL("../../", import.meta.url);
const out = (name: string) => fileURLToPath(new URL(`docs/screenshots/${name}.png`, root));

const node = await startNode(await freePort());
const port = await freePort();
const preview = spawn("npx", ["vite", "preview", "web", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], { cwd: fileURLToPath(root), stdio: "ignore", detached: true });
try {
  execFileSync("npx", ["vite", "build", "web", "--logLevel", "warn"], { cwd: fileURLToPath(root), stdio: "inherit" });
  await deployAndSeed(node.url, new URL("web/dist/deployment.json", root), 60n, "cyclone");
  const url = `http://127.0.0.1:${port}/`;
  await waitFor("vite preview", () => fetch(url).then((r) => r.ok, () => false), 30_000);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}#/overview`);
  await page.locator("svg.sankey").waitFor({ timeout: 60_000 });
  await page.screenshot({ path: out("cyclone-overview"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out("cyclone-overview-phone"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: "Connect dev account" }).click();
  await page.goto(`${url}#/org`);
  await page.getByRole("heading", { name: "Recognition" }).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: out("cyclone-organization"), fullPage: true });
  await browser.close();
} finally {
  if (preview.pid !== undefined) try { process.kill(-preview.pid, "SIGTERM"); } catch { /* gone */ }
  node.stop();
}
