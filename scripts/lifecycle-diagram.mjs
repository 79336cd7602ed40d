// Draws the referral lifecycle as an SVG state diagram from the transition
// table itself (REFERRAL_TRANSITIONS in the built package), so the picture on
// the documentation site can never drift from the code. No layout engine and
// no browser: a small layout of our own, made for this kind of table.
//
//   - The statuses a referral moves through (found by walking the table from
//     the first status, never through a terminal or a hold) form a column, in
//     the order they are reached; a step to the next status is a straight
//     arrow, any other step an arc on the left.
//   - Terminal statuses and holds (a status left by a `previous` row) stand in
//     a column on the right. Every (event, target) pair that leads there has a
//     vertical bus: a stub (with a dot) from each status the event is allowed
//     in, and one arrow from the bus to the target. So "withdrawn, from any of
//     these" is one arrow, and the stubs say exactly which.
//   - Events that leave the status as it is are listed inside the box (↻); a
//     `previous` row is written inside the hold's box. A guarded event is
//     marked † and its guard named in the legend.
//   - Every element that draws a row of the table names it in `data-rows`
//     (`from:event`), so a test can check that no row is left out.
//
// `lifecycleSvg(table)` is pure; scripts/build-site.mjs puts its result in
// place of the guide's mermaid block.

const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";
const NAME_PX = 13; // status names
const SMALL_PX = 11; // events
const CHAR = 0.61; // monospace advance, in em
const LINE = 14; // line height of the small text in a box
const WRAP = 30; // characters per line of the small text in a box
const GAP = 44; // vertical gap between boxes in the main column
const BUS_STEP = 20;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const width = (text, px) => text.length * px * CHAR;
const r = (n) => Math.round(n * 10) / 10;

/** Splits a comma-separated list into lines of at most `max` characters. */
function wrap(prefix, items, max) {
  const lines = [];
  let line = prefix;
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (line.length > prefix.length && line.length + 1 + piece.length > max) {
      lines.push(line);
      line = ' '.repeat(prefix.length) + piece;
    } else line += (line.length > prefix.length ? ' ' : '') + piece;
  }
  lines.push(line);
  return lines;
}

/**
 * @param {{ transitions: readonly { from: string; event: string; to: string; guard?: string }[];
 *           statuses: readonly string[]; terminal: readonly string[]; initialEvent?: string }} table
 * @returns {string} an `<svg>` element
 */
export function lifecycleSvg({ transitions, statuses, terminal, initialEvent = 'received' }) {
  const isTerminal = new Set(terminal);
  const label = (t) => t.event + (t.guard === undefined ? '' : '†');
  for (const t of transitions) {
    for (const s of [t.from, t.to]) {
      if (s !== 'previous' && !statuses.includes(s)) throw new Error(`lifecycle diagram: unknown status ${s} in the transition table`);
    }
  }
  const holds = new Set(transitions.filter((t) => t.to === 'previous').map((t) => t.from));
  const side = (s) => isTerminal.has(s) || holds.has(s);

  // The main column: breadth-first from the first status, in table order.
  const main = [statuses[0]];
  for (let i = 0; i < main.length; i++) {
    for (const t of transitions) {
      if (t.from === main[i] && t.to !== 'previous' && !side(t.to) && !main.includes(t.to)) main.push(t.to);
    }
  }
  for (const s of statuses) if (!side(s) && !main.includes(s)) main.push(s); // unreachable: still drawn
  const right = statuses.filter(side);

  // Box contents: the name, the events that stay (↻), a hold's way back.
  const lines = new Map(statuses.map((s) => [s, []]));
  for (const s of statuses) {
    const stay = transitions.filter((t) => t.from === s && t.to === s).map(label);
    if (stay.length > 0) lines.get(s).push(...wrap('↻ ', stay, WRAP));
    for (const t of transitions.filter((t) => t.from === s && t.to === 'previous')) {
      lines.get(s).push(`${label(t)} → back to the status`, '  it was put on hold from');
    }
  }
  const boxW = (s) => Math.max(width(s, NAME_PX) + 24, ...lines.get(s).map((l) => width(l, SMALL_PX) + 20), 150);
  const boxH = (s) => 30 + LINE * lines.get(s).length + (isTerminal.has(s) ? 4 : 0);

  // Edges: within the main column, and into the right column (one bus per event and target).
  const inner = new Map(); // "from>to" -> events
  const buses = new Map(); // "event>to" -> { event, to, guard, froms }
  for (const t of transitions) {
    if (t.to === t.from || t.to === 'previous') continue;
    if (side(t.to)) {
      const key = `${t.event}>${t.to}`;
      if (!buses.has(key)) buses.set(key, { event: t.event, to: t.to, guard: t.guard, froms: [] });
      buses.get(key).froms.push(t.from);
    } else {
      const key = `${t.from}>${t.to}`;
      if (!inner.has(key)) inner.set(key, { from: t.from, to: t.to, events: [], rows: [] });
      inner.get(key).events.push(label(t));
      inner.get(key).rows.push(`${t.from}:${t.event}`);
    }
  }
  const arcs = [...inner.values()].filter((e) => main.indexOf(e.to) !== main.indexOf(e.from) + 1);
  const arcSpan = (e) => Math.abs(main.indexOf(e.to) - main.indexOf(e.from));
  arcs.sort((a, b) => arcSpan(a) - arcSpan(b) || main.indexOf(a.from) - main.indexOf(b.from));
  const arcLabelW = Math.max(0, ...arcs.map((e) => width(e.events.join(', '), SMALL_PX)));

  // Main column geometry.
  const mainW = Math.max(...main.map(boxW));
  const colX = 24 + arcLabelW / 2 + 30 * arcs.length + 10;
  const pos = new Map();
  let y = 70; // room for the start dot and the creating event
  for (const s of main) {
    pos.set(s, { x: colX, y, w: mainW, h: boxH(s) });
    y += boxH(s) + GAP;
  }
  const mainBottom = y - GAP;
  const cy = (s) => pos.get(s).y + pos.get(s).h / 2;

  // Right column: each status placed level with the statuses that lead to it, in that order.
  const ideal = (s) => {
    const from = [...buses.values()].filter((b) => b.to === s).flatMap((b) => b.froms).filter((f) => pos.has(f));
    return from.length === 0 ? mainBottom : from.reduce((sum, f) => sum + cy(f), 0) / from.length;
  };
  const busList = [...buses.values()];
  const rightW = Math.max(...right.map(boxW));
  const busX0 = colX + mainW + 28;
  const rightX = busX0 + BUS_STEP * (busList.length - 1) + 40 + Math.max(...busList.map((b) => width(label(b), SMALL_PX))) + 10;
  let next = 40;
  for (const s of [...right].sort((a, b) => ideal(a) - ideal(b))) {
    const h = boxH(s);
    const top = Math.max(next, ideal(s) - h / 2);
    pos.set(s, { x: rightX, y: top, w: rightW, h });
    next = top + h + 18;
  }
  // Buses from left to right in the order of their targets, top first.
  busList.sort((a, b) => pos.get(a.to).y - pos.get(b.to).y || a.event.localeCompare(b.event));

  // Attachment points on box edges, spread evenly, ordered by where the other end is.
  const slots = new Map(); // "status|side" -> [{ key, other }]
  const want = (s, edge, key, other) => {
    const k = `${s}|${edge}`;
    if (!slots.has(k)) slots.set(k, []);
    slots.get(k).push({ key, other });
  };
  for (const [i, e] of arcs.entries()) {
    want(e.from, 'left', `arc${i}`, cy(e.to));
    want(e.to, 'left', `arc${i}`, cy(e.from));
  }
  for (const [i, b] of busList.entries()) {
    const into = pos.get(b.to);
    for (const f of b.froms) want(f, pos.get(f).x < into.x ? 'right' : 'left', `bus${i}`, cy(b.to));
    want(b.to, 'left', `bus${i}`, -1); // the arrow in
  }
  const at = new Map(); // "status|key" -> y
  for (const [k, list] of slots) {
    const [s] = k.split('|');
    const p = pos.get(s);
    list.sort((a, b) => a.other - b.other);
    list.forEach((slot, i) => at.set(`${s}|${slot.key}`, p.y + (p.h * (i + 1)) / (list.length + 1)));
  }

  const out = [];
  const text = (x, y0, s, cls, anchor = 'middle') => out.push(`<text x="${r(x)}" y="${r(y0)}" class="${cls}" text-anchor="${anchor}">${esc(s)}</text>`);

  // Start: a dot and the event that creates the referral.
  const first = pos.get(main[0]);
  const startX = first.x + first.w / 2;
  out.push(`<circle cx="${r(startX)}" cy="18" r="7" class="sp-lc-start"/>`);
  out.push(`<path d="M${r(startX)} 25 V${r(first.y - 1)}" class="sp-lc-edge" marker-end="url(#sp-lc-arrow)"/>`);
  text(startX + 8, 50, `${initialEvent} (creates the referral)`, 'sp-lc-event', 'start');

  // Straight steps down the column.
  for (const e of inner.values()) {
    if (arcs.includes(e)) continue;
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    const x = a.x + a.w / 2;
    out.push(`<path d="M${r(x)} ${r(a.y + a.h)} V${r(b.y - 1)}" class="sp-lc-edge" marker-end="url(#sp-lc-arrow)" data-rows="${e.rows.join(' ')}"/>`);
    text(x + 8, (a.y + a.h + b.y) / 2 + 4, e.events.join(', '), 'sp-lc-event', 'start');
  }
  // Other steps: arcs on the left, wider for longer spans.
  const placed = [];
  for (const [i, e] of arcs.entries()) {
    const y1 = at.get(`${e.from}|arc${i}`);
    const y2 = at.get(`${e.to}|arc${i}`);
    const x = colX;
    const bulge = 34 + 30 * i;
    const cx = x - bulge * 1.33;
    out.push(`<path d="M${r(x)} ${r(y1)} C${r(cx)} ${r(y1)} ${r(cx)} ${r(y2)} ${r(x - 1)} ${r(y2)}" class="sp-lc-edge" marker-end="url(#sp-lc-arrow)" data-rows="${e.rows.join(' ')}"/>`);
    // At the apex; moved down while it would overlap an earlier arc's label.
    const words = e.events.join(', ');
    const box = { x: x - bulge - width(words, SMALL_PX) / 2, w: width(words, SMALL_PX), y: (y1 + y2) / 2 + 4 };
    while (placed.some((o) => o.x < box.x + box.w && box.x < o.x + o.w && Math.abs(o.y - box.y) < LINE)) box.y += LINE;
    placed.push(box);
    text(x - bulge, box.y, words, 'sp-lc-event sp-lc-halo');
  }
  // Buses into the right column.
  for (const [i, b] of busList.entries()) {
    const bx = busX0 + BUS_STEP * i;
    const into = pos.get(b.to);
    const yIn = at.get(`${b.to}|bus${i}`);
    const ys = [yIn];
    for (const f of b.froms) {
      const p = pos.get(f);
      const ya = at.get(`${f}|bus${i}`);
      ys.push(ya);
      const x0 = p.x < into.x ? p.x + p.w : p.x;
      out.push(`<path d="M${r(x0)} ${r(ya)} H${r(bx)}" class="sp-lc-edge"/>`);
      out.push(`<circle cx="${r(bx)}" cy="${r(ya)}" r="2.6" class="sp-lc-dot" data-rows="${f}:${b.event}"/>`);
    }
    out.push(`<path d="M${r(bx)} ${r(Math.min(...ys))} V${r(Math.max(...ys))}" class="sp-lc-edge"/>`);
    out.push(`<path d="M${r(bx)} ${r(yIn)} H${r(into.x - 1)}" class="sp-lc-edge" marker-end="url(#sp-lc-arrow)"/>`);
    text(into.x - 8, yIn - 4, label(b), 'sp-lc-event sp-lc-halo', 'end');
  }
  // Boxes last, over the lines.
  for (const s of statuses) {
    const p = pos.get(s);
    const cls = isTerminal.has(s) ? 'sp-lc-box sp-lc-terminal' : holds.has(s) ? 'sp-lc-box sp-lc-hold' : 'sp-lc-box';
    const kept = transitions.filter((t) => t.from === s && (t.to === s || t.to === 'previous')).map((t) => `${s}:${t.event}`);
    out.push(`<g class="${cls}" data-status="${esc(s)}" data-rows="${kept.join(' ')}">`);
    out.push(`<rect x="${r(p.x)}" y="${r(p.y)}" width="${r(p.w)}" height="${r(p.h)}" rx="7"/>`);
    if (isTerminal.has(s)) out.push(`<rect x="${r(p.x + 3)}" y="${r(p.y + 3)}" width="${r(p.w - 6)}" height="${r(p.h - 6)}" rx="5"/>`);
    text(p.x + p.w / 2, p.y + 20 + (isTerminal.has(s) ? 2 : 0), s, 'sp-lc-status');
    lines.get(s).forEach((l, i) => {
      const indent = l.length - l.trimStart().length; // SVG collapses spaces: indent by position
      text(p.x + 10 + width(' '.repeat(indent), SMALL_PX), p.y + 20 + LINE * (i + 1), l.trimStart(), 'sp-lc-event', 'start');
    });
    out.push('</g>');
  }

  // Legend: what the marks mean, and each guard with its events.
  const guards = new Map();
  for (const t of transitions) {
    if (t.guard === undefined) continue;
    if (!guards.has(t.guard)) guards.set(t.guard, new Set());
    guards.get(t.guard).add(t.event);
  }
  const bottom = Math.max(mainBottom, ...right.map((s) => pos.get(s).y + pos.get(s).h));
  const legend = [
    '↻ events that leave the status as it is; a dot joins a status to the event it may take; a double box is terminal.',
    ...[...guards].map(([g, evs]) => `† only when the guard ${g} holds (${[...evs].join(', ')}).`),
  ];
  legend.forEach((l, i) => text(24, bottom + 30 + 16 * i, l, 'sp-lc-legend', 'start'));

  const W = Math.ceil(Math.max(rightX + rightW, ...legend.map((l) => 24 + width(l, SMALL_PX))) + 16);
  const H = Math.ceil(bottom + 30 + 16 * legend.length);
  const names = main.join(', ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sp-lifecycle" viewBox="0 0 ${W} ${H}" width="${W}" role="img" aria-labelledby="sp-lc-title sp-lc-desc">`,
    '<title id="sp-lc-title">The referral lifecycle</title>',
    `<desc id="sp-lc-desc">${esc(`A referral is created in status ${main[0]} and moves through ${names}. Terminal statuses: ${terminal.join(', ')}. Drawn from REFERRAL_TRANSITIONS; the table in the guide lists the same transitions.`)}</desc>`,
    '<defs><marker id="sp-lc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="sp-lc-head"/></marker></defs>',
    `<style>
.sp-lifecycle { height: auto; font-family: ${MONO}; }
.sp-lifecycle text { fill: var(--color-text, #222); }
.sp-lifecycle .sp-lc-status { font-size: ${NAME_PX}px; font-weight: 700; }
.sp-lifecycle .sp-lc-event { font-size: ${SMALL_PX}px; }
.sp-lifecycle .sp-lc-legend { font-size: ${SMALL_PX}px; font-family: sans-serif; }
.sp-lifecycle .sp-lc-halo { paint-order: stroke; stroke: var(--color-background, #fff); stroke-width: 4px; stroke-linejoin: round; }
.sp-lifecycle .sp-lc-edge { fill: none; stroke: var(--color-text-aside, #666); stroke-width: 1.3; }
.sp-lifecycle .sp-lc-head, .sp-lifecycle .sp-lc-dot, .sp-lifecycle .sp-lc-start { fill: var(--color-text-aside, #666); }
.sp-lifecycle .sp-lc-box rect { fill: var(--color-background-secondary, #f4f4f4); stroke: var(--color-text, #222); stroke-width: 1.2; }
.sp-lifecycle .sp-lc-hold rect { stroke-dasharray: 5 3; }
</style>`,
    ...out,
    '</svg>',
  ].join('\n');
}
