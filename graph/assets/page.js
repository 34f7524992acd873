/* policy-kg page script. MIT, part of policy-kg.
 *
 * Reads the JSON block #kg-data written by graph/html.py and draws it with vis-network.
 * Text from documents only ever reaches the DOM through textContent (never innerHTML);
 * node and edge tooltips are plain strings, which vis-network 9 shows with innerText.
 * normKey/toSimplified mirror graph/html_search.py: keep them in step.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var N = data.visNodes.length;
  var E = data.visEdges.length;
  var CHUNK = Math.max(data.shown, 1);
  var SEARCH_LIMIT = 50;
  var FOLD = { "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "þ": "th" };
  var SYMBOLS = { dot: "●", square: "■", triangle: "▲", diamond: "◆", star: "★" };
  var DIM_NODE = "rgba(200,204,208,0.45)";
  var DIM_EDGE = "rgba(200,204,208,0.25)";
  var LABEL_COLOR = "#1f2328";
  var DIM_LABEL = "rgba(140,145,150,0.5)";
  var TOP_LABELS = 30; // the most mentioned nodes always show a label, however far out
  var LABEL_THRESHOLD = data.options.nodes.scaling.label.drawThreshold;
  var FONT_FACE = data.options.nodes.font.face;
  var T2S = new Map(Object.entries(data.t2s));
  var idIndex = new Map();
  data.nodes.forEach(function (info, i) { idIndex.set(info.id, i); });

  // incident edge indices per node, over every edge in the data (loaded or not)
  var incident = [];
  for (var i = 0; i < N; i++) incident.push([]);
  data.visEdges.forEach(function (e, j) {
    incident[e.from].push(j);
    if (e.to !== e.from) incident[e.to].push(j);
  });

  var loaded = new Uint8Array(N);
  var edgeLoaded = new Uint8Array(E);
  var loadedCount = 0;
  var edgeCount = 0;
  var nextRank = 0; // first node, in importance order, that is not loaded yet
  var pass = new Uint8Array(N).fill(1); // node passes the filters
  var filters = { hiddenTypes: new Set(), hiddenEdgeTypes: new Set(), language: "", doc: -1 };
  var dimmed = false;

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return pass[n.id] === 1; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return edgePasses(e.id); } });

  // ---- small DOM helpers: text only -------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function byId(id) { return document.getElementById(id); }

  // ---- search keys (mirror of html_search.normalize_key) -----------------------------
  function normKey(s) {
    s = String(s).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    s = s.replace(/[đðøłßæœıħþ]/g, function (c) { return FOLD[c]; });
    return s.replace(/\s+/gu, " ").trim();
  }
  function toSimplified(s) {
    var out = "";
    for (var c of s) out += T2S.has(c) ? T2S.get(c) : c;
    return out;
  }
  function search(query) {
    var q = normKey(query);
    if (!q) return [];
    var qs = toSimplified(q);
    var exact = [], prefix = [], other = [];
    for (var i = 0; i < N; i++) {
      var key = data.nodes[i].key;
      if (key.indexOf(q) < 0 && key.indexOf(qs) < 0) continue;
      var lines = "\n" + key + "\n";
      if (lines.indexOf("\n" + q + "\n") >= 0 || lines.indexOf("\n" + qs + "\n") >= 0) exact.push(i);
      else if (lines.indexOf("\n" + q) >= 0 || lines.indexOf("\n" + qs) >= 0) prefix.push(i);
      else other.push(i);
    }
    // each group is already in importance order
    return exact.concat(prefix, other).slice(0, SEARCH_LIMIT);
  }

  // ---- loading nodes ----------------------------------------------------------------
  // With physics off, vis-network redraws synchronously on every DataSet change; hold
  // drawing until a batch of changes is done, then draw once.
  var batchDepth = 0;
  function batch(fn) {
    if (!network || batchDepth > 0) return fn();
    batchDepth++;
    network.body.emitter.emit("_blockRedraw");
    try { return fn(); } finally {
      batchDepth--;
      network.body.emitter.emit("_allowRedraw");
      network.redraw();
    }
  }
  // tooltips are plain strings: vis-network 9 shows them with innerText, never as HTML
  function nodeTitle(i) {
    var info = data.nodes[i];
    return info.label + "\n" + info.type + " · " + info.mentions + " mentions";
  }
  function edgeTitle(j) {
    var e = data.visEdges[j], info = data.edges[j];
    return data.nodes[e.from].label + (e.arrows ? " → " : " — ") + data.nodes[e.to].label +
      "\n" + info.type + " · weight " + info.weight;
  }
  function addNodes(list) {
    batch(function () { addNodesNow(list); });
  }
  function addNodesNow(list) {
    clearHighlight();
    var newNodes = [], newEdges = [];
    list.forEach(function (i) {
      if (loaded[i]) return;
      loaded[i] = 1;
      loadedCount++;
      newNodes.push(Object.assign({ title: nodeTitle(i) }, data.visNodes[i]));
    });
    while (nextRank < N && loaded[nextRank]) nextRank++;
    list.forEach(function (i) {
      incident[i].forEach(function (j) {
        var e = data.visEdges[j];
        if (edgeLoaded[j] || !loaded[e.from] || !loaded[e.to]) return;
        edgeLoaded[j] = 1;
        edgeCount++;
        newEdges.push(Object.assign({ title: edgeTitle(j) }, e));
      });
    });
    nodes.add(newNodes);
    edges.add(newEdges);
    updateCount();
  }
  function range(from, to) {
    var out = [];
    for (var i = from; i < to; i++) if (!loaded[i]) out.push(i);
    return out;
  }
  function showMore() {
    var list = [];
    for (var i = nextRank; i < N && list.length < CHUNK; i++) if (!loaded[i]) list.push(i);
    addNodes(list);
  }
  function showAll() { addNodes(range(nextRank, N)); }

  function plural(k, word) { return k + " " + word + (k === 1 ? "" : "s"); }
  function updateCount() {
    var count = byId("kg-count"), more = byId("kg-more"), all = byId("kg-all");
    var text;
    if (loadedCount < N) {
      text = "Showing " + loadedCount + " of " + N + " nodes (the most mentioned first)";
      more.textContent = "Show " + Math.min(CHUNK, N - loadedCount) + " more";
      more.hidden = false;
      all.hidden = false;
      count.className = "kg-note kg-truncated";
    } else {
      text = plural(N, "node") + ", " + plural(edgeCount, "edge");
      more.hidden = true;
      all.hidden = true;
      count.className = "kg-note";
    }
    if (nodeView.length !== loadedCount) text += " · " + nodeView.length + " match the filters";
    count.textContent = text;
  }

  // ---- filters ----------------------------------------------------------------------
  function nodePasses(i) {
    var info = data.nodes[i];
    if (filters.hiddenTypes.has(info.type)) return false;
    if (filters.language && info.languages.indexOf(filters.language) < 0) return false;
    if (filters.doc >= 0 && info.documents.indexOf(filters.doc) < 0) return false;
    return true;
  }
  function edgePasses(j) {
    var e = data.visEdges[j], info = data.edges[j];
    if (filters.hiddenEdgeTypes.has(info.type)) return false;
    if (filters.doc >= 0 && info.documents.indexOf(filters.doc) < 0) return false;
    return pass[e.from] === 1 && pass[e.to] === 1;
  }
  function applyFilters() {
    batch(function () {
      clearHighlight();
      for (var i = 0; i < N; i++) pass[i] = nodePasses(i) ? 1 : 0;
      nodeView.refresh();
      edgeView.refresh();
    });
    updateCount();
  }

  // ---- neighbourhood highlight ------------------------------------------------------
  function styleAll(keepNodes, keepEdges) {
    var nodeUpdates = [], edgeUpdates = [];
    nodes.forEach(function (n) {
      var v = data.visNodes[n.id], keep = !keepNodes || keepNodes.has(n.id);
      nodeUpdates.push({ id: n.id, color: keep ? v.color : DIM_NODE,
                         font: { size: v.font.size, color: keep ? LABEL_COLOR : DIM_LABEL } });
    });
    edges.forEach(function (e) {
      var keep = !keepEdges || keepEdges.has(e.id);
      edgeUpdates.push({ id: e.id, color: keep ? data.visEdges[e.id].color : DIM_EDGE });
    });
    batch(function () {
      nodes.update(nodeUpdates);
      edges.update(edgeUpdates);
    });
  }
  function highlightNodes(centre, extraEdges) {
    var keepNodes = new Set(centre), keepEdges = new Set(extraEdges || []);
    centre.forEach(function (i) {
      if (!nodeView.get(i)) return;
      network.getConnectedNodes(i).forEach(function (n) { keepNodes.add(n); });
      network.getConnectedEdges(i).forEach(function (e) { keepEdges.add(e); });
    });
    styleAll(keepNodes, keepEdges);
    dimmed = true;
  }
  function clearHighlight() {
    if (!dimmed) return;
    dimmed = false;
    styleAll(null, null);
  }

  // ---- side panel -------------------------------------------------------------------
  var panel = byId("kg-panel");
  function section(title, parent) { (parent || panel).appendChild(el("h3", null, title)); }
  function docLabel(d) {
    var doc = data.documents[d];
    return doc ? doc.title : "(unknown document)";
  }
  function nodeLink(i) {
    var b = el("button", "kg-link", data.nodes[i].label);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(i); });
    return b;
  }
  function documentList(docs) {
    var ul = el("ul");
    docs.forEach(function (d) {
      var li = el("li", null, docLabel(d));
      var doc = data.documents[d];
      if (doc) li.appendChild(el("span", "kg-muted", " · " + doc.id + (doc.date ? " · " + doc.date : "")));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function evidenceList(evidence, total) {
    section(total > evidence.length ? "Sentences (" + evidence.length + " of " + total + ")" : "Sentences (" + evidence.length + ")");
    evidence.forEach(function (ev) {
      panel.appendChild(el("blockquote", null, ev[1]));
      panel.appendChild(el("cite", null, "— " + (ev[0] >= 0 ? docLabel(ev[0]) : "(unknown document)")));
    });
  }
  function showNode(i) {
    var info = data.nodes[i];
    clear(panel);
    panel.dataset.kind = "node";
    panel.appendChild(el("h2", null, info.label));
    panel.appendChild(el("p", "kg-muted", info.type + " · " + info.mentions + " mentions · " + info.id));
    section("Names");
    var ul = el("ul");
    info.aliases.forEach(function (a) { ul.appendChild(el("li", "kg-alias", a)); });
    panel.appendChild(ul);
    if (info.languages.length) {
      section("Languages");
      panel.appendChild(el("p", null, info.languages.join(", ")));
    }
    section("Documents (" + info.documents.length + ")");
    documentList(info.documents);
    evidenceList(info.evidence, info.evidenceTotal);
    var links = incident[i].slice().sort(function (a, b) { return data.edges[b].weight - data.edges[a].weight || a - b; });
    if (links.length) {
      section("Connected (" + links.length + ")");
      var list = el("ul");
      links.slice(0, 30).forEach(function (j) {
        var e = data.visEdges[j], other = e.from === i ? e.to : e.from;
        var li = el("li");
        li.appendChild(nodeLink(other));
        li.appendChild(el("span", "kg-muted", " · "));
        var edgeButton = el("button", "kg-link kg-muted", data.edges[j].type + " · " + data.edges[j].weight);
        edgeButton.type = "button";
        edgeButton.addEventListener("click", function () { selectEdge(j); });
        li.appendChild(edgeButton);
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
  }
  function showEdge(j) {
    var e = data.visEdges[j], info = data.edges[j];
    clear(panel);
    panel.dataset.kind = "edge";
    var h = el("h2");
    h.appendChild(nodeLink(e.from));
    h.appendChild(document.createTextNode(e.arrows ? " → " : " — "));
    h.appendChild(nodeLink(e.to));
    panel.appendChild(h);
    panel.appendChild(el("p", "kg-muted", info.type + " · weight " + info.weight));
    if (info.attributes.length) {
      var attrs = el("ul");
      info.attributes.forEach(function (kv) { attrs.appendChild(el("li", null, kv[0] + ": " + kv[1])); });
      panel.appendChild(attrs);
    }
    section("Documents (" + info.documents.length + ")");
    documentList(info.documents);
    evidenceList(info.evidence, info.evidenceTotal);
  }
  function clearPanel() {
    clear(panel);
    delete panel.dataset.kind;
    panel.appendChild(el("p", "kg-hint", "Click a node or an edge to see its names, documents and sentences."));
  }

  // ---- selection --------------------------------------------------------------------
  function toIndex(id) {
    if (typeof id === "number") return id >= 0 && id < N ? id : -1;
    return idIndex.has(String(id)) ? idIndex.get(String(id)) : -1;
  }
  function selectNode(id, focus) {
    var i = toIndex(id);
    if (i < 0) return false;
    if (!loaded[i]) addNodes([i]);
    showNode(i);
    if (nodeView.get(i)) {
      network.selectNodes([i]);
      highlightNodes([i]);
      if (focus !== false) network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: false });
    }
    return true;
  }
  function selectEdge(j) {
    if (j < 0 || j >= E) return false;
    var e = data.visEdges[j];
    if (!edgeLoaded[j]) addNodes([e.from, e.to]);
    showEdge(j);
    if (edgeView.get(j)) {
      network.setSelection({ nodes: [], edges: [j] });
      highlightNodes([e.from, e.to], [j]);
    }
    return true;
  }
  function unselect() {
    network.unselectAll();
    clearHighlight();
    clearPanel();
  }

  // ---- controls ---------------------------------------------------------------------
  function buildControls() {
    var nodeTypes = byId("kg-node-types");
    data.nodeTypes.forEach(function (t) {
      var label = el("label"), box = el("input"), swatch = el("span", "kg-swatch", SYMBOLS[t.shape] || "●");
      box.type = "checkbox";
      box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) filters.hiddenTypes.delete(t.type); else filters.hiddenTypes.add(t.type);
        applyFilters();
      });
      swatch.style.color = t.color;
      label.append(box, swatch, el("span", null, t.type + " (" + t.count + ")"));
      nodeTypes.appendChild(label);
    });
    nodeTypes.appendChild(el("p", "kg-muted", "Size: mentions"));
    var edgeTypes = byId("kg-edge-types");
    data.edgeTypes.forEach(function (t) {
      var label = el("label"), box = el("input"), line = el("span", t.type === "ALIAS_OF" ? "kg-line kg-dashed" : "kg-line");
      box.type = "checkbox";
      box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) filters.hiddenEdgeTypes.delete(t.type); else filters.hiddenEdgeTypes.add(t.type);
        applyFilters();
      });
      line.style.borderColor = t.color;
      label.append(box, line, el("span", null, t.type + (t.directed ? " →" : "") + " (" + t.count + ")"));
      edgeTypes.appendChild(label);
    });
    edgeTypes.appendChild(el("p", "kg-muted", "Width: supporting sentences"));
    var language = byId("kg-language");
    data.languages.forEach(function (lang) {
      var option = el("option", null, lang);
      option.value = lang;
      language.appendChild(option);
    });
    language.addEventListener("change", function () { filters.language = language.value; applyFilters(); });
    var documentSelect = byId("kg-document");
    data.documents.forEach(function (doc, d) {
      var option = el("option", null, doc.title + (doc.date ? " (" + doc.date + ")" : ""));
      option.value = String(d);
      option.title = doc.id;
      documentSelect.appendChild(option);
    });
    documentSelect.addEventListener("change", function () { filters.doc = Number(documentSelect.value); applyFilters(); });

    var input = byId("kg-search"), results = byId("kg-results"), timer = null;
    function runSearch() {
      clear(results);
      search(input.value).forEach(function (i) {
        var li = el("li"), b = el("button");
        b.type = "button";
        b.dataset.node = data.nodes[i].id;
        b.appendChild(el("span", "kg-label", data.nodes[i].label));
        var note = " · " + data.nodes[i].type;
        if (!loaded[i]) note += " · not shown yet";
        else if (!pass[i]) note += " · filtered out";
        b.appendChild(el("span", "kg-type", note));
        b.addEventListener("click", function () { selectNode(i); });
        li.appendChild(b);
        results.appendChild(li);
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(runSearch, 120); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        clearTimeout(timer);
        runSearch();
        var first = results.querySelector("button");
        if (first) first.click();
      }
    });
    byId("kg-more").addEventListener("click", showMore);
    byId("kg-all").addEventListener("click", showAll);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") unselect(); });
  }

  // ---- labels of the top nodes when zoomed out --------------------------------------
  // vis-network hides labels smaller than drawThreshold on screen; draw the most
  // mentioned visible nodes' labels at a fixed screen size instead (canvas text: inert).
  function drawTopLabels(ctx) {
    var scale = network.getScale(), shown = 0;
    ctx.save();
    ctx.font = (13 / scale) + "px " + FONT_FACE;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.lineJoin = "round";
    for (var i = 0; i < N && shown < TOP_LABELS; i++) {
      if (!loaded[i] || !pass[i]) continue;
      shown++;
      var v = data.visNodes[i];
      if (v.font.size * scale >= LABEL_THRESHOLD) continue; // vis-network draws this one
      var body = network.body.nodes[i];
      if (!body) continue;
      var y = body.y + v.size + 3 / scale;
      ctx.fillStyle = dimmed && body.options.color.background === DIM_NODE ? DIM_LABEL : LABEL_COLOR;
      ctx.strokeText(v.label, body.x, y);
      ctx.fillText(v.label, body.x, y);
    }
    ctx.restore();
  }

  // ---- start ------------------------------------------------------------------------
  var network = null;
  buildControls(); // before the network, so the page layout is final when it first draws
  network = new vis.Network(byId("kg-network"), { nodes: nodeView, edges: edgeView }, data.options);
  network.once("afterDrawing", function () { window.kgFirstDraw = performance.now(); });
  network.on("afterDrawing", drawTopLabels);
  // One draw, already fitted: add everything and fit while drawing is held. The
  // constructor queued a frame for its empty draw; release drawing in the next frame,
  // after that one has been skipped.
  network.body.emitter.emit("_blockRedraw");
  addNodesNow(range(0, data.shown));
  network.fit({ animation: false });
  requestAnimationFrame(function () {
    network.body.emitter.emit("_allowRedraw");
    network.redraw();
  });
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else unselect();
  });

  window.network = network;
  window.policyKG = {
    data: data,
    nodes: nodes,
    edges: edges,
    normKey: normKey,
    search: function (q) { return search(q).map(function (i) { return data.nodes[i].id; }); },
    selectNode: selectNode,
    selectEdge: selectEdge,
    unselect: unselect,
    showMore: showMore,
    showAll: showAll,
    applyFilters: applyFilters,
    filters: filters,
    loadedCount: function () { return loadedCount; }
  };
})();
