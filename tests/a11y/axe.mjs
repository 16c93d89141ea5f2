// Runs axe-core (WCAG 2.0/2.1 A and AA, and best practices) on each HTML file given, in the
// system Chromium, and on its print rendering (a PDF must come out). Prints every
// violation; exits 1 if there is one. Used by tests/it/notices.rs (`.ci/run` installs it):
//
//   npm ci --prefix tests/a11y && node tests/a11y/axe.mjs site/*/*/index.html
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node axe.mjs FILE.html...");
  process.exit(2);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "regc-axe-"));
const browser = await puppeteer.launch({
  executablePath: browserPath,
  userDataDir: profile,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let violations = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      }),
    );
    for (const v of result.violations) {
      violations += 1;
      const where = v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ");
      console.log(`${file}: ${v.id} (${v.impact}): ${v.help} at ${where}`);
    }
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    if (pdf.length < 1000) {
      violations += 1;
      console.log(`${file}: printing gave an empty PDF`);
    }
    console.log(`${file}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
    await page.close();
  }
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(violations === 0 ? 0 : 1);
