import type { Migration } from '../migration';
import { initialSchema } from './0001-initial-schema';
import { bulkGoodsIndex } from './0002-bulk-goods-index';
import { userRemoval } from './0003-user-removal';
import { riskEngine } from './0004-risk-engine';
import { casework } from './0005-casework';
import { signing } from './0006-signing';
import { exchange } from './0007-exchange';
import { reportCountersign } from './0008-report-countersign';

/** Listed explicitly, in order: no directory scanning, so a packaged app cannot miss or reorder one. */
export const migrations: readonly Migration[] = [initialSchema, bulkGoodsIndex, userRemoval, riskEngine, casework, signing, exchange, reportCountersign];
