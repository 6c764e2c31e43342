/* What a press officer pastes from Word or a web page keeps its headings, bold, italic,
   lists and links (the editor's schema keeps only what press/rich_text.py declares);
   this extension does the two things the schema cannot:
   - Word and most pages mark main headings <h1>; release bodies use h2-h4 (the page
     title is the h1), so h1 becomes h2 and h5/h6 become h4 instead of plain text;
   - pasted class attributes (MsoNormal...) are dropped: classes come from the toolbar. */
import { Extension, Plugin } from "django-prose-editor/editor"

const HEADINGS = { H1: "h2", H5: "h4", H6: "h4" }

function cleanPastedHTML(html) {
  // DOMParser builds an inert document: nothing in it runs or loads.
  const doc = new DOMParser().parseFromString(html, "text/html")
  for (const element of doc.body.querySelectorAll("h1, h5, h6")) {
    const heading = doc.createElement(HEADINGS[element.tagName])
    heading.append(...element.childNodes)
    element.replaceWith(heading)
  }
  for (const element of doc.body.querySelectorAll("[class]")) {
    element.removeAttribute("class")
  }
  return doc.body.innerHTML
}

export const PasteCleanup = Extension.create({
  name: "pasteCleanup",
  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: cleanPastedHTML } })]
  },
})
