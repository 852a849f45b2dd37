import type { CSSProperties } from 'react';
import type { Evidence, ImageRegion } from '../api/api-types';

const THUMB_WIDTH_PX = 200;
const THUMB_HEIGHT_PX = 140;
/** The tallest the enlarged region is drawn; a tall region is drawn narrower instead. */
const CROP_MAX_HEIGHT_PX = 96;
/** Room around the read line, as a fraction of the image, so the crop shows its neighbours' edges. */
const CROP_MARGIN = 0.01;

function percent(value: number): string {
  return `${(value * 100).toFixed(3)}%`;
}

function padded(region: ImageRegion): ImageRegion {
  const x = Math.max(0, region.x - CROP_MARGIN);
  const y = Math.max(0, region.y - CROP_MARGIN);
  return {
    x,
    y,
    width: Math.min(1, region.x + region.width + CROP_MARGIN) - x,
    height: Math.min(1, region.y + region.height + CROP_MARGIN) - y,
  };
}

/**
 * The evidence image a proposal was read from: its thumbnail with the read region outlined and,
 * below it, that region enlarged from the original, so the operator compares value and source
 * without opening the photo.
 */
export function ProposalSource({
  evidence,
  region,
  field,
}: {
  evidence: Evidence;
  region: ImageRegion | null;
  field: string;
}) {
  const aspect = evidence.width && evidence.height ? evidence.width / evidence.height : 4 / 3;
  const thumbWidth = Math.min(THUMB_WIDTH_PX, THUMB_HEIGHT_PX * aspect);
  const crop = region && region.width > 0 && region.height > 0 ? padded(region) : null;
  const cropRatio = crop ? (crop.width * aspect) / crop.height : 1;
  const cropStyle: CSSProperties = {
    aspectRatio: String(cropRatio),
    width: `min(100%, ${Math.round(CROP_MAX_HEIGHT_PX * cropRatio)}px)`,
  };
  return (
    <figure className="proposal-source">
      <div className="proposal-thumb" style={{ width: `${thumbWidth}px`, aspectRatio: String(aspect) }}>
        <img src={`/v1/evidence/${evidence.id}/thumbnail`} alt={`Source: ${evidence.filename}`} />
        {region ? (
          <span
            className="region-box"
            data-testid="proposal-region"
            aria-hidden="true"
            style={{
              left: percent(region.x),
              top: percent(region.y),
              width: percent(region.width),
              height: percent(region.height),
            }}
          />
        ) : null}
      </div>
      {crop ? (
        <div className="region-crop" style={cropStyle}>
          <img
            src={`/v1/evidence/${evidence.id}/content`}
            alt={`Where ${field} was read in ${evidence.filename}`}
            loading="lazy"
            style={{
              left: percent(-crop.x / crop.width),
              top: percent(-crop.y / crop.height),
              width: percent(1 / crop.width),
              height: percent(1 / crop.height),
            }}
          />
        </div>
      ) : null}
      <figcaption className="small muted">
        {region ? 'Outlined: where the value was read' : evidence.filename}
      </figcaption>
    </figure>
  );
}
