/**
 * The one error table of the fake: every failure is an `ApiError` value made by one of the
 * factories below (or from a rule's `Reason` by `fromReason`), and `renderError` is the only place
 * that turns one into an HTTP answer.
 */
import { describeReason, Rejection, type FieldPath, type Reason } from './domain/reasons.js';

/** Body shape of an error: the v2 array, or the API gateway's object (401/403). */
export type ErrorShape = 'v2' | 'gateway';

/** A failure with the status and message the platform would send. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, string>,
    readonly shape: ErrorShape = 'v2',
    readonly headers?: Record<string, string>,
    /** Why, for people reading the log (the answer says only what the platform says). */
    readonly why?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const GATEWAY_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/**
 * 400 for a field whose value the platform rejects. `reason` goes into `details.invalid_reason`
 * only when `shown` (where the platform itself explains, or on the admin API).
 */
export const invalidField = (field: string, reason?: string, shown = true): ApiError =>
  new ApiError(
    400,
    `The field '${field}' is invalid.`,
    reason && shown ? { invalid_reason: reason } : undefined,
    'v2',
    undefined,
    reason,
  );

/** 400 for a required field that is missing. */
export const missingField = (field: string): ApiError =>
  new ApiError(400, `The required field '${field}' was not supplied.`);

/** 400 for a read-only field sent in a write. */
export const readOnlyField = (field: string): ApiError =>
  new ApiError(
    400,
    `The field '${field}' cannot be written to. Please remove it from your request before trying again.`,
  );

/** 400 for a field the resource does not have. */
export const unknownField = (field: string): ApiError =>
  new ApiError(400, `The field '${field}' is not supported by this resource.`);

/** 400 for a body that is not a JSON object. */
export const malformedBody = (reason: string): ApiError =>
  new ApiError(400, 'The request body is not valid JSON.', { invalid_reason: reason });

/** 401: no token, or one this store does not know. */
export const unauthorized = (): ApiError =>
  new ApiError(401, 'You must supply a valid X-Auth-Token to access this store', undefined, 'gateway');

/** 403: the token's scope does not allow the operation. */
export const forbidden = (): ApiError =>
  new ApiError(403, "You don't have a required scope to access the endpoint", undefined, 'gateway');

/** 404: no such resource (or route). */
export const notFound = (): ApiError => new ApiError(404, 'The requested resource was not found.');

/** 405: the path exists but not with this method. */
export const methodNotAllowed = (allowed: string[]): ApiError =>
  new ApiError(405, 'The requested method is not supported by this resource.', undefined, 'v2', {
    Allow: allowed.join(', '),
  });

/** 406: the client accepts neither format the API serves. */
export const notAcceptable = (): ApiError =>
  new ApiError(
    406,
    'The requested content type is not available: this store answers application/json or application/xml.',
  );

/** 409: the change conflicts with existing data. */
export const conflict = (reason: string): ApiError =>
  new ApiError(409, 'The request conflicts with the current state of the store.', {
    conflict_reason: reason,
  });

/** 413: the body is over the size cap. */
export const payloadTooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, `The request body is larger than the maximum of ${maxBytes} bytes.`);

/** 413: `limit` is over the maximum page size. */
export const limitTooLarge = (max: number): ApiError =>
  new ApiError(413, `The limit parameter exceeded the maximum of ${max}.`);

/** 415: a body sent with a content type other than JSON. */
export const unsupportedMediaType = (): ApiError =>
  new ApiError(415, "The request body's Content-Type must be application/json.");

/** 429: the rate-limit window is used up. */
export const tooManyRequests = (): ApiError =>
  new ApiError(
    429,
    'Too many requests: the rate limit for this store was exceeded. Retry after X-Retry-After seconds.',
  );

/** 501: a method the API does not know at all. */
export const notImplemented = (): ApiError =>
  new ApiError(501, 'The requested method is not implemented by this API.');

/** 500: a bug in the fake; the message names no internals. */
export const internalError = (): ApiError =>
  new ApiError(500, 'The fake store failed to handle this request (a bug in bc-fakestore).');

/**
 * The API's name for a field: its keys joined with dots (`discount_rules.amount`), without the
 * `_authentication` wrapper, as the platform names `password` (sheet 3.1).
 */
export function apiFieldName(at: FieldPath): string {
  const keys = at.filter((s): s is string => typeof s === 'string');
  if (keys[0] === '_authentication' && keys.length > 1) keys.shift();
  return keys.join('.') || 'body';
}

/**
 * The answer to a refusal. On the V2 API a reason is shown only where the platform shows one;
 * `explain` (the admin API) shows every reason.
 */
export function fromReason(r: Reason, explain = false): ApiError {
  const why = describeReason(r);
  switch (r.kind) {
    case 'not_found':
      return new ApiError(
        404,
        'The requested resource was not found.',
        explain && r.why ? { reason: r.why } : undefined,
        'v2',
        undefined,
        r.why,
      );
    case 'invalid':
      return invalidField(apiFieldName(r.at), r.why, explain || r.platform === true);
    case 'missing':
      return new ApiError(400, missingField(apiFieldName(r.at)).message, undefined, 'v2', undefined, why);
    case 'read_only':
      return new ApiError(400, readOnlyField(apiFieldName(r.at)).message, undefined, 'v2', undefined, why);
    case 'unknown_field':
      return new ApiError(400, unknownField(apiFieldName(r.at)).message, undefined, 'v2', undefined, why);
    case 'conflict':
      return conflict(r.why);
  }
}

/** Any failure as an ApiError: a Rejection through `fromReason`; anything unknown is a 500. */
export function toApiError(err: unknown, explain = false): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof Rejection) return fromReason(err.reason, explain);
  return internalError();
}

/** The rendered form of an error: status, JSON body, extra headers. */
export interface RenderedError {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Turns any thrown value into the BigCommerce-shaped answer; non-ApiErrors become a 500. */
export function renderError(err: unknown, explain = false): RenderedError {
  const e = toApiError(err, explain);
  const body =
    e.shape === 'gateway'
      ? { status: e.status, title: e.message, type: GATEWAY_TYPE, errors: {} }
      : [
          e.details
            ? { status: e.status, message: e.message, details: e.details }
            : { status: e.status, message: e.message },
        ];
  return { status: e.status, body: JSON.stringify(body), headers: e.headers };
}
