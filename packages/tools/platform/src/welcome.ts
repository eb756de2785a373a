type Mode = 'development' | 'production' | 'test';

/**
 * What the console shows once everything answers: where to go and something
 * to try. Only development offers the IDE and suggests a token: outside it
 * the development secret is refused and tokens come from the deployment's
 * own issuer.
 */
export function welcomeMessage(gatewayUrl: string, mode: Mode): string {
  const development = mode === 'development';
  const query = `{ region(code: "620100") { name population children { code name communities(first: 3) { totalCount edges { node { code name tier } } } } } }`;
  const tokens = development
    ? 'A development token for protected fields: pnpm -s token --role analyst --jurisdiction 620100'
    : `Protected fields need a token signed with this deployment's JWT_SECRET or JWKS key (NODE_ENV=${mode}).`;
  return `
  Shequ is running: ${gatewayUrl}

  ${development ? 'Open it in a browser for the GraphQL IDE, or try:' : 'Try:'}

    curl -s ${gatewayUrl} -H 'content-type: application/json' \\
      -d '{"query":"${query.replace(/"/g, '\\"')}"}'

  ${tokens}
  Ctrl-C stops everything.

`;
}
