// A renderer for the Markdown that explainClassification writes: headings
// (#, ##), paragraphs, pipe tables, **bold**, `code` and backslash escapes.
// Everything else is shown as text. All text is HTML-escaped.

/** @internal Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inline(text: string): string {
  let out = '';
  let strong = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      out += escapeHtml(text[++i]!);
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) {
        out += escapeHtml(text.slice(i));
        break;
      }
      out += `<code>${escapeHtml(text.slice(i + 1, end))}</code>`;
      i = end;
    } else if (c === '*' && text[i + 1] === '*') {
      out += strong ? '</strong>' : '<strong>';
      strong = !strong;
      i++;
    } else {
      out += escapeHtml(c);
    }
  }
  return strong ? `${out}</strong>` : out;
}

/** Splits a table row on pipes that are not escaped. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && i + 1 < inner.length) {
      cell += c + inner[++i]!;
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/** @internal Renders the Markdown subset described above as HTML; `headingOffset` shifts heading levels. */
export function markdownToHtml(markdown: string, headingOffset = 0): string {
  const lines = markdown.split(/\r?\n/);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading !== null) {
      const level = Math.min(heading[1]!.length + headingOffset, 6);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(cells(lines[i++]!));
      const isRule = (r: string[]): boolean => r.every((c) => /^:?-{3,}:?$/.test(c));
      const [head, ...rest] = rows;
      const body = rest.filter((r) => !isRule(r));
      out.push('<table>');
      if (head !== undefined) out.push(`<thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>`);
      out.push(`<tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody>`);
      out.push('</table>');
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^#{1,6} /.test(lines[i]!) && !lines[i]!.trim().startsWith('|')) para.push(lines[i++]!);
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}
