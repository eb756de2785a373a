import type { IncomingMessage } from 'node:http';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportLanguage = 'zh' | 'en';

export interface ExportRequest {
  format: ExportFormat;
  language: ExportLanguage;
  /** An IndicatorTableInput, checked by the graph itself when the table is asked for. */
  input: Record<string, unknown>;
}

/** A request the caller must fix: answered 400 BAD_USER_INPUT naming the argument. */
export class ExportRequestError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];
const LANGUAGES: readonly ExportLanguage[] = ['zh', 'en'];

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ExportRequestError(what, 'is not valid JSON');
  }
}

/** The export asked for: `POST` with a JSON body `{ format, input, language }`, or `GET ?format=&input=<JSON>&language=`. */
export async function readExportRequest(request: IncomingMessage, url: URL, readBody: () => Promise<string>): Promise<ExportRequest> {
  let fields: Record<string, unknown>;
  if (request.method === 'POST') {
    const body = parseJson(await readBody(), 'body');
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new ExportRequestError('body', 'must be a JSON object { "format", "input", "language" }');
    }
    fields = body as Record<string, unknown>;
  } else if (request.method === 'GET') {
    const input = url.searchParams.get('input');
    fields = {
      format: url.searchParams.get('format') ?? undefined,
      language: url.searchParams.get('language') ?? undefined,
      input: input === null ? undefined : parseJson(input, 'input'),
    };
  } else {
    throw new ExportRequestError('method', 'use POST with a JSON body, or GET with format, input and language in the query string');
  }
  const format = fields.format;
  if (typeof format !== 'string' || !FORMATS.includes(format as ExportFormat)) {
    throw new ExportRequestError('format', `must be "csv" or "xlsx", not ${JSON.stringify(format ?? null)}`);
  }
  const language = fields.language ?? 'zh';
  if (typeof language !== 'string' || !LANGUAGES.includes(language as ExportLanguage)) {
    throw new ExportRequestError('language', `must be "zh" or "en", not ${JSON.stringify(language)}`);
  }
  const input = fields.input;
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new ExportRequestError('input', 'must be an IndicatorTableInput object, e.g. { "level": "COUNTY", "indicators": ["INCIDENTS_PER_1000_RESIDENTS"] }');
  }
  return { format: format as ExportFormat, language: language as ExportLanguage, input: input as Record<string, unknown> };
}
