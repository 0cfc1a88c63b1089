/**
 * The server's one error handler: every KaravanError answers with its own HTTP status and its
 * `toJSON()` body ({ code, message, file?, line?, column?, value?, hint? }); schema validation
 * failures and malformed bodies answer 4xx with a message that names the field; anything else is
 * logged and answers 500 with no internals (never a stack trace).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BadRequestBodyError,
  InvalidOptionError,
  KaravanError,
  MissingOptionError,
  PayloadTooLargeError,
  RouteNotFoundError,
} from '../errors.ts';
import { publicErrorBody } from './request-guard.ts';
import { setSecurityHeaders } from './security.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The value a client sent at an ajv instance path ('/year', '/machineIds/0'). */
function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const part of path.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  return value;
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    // A body nested deeper than the stack (10,000 arrays) cannot be printed: name its type.
    text = Array.isArray(value) ? '[...]' : typeof value === 'object' ? '{...}' : typeof value;
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A schema validation failure as the KaravanError a person can act on. */
export function validationError(issues: readonly ValidationIssue[], context: string, input: unknown): KaravanError {
  const issue = issues[0]!;
  const field = issue.instancePath.split('/').filter(Boolean).join('.');
  const where = context === 'body' ? 'body' : context;
  if (issue.keyword === 'required') {
    const missing = [field, String(issue.params['missingProperty'])].filter(Boolean).join('.');
    return new MissingOptionError(`missing ${missing} (in the ${where})`, { column: missing });
  }
  if (issue.keyword === 'additionalProperties') {
    const extra = [field, String(issue.params['additionalProperty'])].filter(Boolean).join('.');
    return new InvalidOptionError(`invalid ${extra}: not a field this route takes (in the ${where})`, {
      column: extra,
    });
  }
  const value = valueAt(input, issue.instancePath);
  const allowed = Array.isArray(issue.params['allowedValues'])
    ? ` (one of ${(issue.params['allowedValues'] as unknown[]).join(', ')})`
    : '';
  const name = field || where;
  return new InvalidOptionError(`invalid ${name}: ${shown(value)} (${issue.message ?? 'not accepted'}${allowed})`, {
    column: name,
    ...(value !== undefined && { value: shown(value) }),
  });
}

/** Errors about the request body: its content type, JSON, size or multipart parts. */
function isBodyError(error: FastifyError): boolean {
  return (
    /^FST_(ERR_CTP|INVALID_MULTIPART|PARTS|FILES|FIELDS|REQ_FILE|PROTO|INVALID_JSON|NO_FORM)/.test(error.code ?? '') ||
    error.name === 'SyntaxError'
  );
}

/** The KaravanError a failure answers with, and its status when that is not the error's own (a framework 4xx keeps its status). */
function toKaravanError(error: FastifyError, request: FastifyRequest): { known: KaravanError; status: number } | null {
  if (error instanceof KaravanError) return { known: error, status: error.status };
  if (error.validation) {
    const context = error.validationContext ?? 'querystring';
    const input =
      context === 'body'
        ? request.body
        : context === 'params'
          ? request.params
          : context === 'headers'
            ? request.headers
            : request.query;
    const known = validationError(error.validation as unknown as ValidationIssue[], context, input);
    return { known, status: known.status };
  }
  const status = error.statusCode ?? 500;
  const path = request.url.split('?')[0];
  if (status === 413)
    return { known: new PayloadTooLargeError(`the request body is too large: ${error.message}`), status };
  // A file the static server will not serve (a path that leaves its folder) is as absent as any other.
  if (status === 404 || status === 403)
    return { known: new RouteNotFoundError(`no route ${request.method} ${path}`), status: 404 };
  if (status >= 400 && status < 500) {
    if (isBodyError(error)) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `unsupported content type: ${request.headers['content-type'] ?? 'none'}`
          : `invalid request: ${error.message}`;
      return {
        known: new BadRequestBodyError(message, { hint: 'send JSON with Content-Type: application/json' }),
        status,
      };
    }
    // Headers the static files cannot honour (Range, If-Match) and the like.
    return { known: new InvalidOptionError(`invalid request: ${error.message}`), status };
  }
  return null;
}

function sendKnown(reply: FastifyReply, known: KaravanError, status: number): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(JSON.stringify(publicErrorBody(known)));
}

/**
 * Fastify's own errors before routing (a URL whose percent-encoding does not decode, a path
 * parameter over the router's length limit): the same JSON error shape and headers as the rest,
 * instead of Fastify's default body written straight to the socket.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const url = request.raw.url ?? '';
  const shown = url.length > 120 ? `${url.slice(0, 117)}...` : url;
  const known =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new InvalidOptionError(`invalid path: a path segment is too long (${shown})`, { column: 'path' })
      : new InvalidOptionError(
          `invalid path: ${shown} is not a well-formed URL (a % not followed by two hex digits, or bytes that are not UTF-8)`,
          { column: 'path' },
        );
  setSecurityHeaders(reply);
  void sendKnown(reply, known, 400);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    let found: ReturnType<typeof toKaravanError> = null;
    try {
      found = toKaravanError(error, request);
    } catch (inner) {
      // Describing the failure failed (it should not): still the JSON 500, never Fastify's fallback.
      request.log.error({ err: inner }, 'error handler failed');
    }
    if (found) {
      if (found.status >= 500) request.log.error({ err: error }, 'store error');
      return sendKnown(reply, found.known, found.status);
    }
    request.log.error({ err: error }, 'internal error');
    return reply
      .code(500)
      .type('application/json; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(
        JSON.stringify({
          code: 'KRV_INTERNAL',
          message: 'internal error: the server log has the details; please report it',
        }),
      );
  });

  // ajv's coercion reads a query string with Number(), which takes hex, octal, binary and blanks ("0x7E4" is 2020,
  // " 5 " is 5, "" is 0). Numbers in a query are written in decimal digits, and integers without a fraction or an
  // exponent; checked on the raw strings before validation coerces them. (Non-finite values go to the check below.)
  app.addHook('preValidation', async (request) => {
    const query = request.query;
    const schema = request.routeOptions.schema?.querystring as
      { properties?: Record<string, { type?: string | string[] }> } | undefined;
    if (query === null || typeof query !== 'object' || schema?.properties === undefined) return;
    for (const [key, raw] of Object.entries(query as Record<string, unknown>)) {
      const declared = schema.properties[key]?.type;
      const types = Array.isArray(declared) ? declared : [declared];
      const integer = types.includes('integer');
      if (!integer && !types.includes('number')) continue;
      for (const text of (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string')) {
        if (!Number.isFinite(Number(text)) && /^[+-]?(Infinity|\d+(\.\d*)?([eE][+-]?\d+)?)$/.test(text)) continue;
        const ok = integer ? /^[+-]?\d+$/.test(text) : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text);
        if (!ok)
          throw new InvalidOptionError(
            `invalid ${key}: ${shown(text)} (${integer ? 'a whole number in decimal digits' : 'a decimal number'})`,
            { column: key, value: shown(text) },
          );
      }
    }
  });

  // Found by the API fuzzer: ajv coerces the query strings "Infinity" and "1e309" to ±Infinity and
  // then skips minimum/maximum (it checks them on finite numbers only), so limit=1e309 reached the
  // core (a DuckDB error, 500, for /api/products). Refused here, after validation, as any bad value.
  app.addHook('preHandler', async (request) => {
    const query = request.query;
    if (query === null || typeof query !== 'object') return;
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
      const bad = (Array.isArray(value) ? value : [value]).find((v) => typeof v === 'number' && !Number.isFinite(v));
      if (bad !== undefined)
        throw new InvalidOptionError(`invalid ${key}: ${String(bad)} (must be a finite number)`, {
          column: key,
          value: String(bad),
        });
    }
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new RouteNotFoundError(`no route ${request.method} ${request.url.split('?')[0]}`, {
      hint: 'GET /api/openapi.json lists the routes; /api/docs shows them',
    });
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(publicErrorBody(error)));
  });
}
