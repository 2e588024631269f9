/**
 * The platform's legacy XML representation (sheet 6.1), made from the JSON the fake already
 * produces, so both formats always carry the same record:
 *
 * - `<?xml version="1.0" encoding="UTF-8"?>`, a newline, then one root element, not indented;
 * - one resource is its singular name (`customer`, `address`, `customer_group`), a page its
 *   plural name holding one singular element per item; the v2 error array is `errors` of
 *   `error`, the gateway's error object `error`; a count or a password check, which are no
 *   resource, `response`;
 * - object fields are child elements in the JSON's order; arrays hold one `value` element per
 *   item; `null` is the text `NULL`; booleans `true`/`false`; an empty string or array an empty
 *   element; a `{url, resource}` link is `<link rel="resource" href="{url}.xml">{resource}</link>`.
 *
 * fast-xml-parser's builder writes the elements and escapes the text; it loads on first use, so
 * a fake that only answers JSON never loads it.
 */
import { createRequire } from 'node:module';
import type { XMLBuilder, XmlBuilderOptions } from 'fast-xml-parser';

/** The XML declaration every XML body starts with, followed by a newline. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** The Content-Type of an XML answer. */
export const XML_CONTENT_TYPE = 'application/xml';

/** What an XML body is named: its root element and, for a list, the element of each item. */
export interface XmlNames {
  root: string;
  item?: string;
}

const CUSTOMER: XmlNames = { root: 'customer' };
const ADDRESS: XmlNames = { root: 'address' };
const GROUP: XmlNames = { root: 'customer_group' };
const RESPONSE: XmlNames = { root: 'response' };
const ERRORS: XmlNames = { root: 'errors', item: 'error' };
const ERROR: XmlNames = { root: 'error' };

const BY_OPERATION: Readonly<Record<string, XmlNames>> = {
  listCustomers: { root: 'customers', item: 'customer' },
  getCustomer: CUSTOMER,
  createCustomer: CUSTOMER,
  updateCustomer: CUSTOMER,
  countCustomers: RESPONSE,
  validateCustomerPassword: RESPONSE,
  listCustomerAddresses: { root: 'addresses', item: 'address' },
  getCustomerAddress: ADDRESS,
  createCustomerAddress: ADDRESS,
  updateCustomerAddress: ADDRESS,
  countCustomerAddresses: RESPONSE,
  listCustomerGroups: { root: 'customer_groups', item: 'customer_group' },
  getCustomerGroup: GROUP,
  createCustomerGroup: GROUP,
  updateCustomerGroup: GROUP,
  countCustomerGroups: RESPONSE,
};

/** The XML names of an answer: by its operation when it succeeded, by its JSON shape when it failed. */
export function xmlNamesFor(operationId: string | undefined, status: number, value: unknown): XmlNames {
  if (status >= 400) return Array.isArray(value) ? ERRORS : ERROR;
  const known = operationId === undefined ? undefined : BY_OPERATION[operationId];
  return known ?? (Array.isArray(value) ? { root: 'response', item: 'value' } : RESPONSE);
}

const utf8 = new TextDecoder();

/** JSON text, or its UTF-8 bytes read without a copy. */
const jsonText = (json: string | Uint8Array): string => (typeof json === 'string' ? json : utf8.decode(json));

/** A JSON document (text or UTF-8 bytes) as the platform's XML, named as given. */
export function jsonToXml(json: string | Uint8Array, names: XmlNames): string {
  return valueToXml(JSON.parse(jsonText(json)), names);
}

/** A JSON value as the platform's XML, named as given. */
export function valueToXml(value: unknown, names: XmlNames): string {
  const body = Array.isArray(value) ? { [names.item ?? 'value']: value.map(node) } : node(value);
  return `${XML_DECLARATION}\n${builder().build({ [names.root]: body })}`;
}

/** A reply as the fake sends it: status, a JSON body as text or bytes, headers. */
export interface JsonReply {
  status: number;
  body?: string;
  bytes?: Uint8Array;
  headers?: Record<string, string>;
}

/** A reply with its XML body as text and `Content-Type: application/xml`. */
export interface XmlReply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A reply re-rendered as XML for an XML client: the JSON body becomes XML (named by
 * `operationId`, or as an error by status) and the Content-Type is application/xml. A reply
 * without a body (204) is returned as it is. Never throws: a body that cannot be converted
 * becomes the platform's 500 error in XML.
 */
export function xmlReply(reply: JsonReply, operationId?: string): XmlReply {
  const json = reply.bytes ?? reply.body;
  if (json === undefined) return reply;
  const headers = { ...reply.headers, 'Content-Type': XML_CONTENT_TYPE };
  try {
    const value: unknown = JSON.parse(jsonText(json));
    return {
      status: reply.status,
      headers,
      body: valueToXml(value, xmlNamesFor(operationId, reply.status, value)),
    };
  } catch {
    const failure = [{ status: 500, message: 'The fake store failed to render this answer as XML.' }];
    return { status: 500, headers, body: valueToXml(failure, ERRORS) };
  }
}

/** The builder's input for one JSON value (see the module comment for the rules). */
function node(value: unknown): unknown {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.length ? { value: value.map(node) } : '';
  const obj = value as Record<string, unknown>;
  if (isLink(obj))
    return { link: { '@_rel': 'resource', '@_href': `${obj.url}.xml`, '#text': obj.resource } };
  const keys = Object.keys(obj);
  if (keys.length === 0) return '';
  const out: Record<string, unknown> = {};
  for (const key of keys) Object.defineProperty(out, key, { value: node(obj[key]), enumerable: true });
  return out;
}

/** A sub-resource link of the JSON representation: exactly `{url, resource}`, both strings. */
function isLink(obj: Record<string, unknown>): obj is { url: string; resource: string } {
  const keys = Object.keys(obj);
  return (
    keys.length === 2 &&
    typeof obj.url === 'string' &&
    typeof obj.resource === 'string' &&
    keys.includes('url') &&
    keys.includes('resource')
  );
}

let shared: XMLBuilder | undefined;

/** The one builder: attributes for links, empty elements written out, text escaped for XML 1.0. */
function builder(): XMLBuilder {
  if (!shared) {
    const { XMLBuilder: Builder } = createRequire(import.meta.url)(
      'fast-xml-parser',
    ) as typeof import('fast-xml-parser');
    // `entities` is honoured by the builder but missing from its option types.
    const options = {
      ignoreAttributes: false,
      suppressEmptyNode: false,
      suppressBooleanAttributes: false,
      processEntities: true,
      entities: [
        { regex: /&/g, val: '&amp;' }, // first, so the references below stay intact
        { regex: />/g, val: '&gt;' },
        { regex: /</g, val: '&lt;' },
        { regex: /'/g, val: '&apos;' },
        { regex: /"/g, val: '&quot;' },
        // A parser turns a raw CR into LF; a reference keeps it.
        { regex: /\r/g, val: '&#13;' },
        // Characters XML 1.0 cannot carry at all (controls, lone surrogates) become U+FFFD.
        { regex: /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, val: '\uFFFD' },
      ],
    };
    shared = new Builder(options as XmlBuilderOptions);
  }
  return shared;
}
