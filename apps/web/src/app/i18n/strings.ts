/** Same tree of keys, any string values: the shape every other language must fill. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
