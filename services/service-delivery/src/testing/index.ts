export { insertServiceDeliveryFixture, FIXTURE_REQUEST_IDS } from './fixture';
export { serviceDeliveryMatrixCases } from './access-matrix';
