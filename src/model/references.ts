/** A person and a lookup as the lists return them; shared by types.ts and maturity.ts without a circle. */

export interface IPerson {
  id: number;
  title: string;
  email?: string;
}

export interface ILookupRef {
  id: number;
  title: string;
}
