// A strict little XML well-formedness check for the exported SVG (no xmllint here): one root,
// tags properly nested and closed, attributes quoted and unique, text and attribute values with
// no raw `<` or stray `&`. Returns the element names met, or throws saying where it broke.
const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(text: string, at: number): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "<") throw new Error(`raw '<' at ${at + i}`);
    if (text[i] === "&" && !ENTITY.test(text.slice(i))) throw new Error(`stray '&' at ${at + i}`);
  }
}

export function parseXml(xml: string): string[] {
  let i = 0;
  const stack: string[] = [];
  const seen: string[] = [];
  let roots = 0;
  if (xml.startsWith("<?xml")) {
    i = xml.indexOf("?>");
    if (i < 0) throw new Error("unterminated XML declaration");
    i += 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim()) throw new Error(`text outside the root at ${i}`);
    checkText(text, i);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i);
      if (end < 0) throw new Error(`unterminated comment at ${i}`);
      i = end + 3;
      continue;
    }
    if (xml[i + 1] === "/") {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) throw new Error(`bad closing tag at ${i}`);
      const open = stack.pop();
      if (open !== m[0]) throw new Error(`</${m[0]}> at ${i} closes <${open ?? "nothing"}>`);
      i = xml.indexOf(">", i) + 1;
      continue;
    }
    const m = NAME.exec(xml.slice(i + 1));
    if (!m) throw new Error(`bad tag at ${i}`);
    const name = m[0];
    if (stack.length === 0 && ++roots > 1) throw new Error(`second root element <${name}> at ${i}`);
    seen.push(name);
    i += 1 + name.length;
    const attrs = new Set<string>();
    for (;;) {
      while (/\s/.test(xml[i])) i++;
      if (xml.startsWith("/>", i)) { i += 2; break; }
      if (xml[i] === ">") { i++; stack.push(name); break; }
      const a = NAME.exec(xml.slice(i));
      if (!a) throw new Error(`bad attribute in <${name}> at ${i}`);
      if (attrs.has(a[0])) throw new Error(`attribute ${a[0]} twice in <${name}>`);
      attrs.add(a[0]);
      i += a[0].length;
      if (xml[i] !== "=" || (xml[i + 1] !== '"' && xml[i + 1] !== "'")) throw new Error(`unquoted attribute ${a[0]} in <${name}> at ${i}`);
      const q = xml[i + 1];
      const end = xml.indexOf(q, i + 2);
      if (end < 0) throw new Error(`unterminated attribute ${a[0]}`);
      checkText(xml.slice(i + 2, end), i + 2);
      i = end + 1;
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1]}> is never closed`);
  if (roots !== 1) throw new Error("no root element");
  return seen;
}
