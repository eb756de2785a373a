import { defineModule } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community.reference';

/** Governance's Region and Community as statistics extends them: rows of its tables, and a region's assessment history. */
export const communityModule = defineModule({
  name: 'community',
  entityTypes: [RegionReference, CommunityReference],
  references: { Region: (reference: RegionReference) => reference },
});
