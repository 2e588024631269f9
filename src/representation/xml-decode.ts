/**
 * Reads an XML body back into the JSON value it stands for, guided by the answer's schema in the
 * spec (types, `nullable`, the OpenAPI `xml` names, and `x-xml-link` for sub-resource links). It
 * is written from the spec's description of the XML, not from the writer in xml.ts, so the spec
 * check can hold the writer to the spec. Scalars that do not parse as their schema's type stay
 * strings, so schema validation afterwards reports them.
 */
import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';

/** The declaration every XML answer starts with (spec `info.x-fidelity`), followed by a newline. */
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A schema of the spec, as far as the reader needs it. */
export interface XmlSchema {
  $ref?: string;
  allOf?: XmlSchema[];
  type?: string;
  nullable?: boolean;
  properties?: Record<string, XmlSchema>;
  additionalProperties?: boolean | XmlSchema;
  items?: XmlSchema;
  xml?: { name?: string; wrapped?: boolean };
  'x-xml-link'?: boolean;
}

/** Why an XML body does not have the shape its schema describes. */
export class XmlShapeError extends Error {
  override name = 'XmlShapeError';
}

/** One element as the parser gives it in document order. */
interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/**
 * Reads an XML document into JSON as `schema` describes it (`resolve` turns a `$ref` into its
 * schema). Throws XmlShapeError when the document is not well-formed XML or not shaped as the
 * schema says (root name, declaration, wrappers, links, repeated or mixed content).
 */
export function decodeXml(xml: string, schema: XmlSchema, resolve: (ref: string) => XmlSchema): unknown {
  if (!xml.startsWith(`${XML_DECLARATION}\n`))
    throw new XmlShapeError(`does not start with ${XML_DECLARATION} and a newline`);
  const lib = fastXml();
  const valid = lib.XMLValidator.validate(xml);
  if (valid !== true)
    throw new XmlShapeError(`is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const roots = toElements(parser().parse(xml) as ParsedNode[], '');
  if (roots.length !== 1) throw new XmlShapeError(`has ${roots.length} root elements`);
  const root = roots[0] as Element;
  const flat = flatten(schema, resolve);
  const name = flat.xml?.name;
  if (!name) throw new XmlShapeError('has a schema without an XML name for its root');
  if (root.name !== name) throw new XmlShapeError(`has root <${root.name}>, the spec names <${name}>`);
  return read(root, flat, resolve, `/${name}`);
}

function read(el: Element, schema: XmlSchema, resolve: (ref: string) => XmlSchema, at: string): unknown {
  const s = flatten(schema, resolve);
  if (s['x-xml-link']) return readLink(el, at);
  if (Object.keys(el.attributes).length) throw new XmlShapeError(`${at} has attributes`);
  if (el.children.length === 0 && el.text === 'NULL' && s.nullable) return null;
  if (s.type === 'array') return readArray(el, s, resolve, at);
  if (s.type === 'object' || s.properties || (s.type === undefined && el.children.length)) {
    if (el.text.trim() !== '') throw new XmlShapeError(`${at} mixes text with elements`);
    const out: Record<string, unknown> = {};
    for (const child of el.children) {
      if (Object.hasOwn(out, child.name)) throw new XmlShapeError(`${at}/${child.name} is repeated`);
      const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
      const value = read(child, s.properties?.[child.name] ?? extra, resolve, `${at}/${child.name}`);
      Object.defineProperty(out, child.name, { value, enumerable: true, writable: true });
    }
    return out;
  }
  if (el.children.length) throw new XmlShapeError(`${at} has elements where the spec has a ${s.type}`);
  return scalar(el.text, s.type);
}

function readArray(el: Element, s: XmlSchema, resolve: (ref: string) => XmlSchema, at: string): unknown[] {
  if (!s.xml?.wrapped) throw new XmlShapeError(`${at} is an array the spec does not mark wrapped`);
  if (el.text.trim() !== '') throw new XmlShapeError(`${at} mixes text with elements`);
  const items = flatten(s.items ?? {}, resolve);
  const itemName = items.xml?.name;
  if (!itemName) throw new XmlShapeError(`${at} holds items the spec gives no XML name`);
  return el.children.map((child, i) => {
    if (child.name !== itemName) throw new XmlShapeError(`${at} holds <${child.name}>, not <${itemName}>`);
    return read(child, items, resolve, `${at}/${itemName}[${i}]`);
  });
}

/** `<link rel="resource" href="{url}.xml">{resource}</link>`, the XML form of `{url, resource}`. */
function readLink(el: Element, at: string): { url: string; resource: string } {
  const link = el.children[0];
  if (el.children.length !== 1 || !link || link.name !== 'link' || el.text.trim() !== '')
    throw new XmlShapeError(`${at} is not a single <link> element`);
  const { rel, href, ...other } = link.attributes;
  if (rel !== 'resource') throw new XmlShapeError(`${at}/link has rel ${String(rel)}, not "resource"`);
  if (!href?.endsWith('.xml')) throw new XmlShapeError(`${at}/link has an href not ending in .xml`);
  if (Object.keys(other).length || link.children.length)
    throw new XmlShapeError(`${at}/link has more than rel, href and text`);
  return { url: href.slice(0, -4), resource: link.text };
}

function scalar(text: string, type: string | undefined): unknown {
  if (type === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  if (type === 'number' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** A schema with its `$ref` followed and its `allOf` members merged into one. */
function flatten(schema: XmlSchema, resolve: (ref: string) => XmlSchema, depth = 0): XmlSchema {
  if (depth > 32) throw new XmlShapeError('has a schema whose references do not end');
  if (schema.$ref) return flatten(resolve(schema.$ref), resolve, depth + 1);
  if (!schema.allOf) return schema;
  const { allOf, ...own } = schema;
  return Object.assign({}, ...allOf.map((m) => flatten(m, resolve, depth + 1)), own) as XmlSchema;
}

/** The parser's node in `preserveOrder` mode: `{name: children, ':@': attributes}` or `{'#text'}`. */
type ParsedNode = Record<string, unknown>;

function toElements(nodes: ParsedNode[], at: string): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text') continue;
    if (name.startsWith('?') || name.startsWith('!')) continue; // the declaration; comments
    const kids = (node[name] as ParsedNode[]) ?? [];
    const attrs = (node[':@'] as Record<string, string> | undefined) ?? {};
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) attributes[k.replace(/^@_/, '')] = String(v);
    const text = kids.map((k) => (typeof k['#text'] === 'string' ? k['#text'] : '')).join('');
    out.push({ name, attributes, children: toElements(kids, `${at}/${name}`), text });
  }
  return out;
}

type FastXml = typeof import('fast-xml-parser');
let lib: FastXml | undefined;
let shared: XMLParser | undefined;

function fastXml(): FastXml {
  lib ??= createRequire(import.meta.url)('fast-xml-parser') as FastXml;
  return lib;
}

/** A parser that keeps everything as written: order, whitespace, text as strings, attributes. */
function parser(): XMLParser {
  shared ??= new (fastXml().XMLParser)({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    ignoreDeclaration: true,
  });
  return shared;
}
