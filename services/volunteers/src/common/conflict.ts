import { graphqlError } from '@shequ/kit';

/** Runs a write and turns a unique-constraint violation (two requests racing, or a repeat) into CONFLICT. */
export async function conflictOnDuplicate<Result>(message: string, write: () => Promise<Result>): Promise<Result> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
    if (code === '23505') {
      throw graphqlError('CONFLICT', message);
    }
    throw error;
  }
}
