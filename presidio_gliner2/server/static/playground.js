// The playground: one /redact call per run; everything is drawn with text nodes (never innerHTML)
// so a document can contain any markup without being interpreted.
"use strict";

const $ = (id) => document.getElementById(id);
let lastOutput = "";

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
  return data;
}

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

function hue(entity) {
  let h = 0;
  for (const ch of entity) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

async function loadConfigs() {
  const info = await api("/configs");
  const select = $("config");
  select.replaceChildren(...info.configs.map((name) => new Option(name, name, false, name === info.default)));
  // The server's operator catalogue; those needing a parameter (encrypt's key) have no field here.
  $("operator").replaceChildren(...info.operator_menu.filter((op) => op.required.length === 0)
    .map((op) => new Option(op.menu, op.name, false, op.name === "replace")));
  await loadEntities();
}

async function loadEntities() {
  const config = $("config").value;
  status(`Loading the ${config} pack...`);
  const entities = await api(`/supportedentities?language=en&config=${encodeURIComponent(config)}`);
  $("entities").replaceChildren(...entities.map((entity) => {
    const label = document.createElement("label");
    const box = document.createElement("input");
    Object.assign(box, { type: "checkbox", value: entity, checked: true });
    box.addEventListener("change", countEntities);
    label.append(box, " ", entity);
    return label;
  }));
  countEntities();
  status("Ready.");
}

function checkedEntities() {
  return [...$("entities").querySelectorAll("input:checked")].map((box) => box.value);
}

function countEntities() {
  const all = $("entities").querySelectorAll("input").length;
  $("entity-count").textContent = `(${checkedEntities().length} of ${all})`;
}

function setAll(checked) {
  $("entities").querySelectorAll("input").forEach((box) => { box.checked = checked; });
  countEntities();
}

function requestBody() {
  const body = { text: $("text").value, config: $("config").value };
  const all = $("entities").querySelectorAll("input").length;
  const chosen = checkedEntities();
  if (chosen.length < all) body.entities = chosen;
  const threshold = $("threshold").value.trim();
  if (threshold !== "") body.score_threshold = Number(threshold);
  body.operator = $("operator").value;
  return body;
}

function drawHighlights(text, findings) {
  const target = $("highlighted");
  const nodes = [];
  let at = 0;
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const f of sorted) {
    if (f.start < at) continue; // overlapping findings: the first (longest) one is drawn
    if (f.start > at) nodes.push(document.createTextNode(text.slice(at, f.start)));
    const mark = document.createElement("mark");
    mark.className = "finding";
    mark.dataset.entity = f.entity_type;
    mark.style.setProperty("--hue", hue(f.entity_type));
    const by = f.model_label ? `GLiNER2 label "${f.model_label}"` : `${f.recognizer || "recognizer"}`;
    mark.title = `${f.entity_type} · score ${Number(f.score).toFixed(2)} · ${by}` +
      (f.description ? `\n${f.description}` : "");
    mark.textContent = text.slice(f.start, f.end);
    nodes.push(mark);
    at = f.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  target.replaceChildren(...nodes);

  const counts = {};
  findings.forEach((f) => { counts[f.entity_type] = (counts[f.entity_type] || 0) + 1; });
  $("legend").replaceChildren(...Object.entries(counts).sort().map(([entity, n]) => {
    const chip = document.createElement("span");
    chip.style.setProperty("--hue", hue(entity));
    chip.dataset.entity = entity;
    chip.textContent = `${entity} ×${n}`;
    return chip;
  }));
}

function drawClasses(classes) {
  const items = [];
  for (const [task, labels] of Object.entries(classes || {})) {
    const li = document.createElement("li");
    li.dataset.task = task;
    const shown = labels.length ? labels.map((l) => `${l.label} (${Number(l.score).toFixed(2)})`).join(", ") : "none above threshold";
    li.textContent = `${task}: ${shown}`;
    items.push(li);
  }
  if (!items.length) {
    const li = document.createElement("li");
    li.textContent = "no classifiers in this pack";
    items.push(li);
  }
  $("classes").replaceChildren(...items);
}

async function run() {
  const text = $("text").value;
  if (!text.trim()) { status("Paste or drop a document first.", true); return; }
  $("run").disabled = true;
  status("Redacting...");
  const began = performance.now();
  try {
    const result = await api("/redact", requestBody());
    drawHighlights(text, result.findings);
    drawClasses(result.document_classes);
    lastOutput = result.text;
    $("output").textContent = result.text;
    $("copy").disabled = false;
    const ms = Math.round(performance.now() - began);
    status(`${result.findings.length} finding(s) in ${ms} ms.`);
    document.body.dataset.state = "done";
  } catch (error) {
    status(error.message, true);
    document.body.dataset.state = "error";
  } finally {
    $("run").disabled = false;
  }
}

async function copyOutput() {
  try {
    await navigator.clipboard.writeText(lastOutput);
  } catch (_) { // no clipboard API (plain http on another host): select and copy the old way
    const range = document.createRange();
    range.selectNodeContents($("output"));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand("copy");
  }
  status("Redacted text copied.");
}

function readFile(file) {
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => { $("text").value = reader.result; showSize(); };
  reader.readAsText(file);
}

function showSize() {
  const n = $("text").value.length;
  $("text-size").textContent = n ? `${n.toLocaleString()} characters` : "";
}

function wire() {
  $("run").addEventListener("click", run);
  $("copy").addEventListener("click", copyOutput);
  $("config").addEventListener("change", () => loadEntities().catch((e) => status(e.message, true)));
  $("entities-all").addEventListener("click", (e) => { e.preventDefault(); setAll(true); });
  $("entities-none").addEventListener("click", (e) => { e.preventDefault(); setAll(false); });
  $("file").addEventListener("change", (e) => readFile(e.target.files[0]));
  $("text").addEventListener("input", showSize);
  const area = $("text");
  area.addEventListener("dragover", (e) => { e.preventDefault(); area.classList.add("dropping"); });
  area.addEventListener("dragleave", () => area.classList.remove("dropping"));
  area.addEventListener("drop", (e) => {
    e.preventDefault();
    area.classList.remove("dropping");
    readFile(e.dataTransfer.files[0]);
  });
  area.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
  loadConfigs().catch((e) => status(e.message, true));
}

document.addEventListener("DOMContentLoaded", wire);
