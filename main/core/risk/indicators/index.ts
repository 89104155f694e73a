import type { Indicator } from '../types';
import { lateConsigneeChange, lateDescriptionChange, latePortChange } from './amendments';
import { containerCheckDigit, containerFlagged } from './equipment-container';
import { sealDuplicated, sealMissing } from './equipment-seals';
import { imoCheckDigit, imoMissing } from './equipment-vessel';
import { dualUseDestination, wildlifeFromSource } from './goods-controlled';
import { cigaretteCoverLoad, cocaineCoverLoad } from './goods-cover-loads';
import { descriptionMissing, vagueDescription } from './goods-description';
import { hsDescriptionMismatch, hsMissing } from './goods-hs';
import { commodityNotProducedInOrigin } from './goods-origin';
import { poBoxAddress, residentialAddress } from './parties-address';
import { consigneeMissing, consigneePlaceholder } from './parties-consignee';
import { firstTimeConsignee, newShipperConsigneePair, unusualChapterForConsignee } from './parties-history';
import { consigneeIsNotify, consigneeIsShipper } from './parties-roles';
import { highRiskCountry, highRiskPort } from './routing-listed-places';
import { originNotLoadingCountry, riskHubTransshipment, unusualTransshipments } from './routing-transshipment';
import { heavyEmptyContainer, overMaxPayload, perishablesWithoutReefer, reeferForDryGoods } from './weight-equipment';
import { containerWeightOutOfRange, packageWeightOutOfRange } from './weight-ranges';

/** Every indicator this build ships, in the order a profile lists them (by category). */
export const allIndicators: readonly Indicator[] = [
  // routing
  highRiskCountry,
  highRiskPort,
  riskHubTransshipment,
  unusualTransshipments,
  originNotLoadingCountry,
  // goods
  descriptionMissing,
  vagueDescription,
  hsMissing,
  hsDescriptionMismatch,
  cocaineCoverLoad,
  cigaretteCoverLoad,
  dualUseDestination,
  wildlifeFromSource,
  commodityNotProducedInOrigin,
  // weight and equipment
  packageWeightOutOfRange,
  containerWeightOutOfRange,
  overMaxPayload,
  heavyEmptyContainer,
  reeferForDryGoods,
  perishablesWithoutReefer,
  // parties
  consigneePlaceholder,
  consigneeMissing,
  poBoxAddress,
  residentialAddress,
  firstTimeConsignee,
  newShipperConsigneePair,
  unusualChapterForConsignee,
  consigneeIsNotify,
  consigneeIsShipper,
  // equipment identity
  containerCheckDigit,
  sealMissing,
  sealDuplicated,
  containerFlagged,
  imoCheckDigit,
  imoMissing,
  // amendments
  lateConsigneeChange,
  lateDescriptionChange,
  latePortChange,
];

/** By id; built once. A duplicate id is a programming error and fails at first use, in every test run. */
export const indicatorById: ReadonlyMap<string, Indicator> = (() => {
  const byId = new Map<string, Indicator>();
  for (const indicator of allIndicators) {
    if (byId.has(indicator.id)) throw new Error(`duplicate indicator id ${indicator.id}`);
    byId.set(indicator.id, indicator);
  }
  return byId;
})();
