/**
 * A small XML 1.0 writer for the IATI export: elements, attributes, text and comments, pretty
 * printed with two-space indents. It escapes `&`, `<`, `>` (and `"`, tab, line breaks in attribute
 * values), replaces every character XML 1.0 forbids (control characters, lone surrogates,
 * U+FFFE/U+FFFF) with U+FFFD, and refuses names that are not XML names. Pure and browser-safe
 * (the dapp exports IATI XML too); test/demo/xml.test.ts reads its output back with an independent
 * parser.
 */
import { ChainError } from "../chain/errors.js";

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

/** Text made of characters XML 1.0 allows. */
export function xmlChars(text: string): string {
  return text.replace(FORBIDDEN, "\uFFFD");
}

export function escapeXmlText(text: string): string {
  return xmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new ChainError("INVALID_INPUT", `not an XML name: ${JSON.stringify(name)}`, { name });
  return name;
}

type Child = XmlElement | { readonly text: string } | { readonly comment: string };

export class XmlElement {
  private readonly children: Child[] = [];
  private readonly attributes: [string, string][];

  constructor(
    readonly name: string,
    attributes: Readonly<Record<string, string>> = {},
    private readonly parent?: XmlElement,
  ) {
    checkName(name);
    this.attributes = Object.entries(attributes).map(([k, v]) => [checkName(k), v]);
  }

  /** Appends a child element and returns it. */
  ele(name: string, attributes: Readonly<Record<string, string>> = {}): XmlElement {
    const child = new XmlElement(name, attributes, this);
    this.children.push(child);
    return child;
  }

  /** Appends text; returns this element. */
  txt(text: string): this {
    this.children.push({ text });
    return this;
  }

  /** Appends a comment ("--" cannot occur in one: written "- -"); returns this element. */
  com(text: string): this {
    this.children.push({ comment: text });
    return this;
  }

  /** The parent element (the root has none). */
  up(): XmlElement {
    if (this.parent === undefined) throw new ChainError("INVALID_INPUT", `<${this.name}> is the root element`, {});
    return this.parent;
  }

  /** The element and its children, indented by `depth` levels. */
  serialize(depth = 0): string {
    const pad = "  ".repeat(depth);
    const attributes = this.attributes.map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join("");
    if (this.children.length === 0) return `${pad}<${this.name}${attributes}/>`;
    if (this.children.every((c) => "text" in c)) {
      return `${pad}<${this.name}${attributes}>${this.children.map((c) => escapeXmlText((c as { text: string }).text)).join("")}</${this.name}>`;
    }
    const inner = this.children.map((c) => {
      if (c instanceof XmlElement) return c.serialize(depth + 1);
      if ("comment" in c) return `${pad}  <!-- ${xmlChars(c.comment).replace(/--/g, "- -").replace(/-$/, "- ")} -->`;
      return `${pad}  ${escapeXmlText(c.text)}`;
    });
    return `${pad}<${this.name}${attributes}>\n${inner.join("\n")}\n${pad}</${this.name}>`;
  }
}

/** A document: the XML declaration, then `root`. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.serialize()}\n`;
}
