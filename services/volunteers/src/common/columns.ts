/** A `date` column as the YYYY-MM-DD string it is, not a Date shifted by the server's time zone. */
export const dateColumn = { to: (value: string) => value, from: (value: string | Date | null) => (value instanceof Date ? value.toISOString().slice(0, 10) : value) };
