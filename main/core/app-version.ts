import packageJson from '../../package.json';

/** One source for the version: package.json (Electron's app.getVersion() reads the same field). */
export const APP_VERSION: string = packageJson.version;
export const PRODUCT_NAME: string = packageJson.productName;
