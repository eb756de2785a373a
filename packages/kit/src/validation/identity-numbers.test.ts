import { GraphQLError } from 'graphql';
import { assertIdCardNumber } from './id-card';
import { assertOptionalPhone, assertPhone } from './phone';

function refusal(read: () => unknown): { code: unknown; argument: unknown } | null {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) {
      throw error;
    }
    return { code: error.extensions.code, argument: error.extensions.argument };
  }
}

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19900001111', '19900001111'],
    ['0931-8123456', '0931-8123456'],
    ['09318123456', '09318123456'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '01012345678'],
    ['0931-1234567', '0931-1234567'],
    ['  13812345678 ', '13812345678'],
  ])('accepts %j as %j, kept as written but trimmed', (value, kept) => {
    expect(assertPhone(value, 'input.phone')).toBe(kept);
  });

  it.each([
    ['', 'empty'],
    ['12', 'too short'],
    ['1381234567', 'ten digits'],
    ['138123456789', 'twelve digits'],
    ['23800000000', 'a mobile not starting with 1'],
    ['+8613812345678', 'an international prefix'],
    ['138 1234 5678', 'spaces'],
    ['0931-123', 'a landline too short'],
    ['931-8123456', 'an area code without its 0'],
    ['09312-8123456', 'an area code of five digits'],
    ['0931--8123456', 'two hyphens'],
    ['１３８１２３４５６７８', 'full-width digits'],
    ["13812345678' OR '1'='1", 'SQL'],
  ])('refuses %j (%s), naming the argument', (value) => {
    expect(refusal(() => assertPhone(value, 'input.officerPhone'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.officerPhone' });
  });

  it('gives null for an optional number left out or blank, and checks the rest', () => {
    expect(assertOptionalPhone(null, 'input.contactPhone')).toBeNull();
    expect(assertOptionalPhone(' ', 'input.contactPhone')).toBeNull();
    expect(assertOptionalPhone('0931-8123456', 'input.contactPhone')).toBe('0931-8123456');
    expect(refusal(() => assertOptionalPhone('abc', 'input.contactPhone'))?.argument).toBe('input.contactPhone');
  });
});

describe('resident identity card numbers', () => {
  it.each([
    ['620102199001011234', '620102199001011234'],
    ['62010219850202123X', '62010219850202123X'],
    ['62010219850202123x', '62010219850202123X'],
    [' 620102199001011234\n', '620102199001011234'],
  ])('accepts %j as %j', (value, kept) => {
    expect(assertIdCardNumber(value, 'input.idNumber')).toBe(kept);
  });

  it.each(['', '62010219900101123', '6201021990010112345', '62010219900101123Y', 'X20102199001011234', '62010219900101123 4', '６２０１０２１９９００１０１１２３４'])(
    'refuses %j, naming the argument',
    (value) => {
      expect(refusal(() => assertIdCardNumber(value, 'input.idNumber'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.idNumber' });
    },
  );
});
