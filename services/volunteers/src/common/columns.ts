import { chinaDate } from '@shequ/kit';

/**
 * A `date` column as the YYYY-MM-DD string it is. Should the driver hand over
 * a Date (the day's midnight in the process's zone, UTC or China's), the day is
 * read in China time: its UTC date would be the day before in a process
 * running in China.
 */
export const dateColumn = { to: (value: string) => value, from: (value: string | Date | null) => (value instanceof Date ? chinaDate(value) : value) };
