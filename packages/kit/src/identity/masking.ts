/*
 * Personal data as callers without the right to it read it: enough left to
 * tell rows apart in a list, nothing that identifies the person.
 */

/** "张三" → "张*", "欧阳娜娜" → "欧***"; a one-character name is hidden whole. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? '*' : characters[0] + '*'.repeat(characters.length - 1);
}

/** "13812345678" → "138****5678". */
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** "620102199001011234" → "6201**********1234": region and check digits stay, the birth date goes. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length < 9 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}
