// The dashboard of mindsphere-fake (docs/dashboard.md). It reads only the control plane's JSON (/_fake/...) and the
// APIs' JSON (/api/...). For the APIs it needs a bearer token: it asks the control plane to mint an ordinary one
// (POST /_fake/tokens) and mints again when the gateway answers 401 (e.g. after "Expire all tokens").
"use strict";

// Marks the page's own API calls, so the journal view can hide them (they are journaled like any other call).
const OWN_CALL_HEADER = "X-Fake-Client";
const OWN_CALL_VALUE = "dashboard";
const state = window.dashboard = { token: null, tenant: null, asset: null, aspect: null, chart: null, follow: null, journalTimer: null };
const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

async function readJSON(response) {
  const text = await response.text();
  try { return text ? JSON.parse(text) : null; } catch (_) { return text; }
}

function describe(response, body) {
  const message = body && typeof body === "object" ? (body.message || body.error || JSON.stringify(body)) : body;
  return `${response.status}: ${message}`;
}

// A control-plane call; throws with the fake's error message on a non-2xx answer.
async function control(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch("/_fake/" + path, options);
  const json = await readJSON(response);
  if (!response.ok) throw new Error(`${method} /_fake/${path} → ${describe(response, json)}`);
  return json;
}

async function mintToken() {
  const minted = await control("POST", "tokens", state.tenant ? { tenant: state.tenant } : undefined);
  state.token = minted.access_token;
  state.tenant = minted.tenant;
}

// An API GET with the minted token; one retry with a fresh token after a 401.
async function api(path) {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!state.token) await mintToken();
    const response = await fetch(path, { headers: { Authorization: "Bearer " + state.token, [OWN_CALL_HEADER]: OWN_CALL_VALUE } });
    const json = await readJSON(response);
    if (response.status === 401 && attempt === 0) { state.token = null; continue; }
    if (!response.ok) throw new Error(`GET ${path} → ${describe(response, json)}`);
    return json;
  }
}

async function guarded(action) {
  try { await action(); showError(""); } catch (error) { showError(error.message); }
}

// MARK: clock

async function refreshClock() {
  const clock = await control("GET", "clock");
  $("clock-now").textContent = clock.now;
  $("clock-now").dataset.epochMilliseconds = clock.epochMilliseconds;
  $("clock-state").textContent = clock.frozen ? "frozen" : "running";
}

async function clockCommand(body) {
  await control("POST", "clock", body);
  await refreshClock();
}

// MARK: asset tree and detail

async function refreshTree() {
  const tree = await control("GET", "assets");
  const container = $("tree");
  container.replaceChildren();
  for (const tenant of tree.tenants) {
    if (!state.tenant) state.tenant = tenant.tenant;
    container.append(el("div", { class: "muted" }, `tenant ${tenant.tenant} · ${tenant.assets} assets`));
    if (tenant.root) container.append(el("ul", {}, treeNode(tenant.root)));
  }
}

function treeNode(node) {
  const name = el("span", { class: "node-name", "data-asset-id": node.assetId, onclick: () => guarded(() => showAsset(node.assetId)) },
    node.name);
  if (state.asset === node.assetId) name.classList.add("selected");
  const item = el("li", { "data-asset-id": node.assetId }, name, " ", el("span", { class: "node-type" }, node.typeId));
  if (node.children.length) item.append(el("ul", {}, ...node.children.map(treeNode)));
  return item;
}

async function showAsset(assetId) {
  state.asset = assetId;
  for (const node of document.querySelectorAll(".node-name")) node.classList.toggle("selected", node.dataset.assetId === assetId);
  const base = "/api/assetmanagement/v3/assets/" + encodeURIComponent(assetId);
  const [asset, aspects] = await Promise.all([api(base), api(base + "/aspects?size=200")]);
  const aspectList = (aspects._embedded && aspects._embedded.aspects) || [];
  const staticValues = new Map((asset.aspects || []).map((aspect) => [aspect.name, aspect.variables || []]));
  const detail = $("detail");
  detail.replaceChildren(
    el("h2", {}, asset.name),
    el("table", { id: "asset-facts" },
      row("Asset id", asset.assetId), row("Type", asset.typeId), row("Parent", asset.parentId || "—"),
      row("Description", asset.description || ""), row("Time zone", asset.timezone || ""), row("Etag", asset.etag)),
    el("h3", {}, "Variables"),
    valueTable(asset.variables || []),
    el("h3", {}, "Aspects"),
    el("table", { id: "asset-aspects" }, el("tr", {}, el("th", {}, "Name"), el("th", {}, "Category"), el("th", {}, "Aspect type"),
      el("th", {}, "Variables"), el("th", {}, "Static values")),
      ...aspectList.map((aspect) => aspectRow(assetId, aspect, staticValues.get(aspect.name)))),
    el("h3", {}, "File assignments"),
    fileAssignmentTable(asset.fileAssignments || []));
  const firstDynamic = aspectList.find((aspect) => aspect.category === "dynamic");
  if (firstDynamic) await showSeries(assetId, firstDynamic); else hideSeries();
}

// Inherited assignments carry `_links.origin` (the asset type they come from).
function fileAssignmentTable(assignments) {
  if (!assignments.length) return el("p", { class: "muted" }, "none");
  return el("table", { id: "asset-files" }, el("tr", {}, el("th", {}, "Key"), el("th", {}, "File id"), el("th", {}, "From")),
    ...assignments.map((assignment) => el("tr", {}, el("td", {}, assignment.key), el("td", {}, assignment.fileId),
      el("td", {}, assignment._links && assignment._links.origin ? assignment._links.origin.href.split("/").pop() : "this asset"))));
}

function row(label, value) { return el("tr", {}, el("th", {}, label), el("td", {}, value)); }

function valueTable(variables) {
  if (!variables.length) return el("p", { class: "muted" }, "none");
  return el("table", {}, ...variables.map((variable) => row(variable.name, variable.value)));
}

function aspectRow(assetId, aspect, values) {
  const name = aspect.category === "dynamic"
    ? el("span", { class: "aspect-link", "data-aspect": aspect.name, onclick: () => guarded(() => showSeries(assetId, aspect)) }, aspect.name)
    : aspect.name;
  const variables = (aspect.variables || []).map((variable) => `${variable.name}: ${variable.dataType}${variable.unit ? " [" + variable.unit + "]" : ""}`);
  const statics = (values || []).map((variable) => `${variable.name} = ${variable.value}`);
  return el("tr", {}, el("td", {}, name), el("td", {}, aspect.category), el("td", {}, aspect.aspectTypeId),
    el("td", {}, variables.join(", ")), el("td", {}, statics.join(", ")));
}

// MARK: time series

function hideSeries() {
  if (state.follow) clearInterval(state.follow);
  state.follow = null;
  state.aspect = null;
  $("series").hidden = true;
}

async function showSeries(assetId, aspect) {
  state.aspect = aspect;
  $("series").hidden = false;
  $("series-title").textContent = `${aspect.name}`;
  $("series-from").value = "";
  $("series-to").value = "";
  await loadLatest();
  if ($("series-follow").checked && !state.follow) toggleFollow();
}

function numericVariables(aspect) {
  const numeric = new Set(["DOUBLE", "INT", "LONG"]);
  return (aspect.variables || []).filter((variable) => numeric.has(variable.dataType)).map((variable) => variable.name);
}

function seriesPath(query) {
  const params = new URLSearchParams(query);
  return `/api/iottimeseries/v3/timeseries/${encodeURIComponent(state.asset)}/${encodeURIComponent(state.aspect.name)}?${params}`;
}

function clockNowMilliseconds() { return Number($("clock-now").dataset.epochMilliseconds || Date.now()); }

// The latest N records: everything up to the fake's now, newest first, then put back in time order.
async function loadLatest() {
  const n = Math.max(1, Math.min(2000, Number($("series-latest-n").value) || 100));
  await refreshClock();
  const to = new Date(clockNowMilliseconds() + 1).toISOString();
  const records = await api(seriesPath({ from: "1970-01-01T00:00:00Z", to, limit: n, sort: "desc" }));
  render(records.slice().reverse());
}

async function loadRange() {
  const from = $("series-from").value.trim(), to = $("series-to").value.trim();
  render(await api(seriesPath({ from, to, limit: 2000 })));
}

function render(records) {
  state.records = records;
  const variables = numericVariables(state.aspect);
  const table = $("records");
  const columns = ["_time", ...(state.aspect.variables || []).map((variable) => variable.name)];
  table.replaceChildren(el("tr", {}, ...columns.map((column) => el("th", {}, column))),
    ...records.slice().reverse().map((record) => el("tr", {}, ...columns.map((column) => el("td", {}, record[column] ?? "")))));
  $("records-count").textContent = `(${records.length}, newest first)`;
  if (records.length) {
    $("series-from").value ||= records[0]._time;
    $("series-to").value ||= records[records.length - 1]._time;
  }
  if (typeof Dygraph === "undefined") return;
  const data = records.map((record) => [new Date(record._time), ...variables.map((name) => (typeof record[name] === "number" ? record[name] : null))]);
  const chart = $("chart");
  if (!variables.length || !data.length) {
    if (state.chart) { state.chart.destroy(); state.chart = null; }
    chart.replaceChildren(el("p", { class: "muted" }, variables.length ? "No records in this range." : "This aspect has no numeric variables to plot."));
    return;
  }
  const options = { labels: ["time", ...variables], legend: "always", connectSeparatedPoints: true, drawPoints: true, strokeWidth: 1.5 };
  if (state.chart && state.chart.getLabels().join() === options.labels.join()) {
    state.chart.updateOptions({ file: data });
  } else {
    if (state.chart) state.chart.destroy();
    chart.replaceChildren();
    state.chart = new Dygraph(chart, data, options);
  }
}

// MARK: aggregates

// The v4 aggregates of the shown aspect at the chosen interval, over the From/To range: one row per interval, the
// average with min and max of each numeric variable (the API leaves empty intervals out).
async function loadAggregates() {
  const params = new URLSearchParams({
    assetId: state.asset, aspectName: state.aspect.name,
    intervalUnit: $("aggregates-unit").value, intervalValue: String(Math.max(1, Number($("aggregates-value").value) || 1)),
  });
  const from = $("series-from").value.trim(), to = $("series-to").value.trim();
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  const table = $("aggregates-table");
  let body;
  try {
    body = await api("/api/iottsaggregates/v4/aggregates?" + params);
  } catch (error) {
    table.replaceChildren(el("tr", {}, el("td", {}, String(error.message || error))));
    return;
  }
  const intervals = body.aggregates || [];
  const variables = numericVariables(state.aspect);
  const cell = (value) => (typeof value === "number" ? String(Math.round(value * 1000) / 1000) : "");
  table.replaceChildren(
    el("tr", {}, el("th", {}, "start"), el("th", {}, "end"), ...variables.map((name) => el("th", {}, `${name} avg (min … max, n)`))),
    ...intervals.map((interval) => el("tr", {}, el("td", {}, interval.starttime), el("td", {}, interval.endtime),
      ...variables.map((name) => {
        const aggregate = interval[name];
        if (!aggregate) return el("td", {}, "");
        const count = (aggregate.countgood || 0) + (aggregate.countuncertain || 0) + (aggregate.countbad || 0);
        return el("td", {}, `${cell(aggregate.average)} (${cell(aggregate.minvalue)} … ${cell(aggregate.maxvalue)}, ${count})`);
      }))));
  if (!intervals.length) table.append(el("tr", {}, el("td", {}, "No values in this range.")));
}

// Following live re-reads the latest N only when the journal shows a new write by someone other than this page (the
// journal is read through the control plane, which is not journaled), so an open page does not fill the journal
// with its own reads. With the journal off (serve --journal-size 0) it re-reads every five seconds instead.
function toggleFollow() {
  if (state.follow) clearInterval(state.follow);
  state.follow = null;
  if (!$("series-follow").checked) return;
  let ticks = 0;
  state.follow = setInterval(() => guarded(async () => {
    ticks++;
    const journal = await control("GET", "requests?limit=50");
    const writes = journal.requests.filter((entry) => entry.method !== "GET" && entry.method !== "HEAD" && !isOwnCall(entry));
    const latest = writes.length ? writes[writes.length - 1].sequence : -1;
    const changed = latest !== state.lastWrite;
    state.lastWrite = latest;
    if (changed || (journal.count === 0 && ticks % 5 === 0)) await loadLatest();
  }), 1000);
}

// MARK: journal

async function refreshJournal() {
  const query = new URLSearchParams({ limit: "200" });
  const status = $("journal-status").value.trim(), path = $("journal-path").value.trim();
  if (status) query.set("status", status);
  if (path) query.set("path", path);
  const journal = await control("GET", "requests?" + query);
  const hideOwn = $("journal-hide-own").checked;
  const entries = journal.requests.filter((entry) => !(hideOwn && isOwnCall(entry))).reverse();
  const list = $("journal-list");
  const open = new Set([...list.querySelectorAll("details[open]")].map((node) => node.dataset.sequence));
  list.replaceChildren(...entries.map((entry) => journalEntry(entry, open.has(String(entry.sequence)))));
}

function isOwnCall(entry) {
  const headers = entry.request.headers || {};
  return Object.entries(headers).some(([name, value]) => name.toLowerCase() === OWN_CALL_HEADER.toLowerCase() && value === OWN_CALL_VALUE);
}

function journalEntry(entry, open) {
  const details = el("details", { "data-sequence": entry.sequence },
    el("summary", {}, el("span", { class: "status-" + String(entry.status)[0] }, entry.status), ` ${entry.method} ${entry.target}`,
      el("span", { class: "muted" }, ` ${entry.time}${entry.fault ? " · fault " + entry.fault : ""}`)),
    el("h3", {}, "Request"), message(entry.request), el("h3", {}, "Response"), message(entry.response));
  details.open = open;
  return el("li", { class: "journal-entry", "data-status": entry.status, "data-path": entry.path }, details);
}

function message(part) {
  const headers = Object.entries(part.headers || {}).map(([name, value]) => `${name}: ${value}`).join("\n");
  const body = part.body ? part.body + (part.bodyTruncated ? `\n… (${part.bodyBytes} bytes in all)` : "") : "(no body)";
  return el("div", {}, el("pre", {}, headers || "(no headers)"), el("pre", {}, body));
}

// MARK: faults, tokens, ingestion delay, scenario

async function refreshFaults() {
  const { faults } = await control("GET", "faults");
  $("fault-list").replaceChildren(...faults.map((fault) => el("li", { "data-fault-id": fault.id },
    el("code", {}, `${fault.method || "any"} ${fault.path} → ${fault.status ?? (fault.drop ? "drop" : fault.latencyMilliseconds + " ms")}`),
    ` ${fault.times != null ? fault.times + "×" : "always"} `,
    el("button", { class: "fault-remove", onclick: () => guarded(async () => { await control("DELETE", "faults/" + encodeURIComponent(fault.id)); await refreshFaults(); }) }, "remove"))));
  if (!faults.length) $("fault-list").append(el("li", { class: "muted" }, "none"));
}

async function addFault(event) {
  event.preventDefault();
  const rule = { path: $("fault-path").value.trim(), status: Number($("fault-status").value) };
  if ($("fault-method").value) rule.method = $("fault-method").value;
  if ($("fault-times").value) rule.times = Number($("fault-times").value);
  if ($("fault-retry").value) rule.retryAfterSeconds = Number($("fault-retry").value);
  await control("POST", "faults", rule);
  await refreshFaults();
}

async function refreshIngestionDelay() {
  $("ingestion-delay").value = (await control("GET", "ingestion-delay")).milliseconds;
}

async function refreshScenario() {
  const scenario = await control("GET", "scenario");
  $("scenario-name").textContent = `scenario ${scenario.scenario} · tenants ${scenario.tenants.join(", ")}`;
}

function status(text) { $("control-status").textContent = text; }

async function reloadAll() {
  state.token = null;
  state.tenant = null;
  await Promise.all([refreshScenario(), refreshClock(), refreshTree(), refreshFaults(), refreshIngestionDelay(), refreshJournal()]);
  if (state.asset && document.querySelector(`.node-name[data-asset-id="${CSS.escape(state.asset)}"]`)) await showAsset(state.asset);
  else { state.asset = null; hideSeries(); $("detail").replaceChildren(el("p", { class: "muted" }, "Pick an asset in the tree.")); }
}

function wire() {
  const on = (id, event, action) => $(id).addEventListener(event, (e) => guarded(() => action(e)));
  on("clock-freeze", "click", () => clockCommand({ frozen: true }));
  on("aggregates-show", "click", () => loadAggregates());
  on("clock-run", "click", () => clockCommand({ frozen: false }));
  on("clock-advance-minute", "click", () => clockCommand({ advanceSeconds: 60 }));
  on("clock-advance-hour", "click", () => clockCommand({ advanceSeconds: 3600 }));
  on("clock-set", "click", () => clockCommand({ set: $("clock-set-value").value.trim() }));
  on("reset", "click", async () => { await control("POST", "reset"); await reloadAll(); status("reset to the loaded scenario"); });
  on("expire-tokens", "click", async () => { await control("POST", "tokens/expire"); status("every token issued so far is expired"); });
  on("ingestion-delay-set", "click", async () => {
    await control("POST", "ingestion-delay", { milliseconds: Number($("ingestion-delay").value) });
    await refreshIngestionDelay();
    status("ingestion delay set");
  });
  on("scenario-load", "click", async () => {
    const text = $("scenario-text").value;
    const response = await fetch("/_fake/scenario", { method: "POST", headers: { "Content-Type": "application/yaml" }, body: text });
    const json = await readJSON(response);
    if (!response.ok) throw new Error("POST /_fake/scenario → " + describe(response, json));
    await reloadAll();
    status(`loaded scenario ${json.scenario}: ${json.assets} assets, ${json.timeSeriesRecords} records`);
  });
  on("fault-form", "submit", addFault);
  on("series-latest", "click", loadLatest);
  on("series-range", "click", loadRange);
  on("series-follow", "change", toggleFollow);
  for (const id of ["journal-status", "journal-path", "journal-hide-own"]) on(id, "change", refreshJournal);
  on("journal-live", "change", startJournal);
}

function startJournal() {
  if (state.journalTimer) clearInterval(state.journalTimer);
  state.journalTimer = $("journal-live").checked ? setInterval(() => guarded(async () => { await refreshJournal(); await refreshClock(); }), 1000) : null;
}

window.addEventListener("DOMContentLoaded", () => {
  $("library-missing").hidden = typeof Dygraph !== "undefined";
  wire();
  guarded(reloadAll);
  startJournal();
});
