import type { Viewer } from '../auth/viewer';
import { assertId } from '../codes/ids';
import { maskIdNumber, maskName, maskPhone, personalValue } from './masking';

describe('masking personal data', () => {
  it.each([
    [maskName('张三'), '张*'],
    [maskName('欧阳娜娜'), '欧***'],
    [maskName('李'), '*'],
    [maskPhone('13812345678'), '*******5678'],
    [maskPhone('87654321'), '****4321'],
    [maskPhone('0931-8123456'), '********3456'],
    [maskPhone('1234567'), '*******'],
    [maskPhone('12345'), '*****'],
    [maskIdNumber('620102199001011234'), '**************1234'],
    [maskIdNumber('62010219900101123X'), '**************123X'],
    [maskIdNumber('12345678'), '********'],
  ])('%s', (masked, expected) => {
    expect(masked).toBe(expected);
  });

  it.each(['13812345678', '87654321', '0931-8123456', '620102199001011234'])('shows at most four digits of %s', (value) => {
    const masked = value.length === 18 ? maskIdNumber(value) : maskPhone(value);
    expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
    expect(masked).toHaveLength(value.length);
  });
});

describe('personalValue', () => {
  const resident: Viewer = { sub: 'r', roles: ['resident'], jurisdiction: '620102001001', department: null };

  it('is plain when allowed, masked for a signed-in caller who is not, and null for an anonymous caller', () => {
    expect(personalValue('13812345678', 'phone', resident, true)).toBe('13812345678');
    expect(personalValue('13812345678', 'phone', resident, false)).toBe('*******5678');
    expect(personalValue('张三', 'name', resident, false)).toBe('张*');
    expect(personalValue('620102199001011234', 'idNumber', resident, false)).toBe('**************1234');
    expect(personalValue('13812345678', 'phone', null, false)).toBeNull();
    expect(personalValue('张三', 'name', null, false)).toBeNull();
    expect(personalValue(null, 'phone', resident, true)).toBeNull();
  });
});

describe('assertId', () => {
  it('takes a UUID and refuses anything else as BAD_USER_INPUT naming the argument', () => {
    expect(assertId('00000000-0000-4000-8000-000000000001', 'id')).toBe('00000000-0000-4000-8000-000000000001');
    expect(() => assertId("1' OR '1'='1", 'input.id')).toThrow(/^input\.id: .* is not an id returned by the graph$/);
  });
});
