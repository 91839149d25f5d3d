import sanitizeHtml from "sanitize-html";

/**
 * Mail HTML as anyone may see it: formatting, links, tables and images, and nothing that runs. Scripts, event
 * handlers, forms, frames, objects and style sheets are dropped; links open in a new tab without a referrer; images
 * may come from the message itself (cid:) or be embedded (data:). The console also shows it in a sandboxed frame
 * whose content security policy loads no remote content, so this is the first of two walls.
 */
const allowedStyles = Object.fromEntries(
  [
    "color", "background-color", "text-align", "font-weight", "font-style", "text-decoration", "font-size",
    "font-family", "line-height", "margin", "margin-left", "margin-right", "margin-top", "margin-bottom", "padding",
    "padding-left", "padding-right", "padding-top", "padding-bottom", "border", "border-collapse", "width",
    "vertical-align", "white-space",
  ].map((property) => [property, [/^[^;{}()<>\\]*$/]]),
);

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
    "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "s",
    "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
  ],
  allowedAttributes: {
    "*": ["style", "align", "dir", "title", "lang"],
    a: ["href", "name"],
    img: ["src", "alt", "width", "height"],
    font: ["color", "size", "face"],
    td: ["colspan", "rowspan", "width", "valign", "bgcolor"],
    th: ["colspan", "rowspan", "width", "valign", "bgcolor"],
    table: ["width", "border", "cellpadding", "cellspacing", "bgcolor"],
    col: ["span", "width"],
    ol: ["start", "type"],
  },
  allowedStyles: { "*": allowedStyles },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["cid", "data", "http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head", "template"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow" }),
  },
};

export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, options);
}
