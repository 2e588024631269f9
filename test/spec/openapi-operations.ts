/**
 * The operations of an OpenAPI 3 document as plain facts (method, path, statuses, parameters,
 * body), for comparing our spec with BigCommerce's published one without keeping that document.
 */

/** A mapping node of a parsed YAML or JSON document. */
export type Node = Record<string, unknown>;

/** One operation, reduced to what the coverage test compares. */
export interface OperationFacts {
  method: string;
  /** The path as the document writes it, below `basePath`. */
  path: string;
  /** The document's operationId, when it has one. */
  id?: string;
  /** Response status codes the operation declares (`default` included), sorted. */
  statuses: string[];
  /** Names of its query parameters (path-level ones included), sorted. */
  query: string[];
  /** Names of its header parameters, sorted. */
  headers: string[];
  /** Whether it takes a request body. */
  body: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Whether a value is a mapping node. */
export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`) until it reaches a node that is not a reference. */
export function deref(doc: Node, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isNode(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    current = pointer.reduce<unknown>((node, part) => (isNode(node) ? node[part] : undefined), doc);
  }
  return current;
}

/** The path part of the first server URL (`https://host/stores/{store_hash}/v2` → `/stores/{store_hash}/v2`). */
export function basePathOf(doc: Node): string {
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const url = isNode(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return path === '/' ? '' : path.replace(/\/$/, '');
}

function parameterNames(doc: Node, lists: unknown[], where: string): string[] {
  const names = new Set<string>();
  for (const list of lists) {
    for (const raw of Array.isArray(list) ? list : []) {
      const param = deref(doc, raw);
      if (isNode(param) && param.in === where && typeof param.name === 'string') names.add(param.name);
    }
  }
  return [...names].sort();
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: Node): OperationFacts[] {
  const paths = isNode(doc.paths) ? doc.paths : {};
  return Object.entries(paths).flatMap(([path, rawItem]) => {
    const item = deref(doc, rawItem);
    if (!isNode(item)) return [];
    return METHODS.flatMap((method): OperationFacts[] => {
      const op = item[method];
      if (!isNode(op)) return [];
      const lists = [item.parameters, op.parameters];
      return [
        {
          method: method.toUpperCase(),
          path,
          ...(typeof op.operationId === 'string' ? { id: op.operationId } : {}),
          statuses: Object.keys(isNode(op.responses) ? op.responses : {}).sort(),
          query: parameterNames(doc, lists, 'query'),
          headers: parameterNames(doc, lists, 'header'),
          body: op.requestBody !== undefined,
        },
      ];
    });
  });
}

/** `METHOD /path/{}` below `prefix`, with parameter names blanked, so differently named parameters match. */
export function operationKey(operation: { method: string; path: string }, prefix = ''): string {
  const relative = operation.path.startsWith(prefix) ? operation.path.slice(prefix.length) : operation.path;
  return `${operation.method} ${relative.replace(/\{[^}]+\}/g, '{}')}`;
}
