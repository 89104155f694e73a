import { type PartyInput } from '../../../../../shared/domain/manifest';
import { type Segment } from './lexer';
import { component, components, joinText } from './segment';

/**
 * A party from NAD: 010 3035 qualifier, 020 C082 identification (3039 ...),
 * 030 C058 name and address as up to five free lines, 040 C080 party name
 * (five 3036 lines, then 3045 format code), 050 C059 street (four 3042
 * lines), 060 3164 city, 070 3229 country sub-entity (a composite, C819, from
 * D.96A on: its code then its name in the fourth component), 080 3251
 * postcode, 090 3207 country code.
 *
 * Name lines are split only because 3036 is an..35; they are joined with a
 * space. With no C080 the first C058 line is the name and the rest the
 * address; with neither, the party's coded identification stands in for the
 * name so the officer still sees who it is.
 */
export function partyOf(nad: Segment): PartyInput | undefined {
  const structuredName = joinText(components(nad, 3).slice(0, 5));
  const freeLines = components(nad, 2).slice(0, 5);
  const name = structuredName ?? joinText(freeLines.slice(0, 1)) ?? joinText([component(nad, 1, 0)]);
  if (!name) return undefined;
  const structuredAddress = joinText(
    [...components(nad, 4).slice(0, 4), component(nad, 5), component(nad, 6, 3) || component(nad, 6, 0), component(nad, 7)],
    ', ',
  );
  // C058 repeats name and address in free form; it is the address only when
  // the structured elements give none.
  const address = structuredAddress ?? joinText(structuredName ? freeLines : freeLines.slice(1), ', ');
  const country = component(nad, 8);
  return { name, ...(address ? { address } : {}), ...(country ? { country } : {}) };
}
