/** Exchange packages between units: the format is documented in ./exchange-package.ts. */
export { certificateSha256, createExchangeCertificate, readCertificateFile, type ExchangeKeyPair } from './certificate';
export {
  isAddressedTo,
  openContent,
  PACKAGE_LIMIT_BYTES,
  sealPackage,
  verifyPackage,
  type RecipientRef,
  type VerifiedPackage,
} from './exchange-package';
