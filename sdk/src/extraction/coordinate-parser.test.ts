import assert from 'node:assert/strict';
import { parseCoordinates } from './coordinate-parser.js';

const read = (...texts: string[]) => parseCoordinates(texts.map((text) => ({ text, confidence: 90 })));
const values = (...texts: string[]) => {
  const parsed = read(...texts);
  return [parsed.lat?.value, parsed.long?.value];
};

describe('parseCoordinates', () => {
  it('reads labelled decimals, hemispheres, DMS and bare pairs', () => {
    assert.deepEqual(values('Lat 18.520430° Long 73.856744°'), [18.52043, 73.856744]);
    assert.deepEqual(values('Latitude: 12.971599', 'Longitude: 77.594566'), [12.971599, 77.594566]);
    assert.deepEqual(values('18.520430N 73.856744E'), [18.52043, 73.856744]);
    assert.deepEqual(values('33.8688° S, 151.2093° E'), [-33.8688, 151.2093]);
    assert.deepEqual(values(`18°31'13.55"N 73°51'24.28"E`), [18.520431, 73.856744]);
    assert.deepEqual(values('19.076090, 72.877426'), [19.07609, 72.877426]);
  });

  it('reads degrees with decimal minutes', () => {
    assert.deepEqual(values(`18°31.2258'N 73°51.4046'E`), [18.52043, 73.856743]);
    assert.deepEqual(values(`Lat 12°58.2959' N`, `Long 77°35.6740' E`), [12.971598, 77.594567]);
    assert.deepEqual(values(`33°52.128'S 151°12.558'E`), [-33.8688, 151.2093]);
  });

  it("reads a hemisphere letter written before the angle as that angle's own", () => {
    assert.deepEqual(values(`N 18°31'13.5" E 73°51'24.3"`), [18.520417, 73.85675]);
    assert.deepEqual(values(`N18°31'13.55"E73°51'24.28"`), [18.520431, 73.856744]);
    assert.deepEqual(values(`S 33°52'7.68" E 151°12'33.48"`), [-33.8688, 151.2093]);
    assert.deepEqual(values('N 18.520430 E 73.856744'), [18.52043, 73.856744]);
    // Letters after each angle stay the usual reading, even with the first angle's letter before the second.
    assert.deepEqual(values(`18°31'13.5"N 73°51'24.3"E`), [18.520417, 73.85675]);
  });

  it('gives no hemisphere to an angle whose letter is missing', () => {
    assert.deepEqual(values(`18°31'13.5"N 73°51'24.3"`), [18.520417, undefined]);
    assert.deepEqual(values(`18°31'13.5" 73°51'24.3"`), [undefined, undefined]);
  });

  it('repairs letters read for digits inside numbers', () => {
    assert.deepEqual(values('Lat l8.52O43O Long 73.856744'), [18.52043, 73.856744]);
  });

  it('drops values out of range and flags a reading outside India with lower confidence', () => {
    assert.deepEqual(values('Lat 98.520430 Long 273.856744'), [undefined, undefined]);
    const abroad = read('Lat 51.507351 Long -0.127758');
    const home = read('Lat 18.520430 Long 73.856744');
    assert.ok(abroad.lat!.confidence < home.lat!.confidence);
    assert.ok(abroad.lat!.confidence < 0.6);
  });

  it('finds nothing in text without coordinates', () => {
    assert.deepEqual(read('Shivaji Nagar, Pune 411005', 'Survey No 45/2'), {});
  });
});
