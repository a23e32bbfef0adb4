// warledger map, timeline brush and live table: one filter state drives all three.
// Offline: Leaflet and its cluster plugin are vendored, boundaries come from this server.
"use strict";

(function () {
  const KIND_COLOURS = JSON.parse(document.body.dataset.kindColours || "{}");
  const SHADES = ["#f3f3f3", "#e4edf6", "#c9dcee", "#a6c4e2", "#7ea8d3", "#5b8cc2"];

  function shadeIndex(n, top) {
    if (!n || !top) return 0;
    return Math.max(1, Math.min(5, Math.ceil(5 * Math.sqrt(n / top))));
  }

  function text(tag, content, className) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = content;
    return el;
  }

  // -- the filter state: the page's URL query -------------------------------------------
  const state = new URLSearchParams(window.location.search);

  function query(extra) {
    const q = new URLSearchParams(state);
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    return q.toString();
  }

  function setFilter(name, value) {
    if (value) state.set(name, value); else state.delete(name);
    state.delete("offset");
    const url = new URL(window.location.href);
    url.search = query();
    window.history.replaceState(null, "", url.toString());
    const input = document.querySelector(`form.filters [name="${name}"]`);
    if (input) {
      if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
        input.add(new Option(value, value));
      }
      input.value = value || "";
    }
    showChips();
    refresh();
  }

  function showChips() {
    const box = document.getElementById("active-filters");
    if (!box) return;
    box.replaceChildren();
    const labels = {kind: "Kind", side: "Side", country: "Country", oblast: "Oblast", place: "Place",
      q: "Text", status: "Status", date_from: "From", date_to: "To", theatre: "Theatre",
      subtype: "Subtype", source: "Source"};
    for (const [k, v] of state.entries()) {
      if (!labels[k] || !v) continue;
      const chip = text("span", `${labels[k]}: ${v} `, "chip");
      chip.dataset.filter = k;
      const x = text("button", "×", "chip-remove");
      x.type = "button";
      x.title = `remove the ${labels[k].toLowerCase()} filter`;
      x.addEventListener("click", () => setFilter(k, ""));
      chip.appendChild(x);
      box.appendChild(chip);
    }
    if (!box.children.length) box.textContent = "none";
  }

  // -- map ------------------------------------------------------------------------------
  let map = null, clusters = null, oblastLayer = null, regionLayer = null, oblastCounts = {}, legendTop = null;

  function popupFor(p) {
    const box = document.createElement("div");
    const a = text("a", p.summary || p.kind, "popup-title");
    a.href = `/events/${p.event_id}`;
    box.appendChild(a);
    const when = p.date_start ? (p.date_end && p.date_end !== p.date_start
      ? `${p.date_start} – ${p.date_end}` : p.date_start) : "date unknown";
    box.appendChild(text("div", `${when} (${p.date_precision || "unknown"} precision) · ${p.place_name || "?"}${p.admin1 && p.admin1 !== p.place_name ? ", " + p.admin1 : ""}`));
    if (p.contradiction) box.appendChild(text("div", "sources disagree on a number", "disputed"));
    if (p.kind === "strike" && p.date_start) {
      const b = text("a", "that night's barrage", "popup-barrage");
      b.href = `/barrages?date_from=${p.date_start}&date_to=${p.date_start}`;
      box.appendChild(b);
    }
    return box;
  }

  function drawMarkers(features) {
    clusters.clearLayers();
    const markers = features.map((f) => {
      const p = f.properties;
      const people = (p.killed || 0) + (p.injured || 0);
      const m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        radius: Math.min(16, 5 + Math.sqrt(people)),
        color: p.contradiction ? "#000" : "#fff",
        weight: p.contradiction ? 2.5 : 1,
        dashArray: p.contradiction ? "3 2" : null,
        fillColor: KIND_COLOURS[p.kind] || "#333",
        fillOpacity: 0.9,
        className: `event-marker kind-${p.kind}${p.contradiction ? " disputed-marker" : ""}`,
      });
      m.bindPopup(() => popupFor(p));
      m.feature = f;
      return m;
    });
    clusters.addLayers(markers);
  }

  function areaName(feature) {
    return feature.properties.name_en || feature.properties.shapeName || feature.properties.name;
  }

  // Ukraine's oblasts and Russia's border regions share the shading and the click filter:
  // both are an event's admin1.
  function styleArea(feature) {
    const name = areaName(feature);
    const top = Math.max(0, ...Object.values(oblastCounts));
    const selected = state.get("oblast") === name;
    const region = feature.properties.country === "RU";
    return {
      color: selected ? "#b30000" : (region ? "#8a6a58" : "#777"),
      weight: selected ? 2.5 : 0.8,
      dashArray: region && !selected ? "4 3" : null,
      fillColor: SHADES[shadeIndex(oblastCounts[name] || 0, top)],
      fillOpacity: 0.85,
      className: region ? "region-shape" : "oblast-shape",
    };
  }

  function clickableAreas(geojson, labelClass, attr) {
    const layer = L.geoJSON(geojson, {
      style: styleArea,
      onEachFeature: (feature, area) => {
        const name = areaName(feature);
        area.bindTooltip(name, {permanent: true, direction: "center", className: labelClass});
        area.on("click", () => setFilter("oblast", state.get("oblast") === name ? "" : name));
        area.on("add", () => {
          const path = area.getElement && area.getElement();
          if (path) path.setAttribute(attr, name);
        });
      },
    }).addTo(map);
    layer.eachLayer((area) => {
      const path = area.getElement && area.getElement();
      if (path) path.setAttribute(attr, areaName(area.feature));
    });
    return layer;
  }

  function updateLegend(data) {
    const top = Math.max(0, ...Object.values(oblastCounts));
    if (legendTop) legendTop.textContent = String(top);
    const count = document.getElementById("map-count");
    if (count) count.textContent = String(data.placed);
    const unplaced = document.getElementById("map-unplaced");
    if (unplaced) unplaced.textContent = String(data.unplaced);
    const scale = document.getElementById("shade-scale");
    if (scale) {
      scale.replaceChildren();
      let prevHi = 0;
      for (let i = 0; i <= 5; i++) {
        // shade i holds counts n with ceil(5 * sqrt(n / top)) == i (see shadeIndex)
        const hi = i === 0 ? 0 : Math.floor(top * (i / 5) ** 2);
        const lo = i === 0 ? 0 : prevHi + 1;
        if (i > 0 && lo > hi) continue;
        prevHi = hi;
        const li = document.createElement("li");
        const sw = text("span", "", "swatch");
        sw.classList.add(`shade-${i}`);
        li.appendChild(sw);
        li.appendChild(document.createTextNode(i === 0 ? " none" : ` ${lo === hi ? hi : lo + "–" + hi}`));
        scale.appendChild(li);
      }
    }
  }

  async function refreshMap() {
    const el = document.getElementById("map");
    if (!el || !map) return;
    const res = await fetch(`/api/map?${query()}`);
    if (!res.ok) return;
    const data = await res.json();
    oblastCounts = data.oblasts;
    if (oblastLayer) oblastLayer.setStyle(styleArea);
    if (regionLayer) regionLayer.setStyle(styleArea);
    drawMarkers(data.features);
    updateLegend(data);
    el.dataset.placed = String(data.placed);
    el.dataset.loaded = String(Number(el.dataset.loaded || 0) + 1);
  }

  async function initMap() {
    const el = document.getElementById("map");
    if (!el || typeof L === "undefined") return;
    map = L.map(el, {zoomSnap: 0.5, minZoom: 3, maxZoom: 13, attributionControl: true})
      .setView([48.6, 33.5], Number(el.dataset.zoom || 5.5));
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(el.dataset.attribution || "");
    L.control.scale({imperial: false}).addTo(map);
    const res = await fetch("/map/boundaries.json");
    const b = await res.json();
    L.geoJSON(b.countries, {
      style: {color: "#999", weight: 0.8, fillColor: "#e9e6df", fillOpacity: 1},
      interactive: false,
    }).addTo(map);
    oblastLayer = clickableAreas(b.oblasts, "oblast-label", "data-oblast");
    regionLayer = clickableAreas(b.regions, "region-label", "data-region");
    map.on("zoomend", () => el.classList.toggle("labels-small", map.getZoom() < 5.5));
    el.classList.toggle("labels-small", map.getZoom() < 5.5);
    clusters = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false});
    map.addLayer(clusters);
    legendTop = document.getElementById("legend-top");
    window.warledger = {map, clusters, state, refresh};
    await refreshMap();
  }

  // -- the table under the map ----------------------------------------------------------
  async function refreshTable() {
    const table = document.getElementById("events-table");
    if (!table || !table.dataset.fragment) return;
    const res = await fetch(`${table.dataset.fragment}?${query()}`);
    if (!res.ok) return;
    const html = await res.text();
    const doc = new DOMParser().parseFromString(`<table>${html}</table>`, "text/html");
    const body = doc.querySelector("tbody");
    if (body) table.tBodies[0].replaceWith(body);
    const total = document.getElementById("total");
    const headerTotal = body && body.dataset.total;
    if (total && headerTotal !== undefined) total.textContent = headerTotal;
    const left = document.getElementById("left-out");
    if (left && body) left.textContent = body.dataset.leftOut || "0";
  }

  function refreshExports() {
    document.querySelectorAll("a.export").forEach((a) => {
      a.href = `${a.dataset.base}?${query()}`;
    });
  }

  async function refresh() {
    refreshExports();
    await Promise.all([refreshMap(), refreshTable()]);
  }

  // -- the timeline brush ---------------------------------------------------------------
  function dayOf(svg, x) {
    const first = new Date(svg.dataset.first + "T00:00:00Z");
    const step = Number(svg.dataset.step), x0 = Number(svg.dataset.x0);
    const days = Math.floor((x - x0) / step);
    const n = Number(svg.dataset.days);
    const d = new Date(first.getTime() + Math.max(0, Math.min(n - 1, days)) * 86400000);
    return d.toISOString().slice(0, 10);
  }

  function initBrush() {
    const svg = document.getElementById("timeline");
    if (!svg || !svg.dataset.first) return;
    const brush = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    brush.setAttribute("class", "brush");
    brush.setAttribute("y", "0");
    brush.setAttribute("height", svg.dataset.base);
    brush.setAttribute("width", "0");
    svg.appendChild(brush);
    let start = null;
    const toX = (evt) => {
      const pt = svg.createSVGPoint();
      pt.x = evt.clientX; pt.y = evt.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
    };
    svg.addEventListener("mousedown", (evt) => {
      start = toX(evt);
      brush.setAttribute("x", String(start));
      brush.setAttribute("width", "0");
      evt.preventDefault();
    });
    svg.addEventListener("mousemove", (evt) => {
      if (start === null) return;
      const x = toX(evt);
      brush.setAttribute("x", String(Math.min(start, x)));
      brush.setAttribute("width", String(Math.abs(x - start)));
    });
    const finish = (evt) => {
      if (start === null) return;
      const x = toX(evt), a = Math.min(start, x), b = Math.max(start, x);
      start = null;
      if (b - a < 3) return;  // a click, not a drag: links in the timeline still work
      const from = dayOf(svg, a), to = dayOf(svg, b);
      state.set("date_from", from);
      setFilter("date_to", to);
      const f = document.querySelector('form.filters [name="date_from"]');
      if (f) f.value = from;
      const label = document.getElementById("brush-range");
      if (label) label.textContent = `${from} – ${to}`;
    };
    svg.addEventListener("mouseup", finish);
    svg.addEventListener("mouseleave", finish);
    const clear = document.getElementById("brush-clear");
    if (clear) clear.addEventListener("click", () => {
      brush.setAttribute("width", "0");
      state.delete("date_from");
      const f = document.querySelector('form.filters [name="date_from"]');
      if (f) f.value = "";
      const label = document.getElementById("brush-range");
      if (label) label.textContent = "all dates";
      setFilter("date_to", "");
    });
  }

  // -- a small map on an event page -----------------------------------------------------
  async function initMiniMap() {
    const el = document.getElementById("event-map");
    if (!el || typeof L === "undefined") return;
    const lat = Number(el.dataset.lat), lon = Number(el.dataset.lon);
    const m = L.map(el, {zoomControl: true, attributionControl: true}).setView([lat, lon], 7);
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution(el.dataset.attribution || "");
    L.control.scale({imperial: false}).addTo(m);
    const b = await (await fetch("/map/boundaries.json")).json();
    L.geoJSON(b.countries, {style: {color: "#999", weight: 0.8, fillColor: "#e9e6df", fillOpacity: 1}}).addTo(m);
    L.geoJSON(b.oblasts, {style: {color: "#777", weight: 0.8, fillColor: "#f6f6f6", fillOpacity: 1}}).addTo(m);
    L.geoJSON(b.regions, {style: {color: "#8a6a58", weight: 0.8, dashArray: "4 3", fillColor: "#f6f6f6", fillOpacity: 1}}).addTo(m);
    L.circleMarker([lat, lon], {radius: 8, color: "#fff", weight: 1.5, fillColor: KIND_COLOURS[el.dataset.kind] || "#333",
      fillOpacity: 0.95, className: "event-marker"}).addTo(m).bindTooltip(el.dataset.label || "", {permanent: true, direction: "right"});
    el.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", () => {
    showChips();
    refreshExports();
    initMap();
    initBrush();
    initMiniMap();
  });
})();
