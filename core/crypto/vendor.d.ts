// Typings for the library parts the encryptors import (jsbn has none; sm-crypto's typings cover its
// index only). Just what the kit calls.
declare module 'jsbn' {
  export class BigInteger {
    constructor(value: string, radix?: number);
    static readonly ONE: BigInteger;
    bitLength(): number;
    signum(): number;
    mod(m: BigInteger): BigInteger;
    add(b: BigInteger): BigInteger;
    subtract(b: BigInteger): BigInteger;
    modPowInt(e: number, m: BigInteger): BigInteger;
    toString(radix?: number): string;
  }
}

declare module 'sm-crypto/src/sm2/ec' {
  import type { BigInteger } from 'jsbn';
  interface FieldElement {
    toBigInteger(): BigInteger;
    equals(other: FieldElement): boolean;
    add(b: FieldElement): FieldElement;
    multiply(b: FieldElement): FieldElement;
    square(): FieldElement;
  }
  export interface ECPoint {
    getX(): FieldElement;
    getY(): FieldElement;
    multiply(k: BigInteger): ECPoint;
    isInfinity(): boolean;
  }
  export class ECCurveFp {
    constructor(q: BigInteger, a: BigInteger, b: BigInteger);
    readonly a: FieldElement;
    readonly b: FieldElement;
    decodePointHex(hex: string): ECPoint | null;
  }
}

declare module 'sm-crypto/src/sm2/sm3' {
  export function sm3(bytes: number[]): number[];
}
