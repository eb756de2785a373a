import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { recordOutcome, recordRefusal, refusal, type AccessPolicy, type AccessTarget } from '../auth/access-policy';
import { DEPARTMENTS, type Department, type Role, type Viewer } from '../auth/viewer';
import { maskIdNumber, maskName, maskPhone } from '../identity/masking';
import type { GraphqlResponse } from './graphql-client';
import { testToken } from './test-subgraph';

/** A caller of the matrix: who they are, and the token that says so (none for anonymous). */
export interface MatrixViewer {
  label: string;
  viewer: Viewer | null;
  token?: string;
}

const MASKS = { maskName, maskPhone, maskIdNumber } as const;

/**
 * A protected field a case reads: personal data that a refused caller reads
 * masked (through one of the kit's masks) or as null — never as an error.
 */
export interface ProtectedRead {
  /** Where the field's value sits in the response's `data`. */
  path: (string | number)[];
  /** How a signed-in caller whom the rule refuses reads it; an anonymous caller reads every personal field as null. */
  refusedAs: keyof typeof MASKS | 'null';
  /** The value in the clear, as the fixture stored it; checked exactly (any non-null value when omitted). */
  plain?: string;
  /** A rule the caller must pass to reach the record at all: its refusal is the outcome. */
  gate?: string;
}

/**
 * A rule that decides what an allowed write may contain rather than who may
 * write (e.g. who may give a start in the past): a caller it refuses gets
 * BAD_USER_INPUT naming `argument`, not FORBIDDEN.
 */
export interface InputRule {
  /** The rule the caller must pass to write at all: its refusal is the outcome. */
  gate: string;
  /** The argument the refusal names. */
  argument: string;
}

/**
 * One operation of a subgraph's policy, as a request against fixture records:
 * `targetCode` is the record's community or region, or for a rule with
 * `parties` each party's (e.g. an activity inside and a volunteer outside).
 */
export interface MatrixCase {
  subgraph: string;
  policy: AccessPolicy;
  /** The policy rule that decides. */
  operation: string;
  targetCode: AccessTarget;
  /** The token subject that owns the record, for rules with an `owner` clause. */
  ownerSub?: string | null;
  query: string;
  variables?: Record<string, unknown>;
  /** Set for a read of a protected field; unset, the case is a write or a refused-when-not-allowed read. */
  read?: ProtectedRead;
  /**
   * The id of the record the request names, when it names one (an id per
   * party for a rule with parties): then a caller who may not reach it
   * (another jurisdiction, someone else's) must get exactly the answer the
   * same request gets with that id unknown.
   */
  recordId?: string | Readonly<Record<string, string>>;
  /** Set when `operation` is a rule on the write's input (see InputRule). */
  inputRule?: InputRule;
}

/** An id no fixture record has. */
export const UNKNOWN_RECORD_ID = '00000000-0000-4000-8000-00000000dead';

/** The outcome of one caller's request: allowed (past authorisation), refused, input refused by an input rule, answered as for an unknown id, or how a protected field read. */
export type MatrixOutcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'plain' | 'masked' | 'withheld' | 'as unknown id';

/** The token subject the matrix gives the caller with this label. */
export function matrixViewerSub(label: string): string {
  return `matrix-${label.replace(/\W+/g, '-')}`;
}

function viewer(label: string, roles: Role[], jurisdiction: string, department: Department | null = null): MatrixViewer {
  const claims: Viewer = { sub: matrixViewerSub(label), roles, jurisdiction, department };
  return { label, viewer: claims, token: testToken({ ...claims, department: department ?? undefined }) };
}

/**
 * Every role, inside and outside the jurisdiction of the fixture community
 * 620102001001 (county 620102, prefecture 620100); outside means Jiayuguan
 * (620200). Department staff come once per department.
 */
export function matrixViewers(): MatrixViewer[] {
  return [
    { label: 'anonymous', viewer: null },
    viewer('resident inside', ['resident'], '620102001001'),
    viewer('resident outside', ['resident'], '620201001001'),
    viewer('community worker inside', ['community_worker'], '620102'),
    viewer('community worker outside', ['community_worker'], '620201'),
    ...DEPARTMENTS.flatMap((department) => [
      viewer(`${department} staff inside`, ['department_staff'], '620100', department),
      viewer(`${department} staff outside`, ['department_staff'], '620200', department),
    ]),
    viewer('analyst inside', ['analyst'], '620000'),
    viewer('analyst outside', ['analyst'], '620200'),
    viewer('admin inside', ['admin'], '620000'),
    viewer('admin outside', ['admin'], '620200'),
  ];
}

/**
 * What the policy says should happen: allowed or the refusal's code for a
 * write; for an input rule, the gate's refusal, else BAD_USER_INPUT when the
 * rule refuses; for a protected read, the gate's refusal, else plain when the
 * rule allows and masked or withheld when it refuses (withheld, always, for an
 * anonymous caller). A case naming its record by id expects callers out of
 * reach to be answered as for an unknown id.
 */
export function expectedOutcome(matrixCase: MatrixCase, caller: MatrixViewer): MatrixOutcome {
  const { policy, operation, targetCode, ownerSub, read, inputRule, recordId } = matrixCase;
  const record = { code: targetCode, ownerSub };
  const byId = (rule: string) => {
    const outcome = recordRefusal(policy, rule, caller.viewer, record);
    return outcome === 'unknown' ? 'as unknown id' : outcome;
  };
  const gateRule = read?.gate ?? inputRule?.gate;
  const gate = gateRule === undefined ? null : recordId ? byId(gateRule) : (refusal(policy, gateRule, caller.viewer, targetCode, ownerSub)?.code ?? null);
  if (gate) {
    return gate;
  }
  const refused = refusal(policy, operation, caller.viewer, targetCode, ownerSub);
  if (inputRule) {
    return refused ? 'BAD_USER_INPUT' : 'allowed';
  }
  if (!read) {
    return (recordId ? byId(operation) : refused?.code) ?? 'allowed';
  }
  if (!refused) {
    return 'plain';
  }
  return read.refusedAs === 'null' || caller.viewer === null ? 'withheld' : 'masked';
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (value == null ? value : (value as Record<string | number, unknown>)[key]), data);
}

function readOutcome(read: ProtectedRead, value: unknown): MatrixOutcome | string {
  if (value == null) {
    return 'withheld';
  }
  if (read.plain === undefined) {
    return read.refusedAs === 'null' ? 'plain' : String(value).includes('*') ? 'masked' : 'plain';
  }
  if (value === read.plain) {
    return 'plain';
  }
  if (read.refusedAs !== 'null' && value === MASKS[read.refusedAs](read.plain)) {
    return 'masked';
  }
  return `unexpected value ${JSON.stringify(value)}`;
}

/**
 * What the graph did. A refusal is its code. A write with no refusal is
 * allowed, even when it then meets BAD_USER_INPUT, NOT_FOUND or CONFLICT
 * (an earlier allowed caller may already have moved the record): those
 * come after authorisation passed — except the BAD_USER_INPUT naming an
 * input rule's argument, which is that rule's refusal. A protected read with any other error
 * reports that error — a masked field must never break the response —
 * and otherwise how the field read.
 */
export function actualOutcome(
  matrixCase: MatrixCase,
  response: Pick<GraphqlResponse, 'data' | 'errors'>,
  unknownIdResponse?: Pick<GraphqlResponse, 'data' | 'errors'>,
  caller?: MatrixViewer,
): MatrixOutcome | string {
  const codes = (response.errors ?? []).map((error) => error.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) {
    return 'UNAUTHENTICATED';
  }
  if (codes.includes('FORBIDDEN')) {
    return 'FORBIDDEN';
  }
  if (matrixCase.recordId && unknownIdResponse && caller && answerShape(response, recordIdFor(matrixCase, caller)) === answerShape(unknownIdResponse, UNKNOWN_RECORD_ID)) {
    return 'as unknown id';
  }
  const { inputRule } = matrixCase;
  if (inputRule && (response.errors ?? []).some((error) => error.extensions?.code === 'BAD_USER_INPUT' && error.extensions.argument === inputRule.argument)) {
    return 'BAD_USER_INPUT';
  }
  if (!matrixCase.read) {
    return 'allowed';
  }
  if (codes.length > 0) {
    return `error ${String(codes[0])}: ${response.errors?.[0]?.message ?? ''}`;
  }
  return readOutcome(matrixCase.read, valueAt(response.data, matrixCase.read.path));
}

/**
 * The id the case names for `caller`: its record's, or — for a rule with
 * parties — the id of the party out of the caller's reach (the first party
 * when none is).
 */
function recordIdFor(matrixCase: MatrixCase, caller: MatrixViewer): string {
  const { recordId, policy, targetCode, ownerSub } = matrixCase;
  if (typeof recordId !== 'object') {
    return recordId as string;
  }
  const rule = matrixCase.read?.gate ?? matrixCase.inputRule?.gate ?? matrixCase.operation;
  const outcome = recordOutcome(policy, rule, caller.viewer, { code: targetCode, ownerSub });
  const party = outcome !== null && typeof outcome === 'object' ? outcome.unknown : null;
  return (party !== null && recordId[party]) || Object.values(recordId)[0];
}

/** The case's request, as `caller` sends it, with its record's id replaced by one no record has. */
export function withUnknownId(matrixCase: MatrixCase, caller: MatrixViewer): { query: string; variables?: Record<string, unknown> } {
  const recordId = recordIdFor(matrixCase, caller);
  const swap = (text: string) => text.split(recordId).join(UNKNOWN_RECORD_ID);
  return {
    query: swap(matrixCase.query),
    variables: matrixCase.variables && (JSON.parse(swap(JSON.stringify(matrixCase.variables))) as Record<string, unknown>),
  };
}

/** What a client sees of an answer — data, and each error's message, code and path — with the id it asked for blanked. */
function answerShape(response: Pick<GraphqlResponse, 'data' | 'errors'>, id: string): string {
  const errors = (response.errors ?? []).map((error) => ({ message: error.message, code: error.extensions?.code, path: error.path }));
  return JSON.stringify({ data: response.data ?? null, errors }).split(id).join('<id>');
}

/** The root fields an operation selects (aliases resolved to field names). */
export function rootFieldsOf(query: string): { operation: 'query' | 'mutation' | 'subscription'; field: string }[] {
  return parse(query)
    .definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .flatMap((operation) =>
      operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [{ operation: operation.operation, field: selection.name.value }] : [])),
    );
}

/** The fields of `type Mutation` in a (super)graph's SDL. */
export function mutationFieldsOf(sdl: string): string[] {
  return parse(sdl).definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Mutation'
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}
