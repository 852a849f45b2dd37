/* Generated from pack-manifest.schema.json by scripts/generate-manifest-type.mjs; do not edit. */

export type PackPath = string;
/**
 * an evidence kind (photo.exterior) or a family with a wildcard (photo.*)
 */
export type EvidenceKindPattern = string;

/**
 * A template pack's manifest: the "repogen" key of its package.json. Data only; read without running pack code.
 */
export interface PackManifest {
  role: 'pack';
  /**
   * Stable identity across versions; a new bank form edition is a new key (_V2).
   */
  key: string;
  family: 'valuation' | 'project-finance' | 'custom';
  title: string;
  description?: string;
  /**
   * semver range of @repogen/sdk the logic was built against
   */
  sdk: string;
  scope:
    | {
        kind: 'global';
      }
    | {
        kind: 'tenant';
        /**
         * slug of the owning tenant
         */
        tenant: string;
      };
  /**
   * @maxItems 20
   */
  templates: {
    id: string;
    file: PackPath;
    title?: string;
  }[];
  /**
   * Annexure sections in print order
   *
   * @maxItems 30
   */
  annexures: {
    section: string;
    heading: string;
    /**
     * @minItems 1
     */
    kinds: [EvidenceKindPattern, ...EvidenceKindPattern[]];
  }[];
  evidence: {
    required: {
      kind: EvidenceKindPattern;
      min: number;
      label?: string;
    }[];
    ocr?: {
      kind: EvidenceKindPattern;
      /**
       * name the pack's extract() recognises
       */
      extractor?: string;
    }[];
  };
  /**
   * When the host should suggest this pack. The matching rule with the highest priority wins.
   */
  selection: {
    bankTypes?: ('sbi' | 'psu' | 'private' | 'coop' | 'other')[];
    /**
     * bank names this pack is made for (case-insensitive)
     */
    banks?: string[];
    /**
     * inclusive
     */
    minValueRupees?: number;
    /**
     * exclusive
     */
    maxValueRupees?: number;
    priority: number;
    reason?: string;
  };
  /**
   * credits one report of this pack reserves
   */
  credits: number;
  /**
   * May only lower the host's limits
   */
  limits?: {
    memoryMb?: number;
    timeoutMs?: number;
  };
}
