import { defineModule } from '@shequ/kit';
import { VolunteerSignUp } from './activity-signup.entity';
import { VolunteerHourRedemption } from './hour-redemption.entity';
import { HourRedemptionResolver, VolunteerSignUpResolver } from './hours.resolver';

/** Service hours: sign-ups, attendance, confirmation, and redemptions from the time bank. */
export const hoursModule = defineModule({
  name: 'hours',
  entities: [VolunteerSignUp, VolunteerHourRedemption],
  resolvers: [VolunteerSignUpResolver, HourRedemptionResolver],
});
