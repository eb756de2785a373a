import { ConnectionType } from '@shequ/kit';
import { Community } from './community.entity';

export const CommunityConnection = ConnectionType('Community', Community);
