/**
 * The product name every release signature carries. It is electron-builder's
 * `appId` (electron-builder.yml; a test keeps the two equal), so a release of
 * another program signed with the same key is refused as WRONG_PRODUCT.
 */
export const RELEASE_PRODUCT_ID = 'org.unodc.ccp.pcu-workstation';
