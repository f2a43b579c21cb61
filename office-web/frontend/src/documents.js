// 公文 helpers: the body is sanitised rich text on the server; the simple editor here writes one paragraph per
// line (a line starting with "# " is a heading) and reads a body back the same way.
export function textToHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return text.split('\n').map((l) => l.trim()).filter(Boolean)
    .map((l) => (l.startsWith('# ') ? `<h1>${esc(l.slice(2))}</h1>` : `<p>${esc(l)}</p>`)).join('')
}

export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html || '', 'text/html')
  return [...doc.body.querySelectorAll('h1,h2,h3,h4,p,li,tr')]
    .map((el) => (/^H\d$/.test(el.tagName) ? `# ${el.textContent.trim()}` : el.textContent.trim())).join('\n')
}
