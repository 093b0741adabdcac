/**
 * OData $batch: parses SharePoint's multipart/mixed request (GET parts and changesets
 * of writes) and writes the flat `--batchresponse_` reply PnPjs's parser expects:
 * one part per request, in order, CRLF line endings as SharePoint Online sends them (FIDELITY B-04), a line end
 * after the closing boundary.
 */
import { IApiRequest, IApiResponse } from './context';
import { STATUS_TEXT } from './errors';
import { badRequest } from './fields';

export interface IBatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The boundary of a multipart Content-Type header, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary="?([^";]+)"?/i.exec(contentType || '');
  return m ? m[1].trim() : undefined;
}

function splitParts(lines: string[], boundary: string): string[][] {
  const delim = `--${boundary}`;
  const parts: string[][] = [];
  let cur: string[] | null = null;
  let closed = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === `${delim}--`) {
      if (cur) parts.push(cur);
      cur = null;
      closed = true;
      break;
    }
    if (t === delim) {
      if (cur) parts.push(cur);
      cur = [];
      continue;
    }
    if (cur) cur.push(line);
  }
  if (!closed) throw badRequest(`The batch request is not valid: the closing boundary ${delim}-- is missing.`);
  return parts;
}

function readHeaders(lines: string[], start: number): [Record<string, string>, number] {
  const headers: Record<string, string> = {};
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') return [headers, i + 1];
    const c = line.indexOf(':');
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return [headers, i];
}

/** Parses a batch body into its requests, changesets flattened, in order. */
export function parseBatch(body: string, boundary: string): IBatchPart[] {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const out: IBatchPart[] = [];
  const walk = (ls: string[], b: string): void => {
    for (const part of splitParts(ls, b)) {
      const [headers, next] = readHeaders(part, 0);
      const ct = headers['content-type'] || '';
      if (/^multipart\/mixed/i.test(ct)) {
        const inner = boundaryOf(ct);
        if (!inner) throw badRequest('The batch request is not valid: a changeset has no boundary.');
        walk(part.slice(next), inner);
        continue;
      }
      let i = next;
      while (i < part.length && part[i].trim() === '') i++;
      const m = /^([A-Z]+)\s+(\S+)(\s+HTTP\/[\d.]+)?\s*$/i.exec(part[i] || '');
      if (!m) throw badRequest('The batch request is not valid: a part has no request line.');
      const [reqHeaders, bodyStart] = readHeaders(part, i + 1);
      const rest = part.slice(bodyStart).join('\n').replace(/\n+$/, '');
      out.push({ method: m[1].toUpperCase(), url: m[2], headers: reqHeaders, body: rest });
    }
  };
  walk(lines, boundary);
  return out;
}

/** Turns a part into an API request; relative URLs are resolved against the envelope's. */
export function partRequest(part: IBatchPart, envelopeUrl: URL): IApiRequest {
  let url: URL;
  try {
    url = new URL(part.url, envelopeUrl);
  } catch {
    throw badRequest(`The batch request is not valid: '${part.url}' is not a valid URL.`);
  }
  const headers = { ...part.headers };
  let method = part.method;
  if (method === 'POST' && headers['x-http-method']) method = headers['x-http-method'].toUpperCase();
  return { method, url, headers, body: Buffer.from(part.body, 'utf8'), inBatch: true };
}

/** Writes the flat batch response. Header lines carry exactly one colon, as PnPjs requires. */
export function renderBatchResponse(responses: IApiResponse[], batchId: string): string {
  const out: string[] = [];
  for (const r of responses) {
    out.push(`--batchresponse_${batchId}`);
    out.push('Content-Type: application/http');
    out.push('Content-Transfer-Encoding: binary');
    out.push('');
    out.push(`HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] || 'Unknown'}`);
    for (const [k, v] of Object.entries(r.headers)) {
      if (v.indexOf(':') >= 0 || /[\r\n]/.test(v)) continue;
      out.push(`${k.toUpperCase()}: ${v}`);
    }
    out.push('');
    // JSON bodies are single-line; anything else is flattened so parts stay parseable.
    out.push(r.body ? r.body.toString('utf8').replace(/\r?\n/g, ' ') : '');
  }
  out.push(`--batchresponse_${batchId}--`);
  return out.join('\r\n') + '\r\n';
}
