/** Why the scaffold refused, as a code a script can test and a sentence a person can act on. */
export type ScaffoldErrorCode =
  | 'BAD_ARGUMENTS'
  | 'BAD_NAME'
  | 'BAD_PORT'
  | 'NAME_TAKEN'
  | 'PORT_TAKEN'
  | 'NOT_A_REPOSITORY'
  | 'UNREADABLE_LIST'
  | 'BAD_TEMPLATE';

/** A refusal: raised before anything is written, so the repository is as it was. */
export class ScaffoldError extends Error {
  constructor(
    readonly code: ScaffoldErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScaffoldError';
  }
}
