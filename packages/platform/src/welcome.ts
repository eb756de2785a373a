/** What the console shows once everything answers: where to go and something to try. */
export function welcomeMessage(gatewayUrl: string): string {
  const query = `{ region(code: "620100") { name population children { code name communities(first: 3) { totalCount edges { node { code name tier } } } } } }`;
  return `
  Shequ is running: ${gatewayUrl}

  Open it in a browser for the GraphQL IDE, or try:

    curl -s ${gatewayUrl} -H 'content-type: application/json' \\
      -d '{"query":"${query.replace(/"/g, '\\"')}"}'

  A development token for protected fields: pnpm -s token --role analyst --jurisdiction 620100
  Ctrl-C stops everything.

`;
}
