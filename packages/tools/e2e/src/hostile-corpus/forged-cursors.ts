import { corpusAdmin as admin, corpusStaff as staff, type HostileRequest, type Operation, vary } from '@shequ/kit/testing';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const cursor = (sortKey: unknown) => b64(JSON.stringify(sortKey));

/**
 * Cursors no list ever returns, each invalid for every list's sort key (a
 * single string is left out: it is a well-formed cursor of the communities
 * sorted by code): wrong arity, wrong types, values PostgreSQL cannot take,
 * valid JSON of another shape, not JSON, not base64.
 */
export const FORGED_CURSORS: readonly string[] = [
  cursor([]),
  cursor([1, 2, 3]),
  cursor([2026]),
  cursor([null, null]),
  cursor([true]),
  cursor([{}, []]),
  cursor(['\u0000']),
  cursor([1e308, '00000000-0000-4000-8000-000000000000']),
  cursor(['2026-13-45T00:00:00.000Z', 'not-a-uuid']),
  cursor({ code: '620102001001' }),
  b64('"620102001001"'),
  b64('42'),
  b64('null'),
  b64('[1,'),
  '%%%not-base64%%%',
  '',
];

const COMMUNITY = '620102001001';

/** Every paginated list of the graph, asked by a caller allowed to read it, with `$a` as its cursor. */
/** A list and, where it is not the opaque cursors' "not a cursor returned by this list", what its refusal of a forged one says. */
export function paginatedLists(auditLogFields: readonly string[]): (Operation & { refusal?: string })[] {
  const onCommunity = (field: string, token: string): Operation => ({
    name: `Community.${field}`,
    document: `query ($a: String) { community(code: "${COMMUNITY}") { ${field}(first: 2, after: $a) { totalCount } } }`,
    variables: { a: null },
    token,
  });
  const atRoot = (field: string, token: string): Operation => ({
    name: `Query.${field}`,
    document: `query ($a: String) { ${field}(first: 2, after: $a) { totalCount } }`,
    variables: { a: null },
    token,
  });
  // The statistics feeds page by a plain code, not an opaque cursor: a forged one is refused all the same.
  const feed = (field: string, refusal = 'is not a community code'): Operation & { refusal: string } => ({
    name: `Query.${field}`,
    document: `query ($a: String) { ${field}(first: 2, after: $a) { nextCursor } }`,
    variables: { a: null },
    token: admin,
    refusal,
  });
  return [
    {
      name: 'Region.communities',
      document: 'query ($a: String) { region(code: "620100") { communities(first: 2, after: $a) { totalCount } } }',
      variables: { a: null },
      token: staff.governance,
    },
    atRoot('communities', staff.governance),
    atRoot('practicalProjects', staff.governance),
    atRoot('organizations', staff.volunteers),
    onCommunity('serviceRequests', staff['service-delivery']),
    onCommunity('volunteers', staff.volunteers),
    onCommunity('volunteerActivities', staff.volunteers),
    onCommunity('organizations', staff.volunteers),
    onCommunity('safetyIncidents', staff['public-safety']),
    onCommunity('mediationCases', staff['public-safety']),
    onCommunity('inspections', staff['public-safety']),
    ...auditLogFields.map((field) => atRoot(field, admin)),
    {
      name: 'Query.indicatorTable',
      document: 'query ($a: String) { indicatorTable(input: { level: PREFECTURE, indicators: [INCIDENTS] }, first: 2, after: $a) { totalCount } }',
      variables: { a: null },
      token: admin,
    },
    ...['governanceFigures', 'serviceDeliveryFigures', 'volunteersFigures', 'publicSafetyFigures'].map((field) => feed(field)),
    // A block starts after a plain code too.
    ...['governanceFigureBlock', 'serviceDeliveryFigureBlock', 'volunteersFigureBlock', 'publicSafetyFigureBlock'].map((field) => ({
      name: `Query.${field}`,
      document: `query ($a: String) { ${field}(months: ["2026-01"], after: $a) { measures } }`,
      variables: { a: null },
      token: admin,
      refusal: 'is not a community code',
    })),
    feed('governanceDirectory', 'not a region or community code returned as nextCursor'),
  ];
}

/** Each forged cursor at each list: BAD_USER_INPUT, never a database error. */
export function forgedCursors(auditLogFields: readonly string[]): HostileRequest[] {
  return paginatedLists(auditLogFields).flatMap((list) => vary(list, 'a', FORGED_CURSORS, ['BAD_USER_INPUT']));
}
