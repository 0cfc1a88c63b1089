/** Small shared generators and checks for the complexity metric tests. */
import fc from 'fast-check';

/** A random exports matrix (locations × products) with some zeros, every row and column non-zero. */
export function exportsMatrix(minL = 2, maxL = 7, minP = 2, maxP = 9) {
  return fc
    .record({
      locations: fc.integer({ min: minL, max: maxL }),
      products: fc.integer({ min: minP, max: maxP }),
      seed: fc.integer(),
    })
    .map(({ locations, products, seed }) => {
      let state = seed >>> 0 || 1;
      const random = () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
      };
      const values = new Float64Array(locations * products);
      for (let i = 0; i < values.length; i++)
        values[i] = random() < 0.3 ? 0 : Math.round(1 + 1000 * random() ** 3 * 1000);
      // Every row and every column has at least one positive value.
      for (let c = 0; c < locations; c++) values[c * products + (c % products)] = 1 + c;
      for (let p = 0; p < products; p++) values[(p % locations) * products + p]! += 1 + p;
      return { locations, products, values };
    });
}

/** A random 0/1 matrix. */
export function presenceMatrix(minL = 2, maxL = 8, minP = 2, maxP = 10, density = 0.4) {
  return fc
    .record({
      locations: fc.integer({ min: minL, max: maxL }),
      products: fc.integer({ min: minP, max: maxP }),
      seed: fc.integer(),
    })
    .map(({ locations, products, seed }) => {
      let state = seed >>> 0 || 7;
      const random = () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
      };
      const m = new Uint8Array(locations * products);
      for (let i = 0; i < m.length; i++) m[i] = random() < density ? 1 : 0;
      return { locations, products, m };
    });
}

/** Largest |a − b| over two arrays (NaN must match NaN). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (Number.isNaN(x) !== Number.isNaN(y)) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(x - y));
  }
  return worst;
}

/** Reference M·φ column-normalised density, straight from the definition. */
export function naiveDensity(weights: ArrayLike<number>, L: number, P: number, phi: Float64Array): Float64Array {
  const out = new Float64Array(L * P);
  for (let p = 0; p < P; p++) {
    let sum = 0;
    for (let q = 0; q < P; q++) sum += phi[q * P + p]!;
    for (let c = 0; c < L; c++) {
      let s = 0;
      for (let q = 0; q < P; q++) s += weights[c * P + q]! * phi[q * P + p]!;
      out[c * P + p] = sum > 0 ? s / sum : NaN;
    }
  }
  return out;
}
