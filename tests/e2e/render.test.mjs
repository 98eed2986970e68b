// Page behaviour with a stand-in core (tests/e2e/mock-core.js), so these
// checks depend only on the page: highlighting, tooltips, selection, sorting,
// filters, graph, disagreements, keyboard. page.test.mjs runs the real core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { open, mockRoot, paste, screenshot, nextRender, renders } from "./helpers.mjs";

const ARTICLE = `Border clashes reignite
Pakistan accused the Taliban of harbouring the TTP and sheltering its fighters.
The Taliban denied the claims made by Islamabad on Sunday.
According to Islamabad, over 200 Taliban fighters were killed in the fighting.
Zabihullah Mujahid said 58 Pakistani soldiers were killed and vowed that Kabul would respond.
Ishaq Dar warned the Taliban that Pakistan would act against the TTP.
China urged Pakistan and Afghanistan to show restraint.
Officials said the talks in Qatar had failed.`;

let mock;
let s;
before(async () => {
  mock = await mockRoot();
  s = await open({ root: mock.dir });
  await s.page.goto(s.url);
  await nextRender(s.page, 0);
  await paste(s.page, ARTICLE);
});
after(async () => {
  await s?.close();
  await mock?.cleanup();
});

test("mentions are marked by kind with a pattern, claims underlined with speaker labels", async () => {
  const { page } = s;
  const kinds = await page.$$eval("#article .m[data-ent]", (els) =>
    els.map((e) => [e.textContent, [...e.classList].find((c) => c.startsWith("m-"))]),
  );
  assert.ok(kinds.some(([t, k]) => t === "Pakistan" && k === "m-country"));
  assert.ok(kinds.some(([t, k]) => t === "Taliban" && k === "m-armed_group"));
  assert.ok(kinds.some(([t, k]) => t === "Ishaq Dar" && k === "m-person"));
  // Not colour alone: the border style differs per kind.
  const styles = await page.$$eval("#article .m-country, #article .m-armed_group, #article .m-person", (els) => [
    ...new Set(els.map((e) => getComputedStyle(e).borderBottomStyle)),
  ]);
  assert.ok(styles.length >= 3, `distinct border patterns per kind: ${styles}`);
  const labels = await page.$$eval("#article .claim-start", (els) => els.map((e) => e.dataset.label));
  assert.ok(labels.some((l) => l.startsWith("Pakistan: accusation")), labels.join(" | "));
  // Every claim span's text is exactly the claim's text slice.
  const spans = await page.$$eval("#article .claim[data-claim]", (els) => els.length);
  assert.ok(spans >= 5);
});

test("hovering or focusing a mention shows the actor", async () => {
  const { page } = s;
  await page.hover('#article .m-person:text-is("Ishaq Dar")');
  const tip = page.locator("#tooltip");
  await tip.waitFor({ state: "visible" });
  assert.match(await tip.textContent(), /Ishaq Dar.*Person/s);
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: "hidden" });
  await page.focus('#article .m[tabindex="0"]');
  await tip.waitFor({ state: "visible" });
  assert.match(await tip.textContent(), /Pakistan/);
});

test("clicking an actor highlights all its mentions; keyboard moves between mentions", async () => {
  const { page } = s;
  await page.click('#actors button.ent:text-is("Taliban")');
  const sel = await page.$$eval("#article .m.sel", (els) => els.map((e) => e.textContent));
  const count = Number(await page.textContent('#actors tr:has(button.ent:text-is("Taliban")) td[data-label="mentions"]'));
  assert.ok(count >= 4);
  assert.equal(sel.length, count, `all Taliban mentions marked: ${sel}`);
  assert.ok(sel.every((t) => t === "Taliban"));
  assert.equal(await page.getAttribute('#actors button.ent:text-is("Taliban")', "aria-pressed"), "true");
  assert.match(await page.textContent("#selection-bar"), /Taliban/);
  await page.click('#selection-bar button:text("Next")');
  assert.match(await page.textContent("#selection-bar .pos"), /1 of \d+/);
  // keyboard: first mention → ArrowRight → next mention; Enter selects its actor
  await page.focus('#article .m[tabindex="0"]');
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press("ArrowRight");
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(first + "@0", second + "@1");
  assert.ok(await page.evaluate(() => document.activeElement.matches(".m")));
  await page.keyboard.press("Enter");
  const pressed = await page.$eval("#actors button.ent[aria-pressed=true]", (b) => b.textContent);
  assert.equal(pressed, second === "Islamabad" ? "Pakistan" : second === "Kabul" ? "Afghanistan" : pressed);
  await page.keyboard.press("Escape");
  assert.equal(await page.$$eval("#article .m.sel", (e) => e.length), 0);
});

test("actors table sorts by column", async () => {
  const { page } = s;
  await page.click('#actors button.sort[data-sort="name"]');
  const names = await page.$$eval("#actors tbody th button.ent", (b) => b.map((x) => x.textContent));
  assert.deepEqual(names, [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  assert.equal(await page.getAttribute('#actors th:has(button[data-sort="name"])', "aria-sort"), "ascending");
  await page.click('#actors button.sort[data-sort="mentions"]');
  const counts = await page.$$eval('#actors td[data-label="mentions"]', (t) => t.map((x) => Number(x.textContent)));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
});

test("claims filter by speaker, kind and target; clicking a claim jumps to it", async () => {
  const { page } = s;
  const all = await page.$$eval("#claims tbody tr", (r) => r.length);
  await page.selectOption("#f-speaker", "Pakistan");
  const speakers = await page.$$eval("#claims tbody .speaker", (r) => r.map((x) => x.textContent));
  assert.ok(speakers.length > 0 && speakers.length < all);
  assert.ok(speakers.every((x) => x === "Pakistan"));
  await page.selectOption("#f-kind", "accusation");
  assert.deepEqual(await page.$$eval("#claims tbody .chip.ck-accusation", (r) => r.length), 1);
  assert.match(await page.textContent("#claims-count"), /^1 of \d+$/);
  await page.selectOption("#f-speaker", "");
  await page.selectOption("#f-kind", "");
  await page.selectOption("#f-target", "Taliban");
  const targets = await page.$$eval("#claims tbody .target", (r) => r.map((x) => x.textContent));
  assert.ok(targets.length > 0 && targets.every((x) => x === "Taliban"));
  await page.click("#f-reset");
  assert.equal(await page.$$eval("#claims tbody tr", (r) => r.length), all);
  // Filters survive re-analysis while typing (they hold names, not ids).
  await page.selectOption("#f-speaker", "Pakistan");
  const n = await renders(page);
  await page.focus("#editor");
  await page.keyboard.press("End");
  await page.keyboard.type(" Pakistan said more.");
  await nextRender(page, n);
  assert.equal(await page.inputValue("#f-speaker"), "Pakistan");
  await page.click("#f-reset");
  // jump
  await page.click("#claims tbody tr:first-child button.jump");
  const focused = await page.evaluate(() => document.activeElement.closest(".claim")?.dataset.claim);
  const first = await page.getAttribute("#claims tbody tr:first-child", "data-claim");
  assert.equal(focused, first);
});

test("relation graph draws nodes and weighted edges; nodes and edges are clickable", async () => {
  const { page } = s;
  const nodes = await page.$$eval("#graph svg .node", (n) => n.map((x) => x.getAttribute("aria-label")));
  assert.ok(nodes.some((l) => l.startsWith("Pakistan, Country")), nodes.join(" | "));
  assert.ok(nodes.some((l) => l.startsWith("Taliban, Armed group")));
  const edges = await page.$$eval("#graph svg .edge", (e) => e.map((x) => x.querySelector("title").textContent));
  assert.ok(edges.some((t) => /^Pakistan accuses Taliban/.test(t)), edges.join(" | "));
  await page.click('#graph svg .node[aria-label^="Taliban,"] circle');
  assert.equal(await page.getAttribute('#actors button.ent:text-is("Taliban")', "aria-pressed"), "true");
  assert.ok((await page.$$eval("#article .m.sel", (e) => e.length)) > 3);
  // keyboard activation of a node
  await page.focus('#graph svg .node[aria-label^="Pakistan,"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute('#actors button.ent:text-is("Pakistan")', "aria-pressed"), "true");
  // An edge filters the claims table to that relation.
  await page.dispatchEvent('#graph svg .edge.ek-accusation[data-source="a1"]', "click");
  assert.equal(await page.inputValue("#f-speaker"), "Pakistan");
  assert.equal(await page.inputValue("#f-kind"), "accusation");
  await page.click("#f-reset");
  await screenshot(page, "render-graph-selected");
});

test("disagreements show both sides' figures side by side", async () => {
  const { page } = s;
  const cards = await page.$$eval("#disagreements .disagreement .card", (c) => c.map((x) => x.textContent));
  assert.equal(cards.length, 2, cards.join(" | "));
  assert.ok(cards.some((c) => /Pakistan says.*200.*Taliban fighters/s.test(c)));
  assert.ok(cards.some((c) => /Zabihullah Mujahid says.*58.*Pakistani soldiers/s.test(c)));
  const boxes = await page.$$eval("#disagreements .card", (c) => c.map((x) => x.getBoundingClientRect().top));
  assert.ok(Math.abs(boxes[0] - boxes[1]) < 2, "cards on one row at desktop width");
});

test("metadata line shows words and analysis time", async () => {
  const meta = await s.page.textContent("#meta");
  assert.match(meta, /Border clashes reignite/);
  assert.match(meta, /\d+ words/);
  assert.match(meta, /analysed in [\d.]+ ms/);
});

test("keyboard only: skip link, example, sort, jump to claim, select actor", async () => {
  const { page } = s;
  await page.reload(); // sequential focus starts at the top of a fresh page
  await nextRender(page, 0);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#results");
  const n = await renders(page);
  await page.focus("#examples button.example >> nth=1");
  await page.keyboard.press("Enter");
  await nextRender(page, n);
  assert.match(await page.getAttribute('#doc-tabs [aria-current="true"]', "title"), /Pakistan done with Afghan Taliban/);
  await page.focus('#actors button.sort[data-sort="mentions"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute('#actors th:has(button[data-sort="mentions"])', "aria-sort"), "descending");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), "mentions", "focus stays on the sort button");
  await page.focus("#claims tbody tr:first-child button.jump");
  await page.keyboard.press("Enter");
  assert.ok(await page.evaluate(() => document.activeElement.matches("#article .claim")));
  await page.focus("#actors tbody button.ent >> nth=0");
  await page.keyboard.press("Space");
  assert.equal(await page.getAttribute("#actors tbody button.ent >> nth=0", "aria-pressed"), "true");
  assert.ok((await page.$$eval("#article .m.sel", (e) => e.length)) > 0);
  // Every interactive control has an accessible name.
  const unnamed = await page.$$eval("button, select, input, textarea, [role=button]", (els) =>
    els
      .filter((e) => e.offsetParent !== null || e.closest("svg"))
      .filter((e) => {
        const label = e.getAttribute("aria-label") || e.textContent.trim() || e.labels?.[0]?.textContent.trim() || e.getAttribute("title");
        return !label;
      })
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
});

test("a crash in the core is reported, the text kept, and the next edit works again", async () => {
  const { page } = s;
  const workers = Number(await page.getAttribute("body", "data-workers"));
  await paste(page, "Pakistan said TRIGGER-TRAP today.", { wait: false });
  await page.waitForSelector('#messages li[data-key="analysis"]');
  assert.match(await page.textContent('#messages li[data-key="analysis"]'), /analysis failed on this text \(internal error in the analyser: unreachable\).*Your text is kept/);
  assert.equal(await page.inputValue("#editor"), "Pakistan said TRIGGER-TRAP today.");
  await page.waitForFunction((n) => Number(document.body.dataset.workers) > n, workers);
  await paste(page, "Pakistan said the talks failed.");
  assert.equal(await page.$$eval('#messages li[data-key="analysis"]', (l) => l.length), 0);
  assert.ok((await page.$$eval("#actors tbody tr", (r) => r.length)) > 0);
});

test("without the analyser (pkg/ missing) the page says so and keeps the text", async () => {
  const broken = await mockRoot();
  const { rm } = await import("node:fs/promises");
  await rm(`${broken.dir}/pkg`, { recursive: true, force: true });
  const p = await open({ root: broken.dir });
  try {
    await p.page.goto(p.url);
    await p.page.waitForSelector('#messages li[data-key="analyser"]');
    assert.match(await p.page.textContent("#messages"), /analyser could not be loaded.*Your text is kept/);
    await p.page.fill("#editor", "Kabul said the talks would continue.");
    await p.page.waitForTimeout(400);
    assert.equal(await p.page.inputValue("#editor"), "Kabul said the talks would continue.");
    await screenshot(p.page, "render-no-analyser");
  } finally {
    await p.close();
    await broken.cleanup();
  }
});
