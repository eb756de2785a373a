import { assertId } from '../codes/ids';
import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking personal data', () => {
  it.each([
    [maskName('张三'), '张*'],
    [maskName('欧阳娜娜'), '欧***'],
    [maskName('李'), '*'],
    [maskPhone('13812345678'), '138****5678'],
    [maskPhone('12345'), '*****'],
    [maskIdNumber('620102199001011234'), '6201**********1234'],
  ])('%s', (masked, expected) => {
    expect(masked).toBe(expected);
  });
});

describe('assertId', () => {
  it('takes a UUID and refuses anything else as BAD_USER_INPUT naming the argument', () => {
    expect(assertId('00000000-0000-4000-8000-000000000001', 'id')).toBe('00000000-0000-4000-8000-000000000001');
    expect(() => assertId("1' OR '1'='1", 'input.id')).toThrow(/^input\.id: .* is not an id returned by the graph$/);
  });
});
