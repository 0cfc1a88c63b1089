/**
 * Security headers on every answer of the server (API JSON, downloads, the dashboard's files,
 * errors, 404s): no MIME sniffing, no referrer, no framing, and a Content-Security-Policy that
 * lets a page load only what this server serves.
 *
 * The dashboard (web/, built by Vite) is one module script and one stylesheet from /assets, with
 * no inline script; it fetches /api on the same origin and draws with ECharts on a canvas. Its
 * only inline styles are style attributes (a chart box's height, ECharts tooltips), hence
 * `style-src-attr 'unsafe-inline'` while <style> elements and stylesheets stay 'self'; its
 * favicon is a `data:` URL. The Swagger UI page (/api/docs) gets its own policy through
 * @fastify/swagger-ui: scripts and stylesheets from its own folder, with no
 * `upgrade-insecure-requests` (the server speaks plain HTTP on loopback).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

const sources = (policy: Record<string, string>) =>
  Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

/** The policy of every answer but the API docs. */
export const contentSecurityPolicy: string = sources({
  'default-src': "'self'",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': "'self'",
  'style-src-attr': "'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
});

/** The policy of the Swagger UI page and its files (/api/docs): the same, with inline styles, which Swagger UI sets on elements it renders. */
export const docsContentSecurityPolicy: string = sources({
  'default-src': "'self'",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
});

export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': contentSecurityPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});

export function setSecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
}

/**
 * Adds the headers to every answer. onSend runs for routes, errors, 404s and static files; the
 * docs plugin's own onSend (registered later, in its scope) then replaces the policy with
 * `docsContentSecurityPolicy`.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    setSecurityHeaders(reply);
    return payload;
  });
}
