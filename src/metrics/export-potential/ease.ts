/**
 * (S3 / F6) Ease of trade, pair-level and product-independent:
 *   E_ij = Σ_k Supply^static_ik × M_jk × [MTA_ijk × DistF_ijk]   expected i→j trade if i held its
 *          world share in every product j imports (bracket = 1 unless tariffs/distances are given)
 *   B_ij = V_ij / E_ij                        (ITC; κ = 0, no cap)
 *   B*_ij = min(B_max, (V_ij + κ) / (E_ij + κ))  robust: κ (USD) shrinks small pairs toward 1
 * Guards: E_ij + κ = 0 gives B = 0 (flagged EASE_UNDEFINED, never NaN); an embargoed pair gets 0.
 * The ease must stay summed over all products: a product-level ease would reproduce actual
 * exports exactly and make the untapped gap identically 0.
 */

/** Bit flags on pairs and rows, so a user can see why a number looks the way it does. */
export const ExportPotentialFlag = Object.freeze({
  /** V_ij = 0 but κ > 0 gave a positive ease: the potential is extrapolated, not observed. */
  EXTRAPOLATED: 1,
  /** B_ij was capped at maxEase. */
  EASE_CAPPED: 2,
  /** E_ij + κ = 0 (i has no share in anything j imports): ease set to 0 instead of NaN. */
  EASE_UNDEFINED: 4,
  /** The net-importer penalty TB_ik < 1 lowered the supply. */
  NET_IMPORTER: 8,
  /** The pair is embargoed (ease forced to 0). */
  EMBARGO: 16,
});

/** B*_ij = min(maxEase, (V + κ)/(E + κ)), 0 when E + κ = 0. With κ = 0 and no cap this is V/E. */
export function shrunkEase(
  pairExportsUsd: number,
  expectedTradeUsd: number,
  shrinkageUsd: number,
  maxEase: number,
): number {
  const den = expectedTradeUsd + shrinkageUsd;
  if (!(den > 0)) return 0;
  const ease = (pairExportsUsd + shrinkageUsd) / den;
  return ease > maxEase ? maxEase : ease;
}

/** The flags shrunkEase's result deserves (EXTRAPOLATED, EASE_CAPPED, EASE_UNDEFINED). */
export function easeFlags(
  pairExportsUsd: number,
  expectedTradeUsd: number,
  shrinkageUsd: number,
  maxEase: number,
): number {
  const den = expectedTradeUsd + shrinkageUsd;
  if (!(den > 0)) return ExportPotentialFlag.EASE_UNDEFINED;
  let flags = 0;
  if ((pairExportsUsd + shrinkageUsd) / den > maxEase) flags |= ExportPotentialFlag.EASE_CAPPED;
  if (pairExportsUsd === 0 && shrinkageUsd > 0) flags |= ExportPotentialFlag.EXTRAPOLATED;
  return flags;
}
