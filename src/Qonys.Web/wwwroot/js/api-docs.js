// /api-docs: the operations of the OpenAPI document, grouped by tag.
fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
  const root = document.getElementById('api-doc');
  const tags = {};
  for (const [path, ops] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags && op.tags[0]) || 'Other';
      (tags[tag] = tags[tag] || []).push({ method: method.toUpperCase(), path, summary: op.summary || '' });
    }
  }
  for (const [tag, ops] of Object.entries(tags).sort()) {
    const h = document.createElement('h2'); h.textContent = tag; root.appendChild(h);
    const table = document.createElement('table');
    for (const op of ops) {
      const tr = table.insertRow();
      const m = tr.insertCell(); m.innerHTML = '<code></code>'; m.firstChild.textContent = op.method;
      const p = tr.insertCell(); p.innerHTML = '<code></code>'; p.firstChild.textContent = op.path;
      tr.insertCell().textContent = op.summary;
    }
    root.appendChild(table);
  }
});
