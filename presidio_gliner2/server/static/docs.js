// Renders /openapi.json as a plain list of operations: method, path, summary, description and the
// JSON schemas of the request body and responses ($ref resolved one level), with no third-party code.
"use strict";

function resolve(spec, schema) {
  if (schema && schema.$ref) {
    const name = schema.$ref.split("/").pop();
    return { [name]: spec.components.schemas[name] };
  }
  return schema;
}

function block(title, value) {
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = title;
  const pre = document.createElement("pre");
  pre.textContent = JSON.stringify(value, null, 2);
  details.append(summary, pre);
  return details;
}

async function render() {
  const spec = await (await fetch("/openapi.json")).json();
  const list = document.getElementById("operations");
  list.replaceChildren();
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const section = document.createElement("section");
      const head = document.createElement("h3");
      const verb = document.createElement("span");
      verb.className = "method";
      verb.textContent = method.toUpperCase();
      head.append(verb, document.createTextNode(` ${path}`));
      const about = document.createElement("p");
      about.textContent = [op.summary, op.description].filter(Boolean).join(": ");
      section.append(head, about);
      const body = op.requestBody && op.requestBody.content["application/json"];
      if (body) section.append(block("request body", resolve(spec, body.schema)));
      for (const [status, response] of Object.entries(op.responses || {})) {
        const content = response.content && Object.values(response.content)[0];
        section.append(block(`${status}: ${response.description || ""}`, content ? resolve(spec, content.schema) : {}));
      }
      list.append(section);
    }
  }
}

render().catch(() => { document.getElementById("operations").textContent = "Could not load /openapi.json"; });
