/** Strings an attacker tries in any text: SQL, markup, template and path tricks, odd Unicode. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE governance.community; --",
  '1; SELECT pg_sleep(5)',
  "620102001001' UNION SELECT id_number FROM public_safety.supervised_person --",
  '") { __typename } #',
  '<script>alert(1)</script>',
  '%27%20OR%201=1',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\\',
  '\u202e\u200b\ufeff',
  'a\nb\rc\td',
  '\ud800',
];

/** Codes that look almost right: whitespace, full-width digits, one digit too many, a trailing comment. */
export const CODE_LOOKALIKES = ['', ' 620102001001', '620102001001 ', '６２０１０２００１００１', '6201020010011', '620102001001\n', '620102001001; --', '62%'];

/** Ids that look almost right. */
export const ID_LOOKALIKES = ['', 'null', '00000000-0000-4000-8000-00000000000g', '{00000000-0000-4000-8000-000000000001}', "00000000-0000-4000-8000-000000000001'"];

/** Free text no field may accept: empty, blank, or longer than any field's limit (yet under the body limit). */
export const BAD_TEXT = ['', ' \n\t ', 'x'.repeat(20_000)];

/** Just over a field's documented limit, in plain letters and in CJK. */
export const overLimit = (max: number) => ['x'.repeat(max + 1), '社'.repeat(max + 1)];

/** Absurd whole numbers, including ones GraphQL's Int cannot hold. */
export const BAD_INTS = [-1, -2147483648, 2147483647, 2147483648, 1.5, '7'];

/** Absurd years. */
export const BAD_YEARS = [0, -2026, 1899, 10_000, 2147483647];

/** Absurd decimals: negative, astronomical, tinier than any unit, and a string. */
export const BAD_FLOATS = [-1, -1e308, 1e308, 1e-9, '1'];

/** Calendar days that do not exist, are not YYYY-MM-DD, or lie absurdly far away. */
export const BAD_DAYS = ['', 'yesterday', '2026-02-30', '2026-13-01', '2026-1-1', '0000-01-01', '1899-12-31', '9999-12-31', '+275760-09-13', "2026-01-01' OR '1'='1", '2026-01-01T00:00:00Z'];

/** Instants that do not exist, are not ISO 8601, or lie beyond what a database can store. */
export const MALFORMED_INSTANTS = ['', 'not a date', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '+275760-09-14T00:00:00.000Z', 1e20];

/** Real instants absurdly far away: refused as a record's time or a trend's end, merely matching nothing in a filter. */
export const FAR_INSTANTS = ['1899-12-31T00:00:00Z', '9999-12-31T23:59:59Z'];

export const BAD_INSTANTS = [...MALFORMED_INSTANTS, ...FAR_INSTANTS];
