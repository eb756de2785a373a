import { z } from 'zod';
import { DEPARTMENTS, ROLES, signToken, type RouteHandler } from '@shequ/kit';

const REQUEST = z.object({
  roles: z.array(z.enum(ROLES)).min(1).max(5),
  jurisdiction: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'a region or community code'),
  department: z.enum(DEPARTMENTS).optional(),
});

/**
 * Development only: signs a 12-hour token for the role and jurisdiction a
 * person picks in the console (`POST /dev/token`), with the development
 * secret every development process shares. Never routed outside development.
 */
export function developmentTokenRoute(secret: string): RouteHandler {
  return async (request, response, info) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST') {
      send(405, { error: 'POST { roles, jurisdiction } to get a development token' });
      return;
    }
    let parsed: z.infer<typeof REQUEST>;
    try {
      parsed = REQUEST.parse(JSON.parse(await info.readBody()));
    } catch (error) {
      const issue = error instanceof z.ZodError ? error.issues[0] : null;
      send(400, { error: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'the body must be JSON: { "roles": ["analyst"], "jurisdiction": "620000" }' });
      return;
    }
    send(200, { token: signToken({ sub: `development:${parsed.roles.join('+')}`, roles: parsed.roles, jurisdiction: parsed.jurisdiction, department: parsed.department, expiresIn: '12h' }, secret) });
  };
}
