import { translate } from './i18n';

describe('the console’s words', () => {
  it('are Chinese by default and English on the switch, for the title and the sign-in', () => {
    expect(translate('zh', 'title')).toBe('社区治理数据平台');
    expect(translate('en', 'title')).toBe('Shequ console');
    expect(translate('zh', 'signIn')).toBe('登录');
    expect(translate('en', 'signIn')).toBe('Sign in');
  });

  it('offer the other language on the switch', () => {
    expect(translate('zh', 'language')).toBe('English');
    expect(translate('en', 'language')).toBe('中文');
  });
});
