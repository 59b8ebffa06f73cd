// Column storage grows by copying into a longer array; one helper for every table that does.
type NumericArray = Uint8Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** `old`'s values at the start of a new array of `length` elements made by `make` (its tail as made). */
export function widened<T extends NumericArray>(old: T, length: number, make: (n: number) => T): T {
  const next = make(length);
  next.set(old);
  return next;
}
