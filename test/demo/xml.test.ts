import { expect } from "chai";
import { create } from "xmlbuilder2";
import { escapeXmlAttribute, escapeXmlText, XmlElement, xmlDocument } from "../../sdk/audit/xml.js";

/** Reads the writer's output back with an independent parser (xmlbuilder2's, a test-only dependency). */
function parse(xml: string): Element {
  return create(xml).root().node as unknown as Element;
}

describe("sdk/audit XML writer", () => {
  it("writes the declaration, nested elements, attributes and text, pretty printed", () => {
    const root = new XmlElement("a", { version: "2.03", "xmlns:fa": "urn:x" });
    root.ele("b", { ref: "1" }).txt("text").up().ele("c").ele("fa:d", { k: "v" });
    root.com("note -- with dashes-");
    expect(xmlDocument(root)).to.equal(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a version="2.03" xmlns:fa="urn:x">\n  <b ref="1">text</b>\n  <c>\n    <fa:d k="v"/>\n  </c>\n  <!-- note - - with dashes-  -->\n</a>\n',
    );
    const el = parse(xmlDocument(root));
    expect(el.getElementsByTagName("b")[0].textContent).to.equal("text");
  });

  it("escapes markup in text and attributes so a parser reads back the same strings", () => {
    const nasty = `Village "Alto" <North> & Sons ]]> 'x'\ttab\nline`;
    const root = new XmlElement("a", { name: nasty });
    root.ele("n").txt(nasty);
    const el = parse(xmlDocument(root));
    expect(el.getAttribute("name")).to.equal(nasty);
    expect(el.getElementsByTagName("n")[0].textContent).to.equal(nasty);
    expect(escapeXmlText("a<b&c>d")).to.equal("a&lt;b&amp;c&gt;d");
    expect(escapeXmlAttribute('"\n')).to.equal("&quot;&#10;");
  });

  it("replaces characters XML 1.0 forbids with U+FFFD, keeps the rest of Unicode", () => {
    const text = "ctl\u0001\u0008 lone\uD800 nonchar\uFFFE ok: ü 水 😀";
    const root = new XmlElement("a");
    root.ele("n").txt(text);
    const xml = xmlDocument(root);
    expect(xml).to.include("ctl\uFFFD\uFFFD lone\uFFFD nonchar\uFFFD ok: ü 水 😀");
    expect(parse(xml).getElementsByTagName("n")[0].textContent).to.equal("ctl\uFFFD\uFFFD lone\uFFFD nonchar\uFFFD ok: ü 水 😀");
  });

  it("refuses names that are not XML names", () => {
    expect(() => new XmlElement("1a")).to.throw(/not an XML name/);
    expect(() => new XmlElement("a b")).to.throw(/not an XML name/);
    expect(() => new XmlElement("a", { "x y": "1" })).to.throw(/not an XML name/);
    expect(() => new XmlElement("a").up()).to.throw(/root element/);
  });
});
