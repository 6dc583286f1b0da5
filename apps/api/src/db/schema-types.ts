import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Filled by the database when left out of an insert. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | null | undefined, string | null>;
/** A `date` column: read as 'YYYY-MM-DD' text (the client parses no dates), written as text. */
export type DateText = ColumnType<string, string, string>;
/** numeric comes back as text from pg. */
export type Numeric = ColumnType<string, string | number, string | number>;
