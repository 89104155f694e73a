/** UN/EDIFACT CUSCAR reader: bytes in, the canonical manifest model out. */
export { readCuscar, type CuscarReadResult, type InterchangeSyntax } from './read-cuscar';
export { looksLikeEdifact } from './detect';
export { CuscarUnreadable, cuscarUnreadableReasons, type CuscarUnreadableReason } from './errors';
