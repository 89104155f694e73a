import { sumDecimals } from '../../../../shared/domain/decimal-text';

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * The exact total of a manifest's weights, added as they are validated. Each
 * weight is a plain non-negative decimal ("21559.6", what validation stores);
 * they are added as integers of the smallest common unit (BigInt: no rounding,
 * no limit), and the total is written by sumDecimals, so it reads exactly as
 * summing them all with it would. A Decimal per weight cost 90 ms per 100,000.
 */
export function createDecimalTotal() {
  let scale = 0;
  let units = 0n;
  return {
    add(value: string): void {
      const match = PLAIN.exec(value);
      if (!match) throw new RangeError(`Not a plain decimal: ${JSON.stringify(value).slice(0, 40)}`);
      const fraction = match[2] ?? '';
      if (fraction.length > scale) {
        units *= 10n ** BigInt(fraction.length - scale);
        scale = fraction.length;
      }
      units += BigInt(`${match[1]}${fraction.padEnd(scale, '0')}`);
    },
    text(): string {
      const digits = units.toString().padStart(scale + 1, '0');
      const whole = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      return sumDecimals([whole]);
    },
  };
}
