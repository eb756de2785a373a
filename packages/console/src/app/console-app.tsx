import './console.css';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ConsoleCommunityDocument,
  ConsoleRegionDocument,
  IndicatorCatalogueDocument,
  IndicatorTableDocument,
  IndicatorTrendDocument,
  type ConsoleCommunityQuery,
  type ConsoleRegionQuery,
  type IndicatorCatalogueQuery,
  type IndicatorId,
  type IndicatorTableInput,
  type IndicatorTableQuery,
  type IndicatorTrendQuery,
  type TableLevel,
  type TrendGranularity,
} from '@shequ/client';
import { TrendChart } from './charts';
import { ask, consoleConfig, developmentToken, downloadExport, heldToken, holdToken, type ConsoleConfig } from './graph';
import { finishOidcSignIn, startOidcSignIn } from './oidc';
import { translate, type Language, type Word } from './i18n';

type Catalogue = IndicatorCatalogueQuery;

/** The page the hash names: #/region/620100, #/trends, #/table. */
function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return parts.length ? parts : ['region', '620000'];
}

/** Runs a load when its inputs change; says loading and errors. */
function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, inputs);
  return state;
}

/** A figure for reading: small rates to three significant digits, others to `digits` decimals. */
function format(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) {
    return '—';
  }
  const number = Number(value);
  return Math.abs(number) < 1 && number !== 0 ? number.toLocaleString(undefined, { maximumSignificantDigits: 3 }) : number.toLocaleString(undefined, { maximumFractionDigits: digits });
}

function App() {
  const [language, setLanguage] = useState<Language>('zh');
  const [token, setToken] = useState(heldToken());
  const t = (word: Word) => translate(language, word);
  const route = useRoute();
  const catalogue = useLoad(() => ask(IndicatorCatalogueDocument, {}), [token]);
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  const signIn = (value: string) => {
    holdToken(value);
    setToken(value);
  };
  useEffect(() => {
    void consoleConfig().then(async (loaded) => {
      setConfig(loaded);
      // Back from the sign-in provider: take the token it gave.
      if (loaded.oidc) {
        const returned = await finishOidcSignIn(loaded.oidc).catch((error: unknown) => (setSignInError(String(error)), null));
        if (returned) {
          signIn(returned);
        }
      }
    });
  }, []);
  const signOut = () => {
    holdToken(null);
    setToken(null);
  };
  return (
    <div className="console" lang={language === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h1>{t('title')}</h1>
        <nav>
          <a href="#/region/620000">{t('regions')}</a>
          <a href="#/trends">{t('trends')}</a>
          <a href="#/table">{t('table')}</a>
        </nav>
        <span className="who">{token ? t('signedInAs') : t('anonymous')}</span>
        {token ? <button onClick={signOut}>{t('signOut')}</button> : null}
        <button className="language" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </button>
      </header>
      {token ? null : <SignIn t={t} config={config} onToken={signIn} error={signInError} />}
      <main>
        {route[0] === 'trends' ? (
          <Trends t={t} language={language} catalogue={catalogue.data} />
        ) : route[0] === 'table' ? (
          <Table t={t} language={language} catalogue={catalogue.data} />
        ) : route[0] === 'community' ? (
          <CommunityPage t={t} language={language} code={route[1] ?? ''} token={token} catalogue={catalogue.data} />
        ) : (
          <RegionPage t={t} language={language} code={route[1] ?? '620000'} token={token} catalogue={catalogue.data} />
        )}
      </main>
    </div>
  );
}

type T = (word: Word) => string;

function SignIn({ t, config, onToken, error: given }: { t: T; config: ConsoleConfig | null; onToken: (token: string) => void; error: string | null }) {
  const [pasted, setPasted] = useState('');
  const [role, setRole] = useState('analyst');
  const [jurisdiction, setJurisdiction] = useState('620000');
  const [error, setError] = useState<string | null>(null);
  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    if (pasted.trim()) {
      onToken(pasted.trim().replace(/^Bearer\s+/i, ''));
    }
  };
  const useDevelopment = (event: FormEvent) => {
    event.preventDefault();
    developmentToken(role, jurisdiction).then(onToken, (failure: unknown) => setError(String(failure)));
  };
  return (
    <section className="sign-in">
      <form onSubmit={usePasted}>
        <label>
          {t('token')} <input name="token" value={pasted} placeholder={t('pasteToken')} onChange={(event) => setPasted(event.target.value)} />
        </label>
        <button type="submit">{t('signIn')}</button>
      </form>
      {config?.oidc ? (
        <button type="button" name="oidc-sign-in" onClick={() => void startOidcSignIn(config.oidc as NonNullable<ConsoleConfig['oidc']>).catch((failure: unknown) => setError(String(failure)))}>
          {t('signInWithProvider')}
        </button>
      ) : null}
      {config?.development ? (
        <form onSubmit={useDevelopment}>
          <span>{t('developmentToken')}:</span>
          <label>
            {t('role')}{' '}
            <select name="role" value={role} onChange={(event) => setRole(event.target.value)}>
              {['analyst', 'admin', 'department_staff', 'community_worker', 'resident'].map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
          <label>
            {t('jurisdiction')} <input name="jurisdiction" value={jurisdiction} onChange={(event) => setJurisdiction(event.target.value)} size={12} />
          </label>
          <button type="submit" name="development-sign-in">
            {t('signIn')}
          </button>
        </form>
      ) : null}
      {error || given ? <span className="error">{error ?? given}</span> : null}
    </section>
  );
}

function Loading({ state, t, children }: { state: { error: string | null; loading: boolean }; t: T; children: ReactNode }) {
  if (state.error) {
    return (
      <p className="error">
        {t('error')}: {state.error}
      </p>
    );
  }
  return state.loading ? <p className="loading">{t('loading')}</p> : <>{children}</>;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <span className="label">{label}</span>
      <span className="value">{value}</span>
    </div>
  );
}

/** An enum value's name in the chosen language (`enumLabels`), e.g. SERVICE_COVERAGE → 服务覆盖. */
function enumName(catalogue: Catalogue | null, value: string, language: Language): string {
  const label = catalogue?.enumLabels.find((entry) => entry.value === value);
  return label ? (language === 'zh' ? label.labelZh : label.labelEn) : value;
}

/** A page's name and code, the region above it, and a line about it. */
function Heading({ t, name, code, up, children }: { t: T; name: string; code: string; up: { code: string; name: string } | null | undefined; children: ReactNode }) {
  return (
    <>
      <h2>
        {name} <small>{code}</small>
      </h2>
      <p>
        {up ? (
          <>
            <a href={`#/region/${up.code}`}>
              ↑ {t('up')}: {up.name}
            </a>{' '}
            ·{' '}
          </>
        ) : null}
        {children}
      </p>
    </>
  );
}

function RegionPage({ t, language, code, token, catalogue }: { t: T; language: Language; code: string; token: string | null; catalogue: Catalogue | null }) {
  const state = useLoad(() => ask(ConsoleRegionDocument, { code }), [code, token]);
  const region: ConsoleRegionQuery['region'] = state.data?.region ?? null;
  return (
    <Loading state={state} t={t}>
      {region ? (
        <section className="region" data-code={region.code}>
          <Heading t={t} name={region.name} code={region.code} up={region.parent}>
            {t('population')} {format(region.population, 0)}
          </Heading>
          <KeyFigures t={t} language={language} catalogue={catalogue} figures={region} />
          <h3>{region.children.length ? t('below') : t('communities')}</h3>
          <ul className="children">
            {region.children.map((child) => (
              <li key={child.code}>
                <a href={`#/region/${child.code}`}>{child.name}</a> <small>{child.code}</small> · {format(child.population, 0)}
              </li>
            ))}
            {region.children.length
              ? null
              : region.communities.edges.map(({ node }) => (
                  <li key={node.code}>
                    <a href={`#/community/${node.code}`}>{node.name}</a> <small>{node.code}</small> · {enumName(catalogue, node.tier, language)}
                  </li>
                ))}
          </ul>
        </section>
      ) : null}
    </Loading>
  );
}

type Figures = Pick<NonNullable<ConsoleRegionQuery['region']>, 'serviceStats' | 'volunteerStats' | 'safetyStats' | 'assessment'>;

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);

/** Every department's key figures and the assessment with its components: a region's or a community's. */
function KeyFigures({ t, language, catalogue, figures }: { t: T; language: Language; catalogue: Catalogue | null; figures: Figures }) {
  return (
    <>
      <h3>{t('keyFigures')}</h3>
      <div className="figures">
        <Figure label={t('welfarePer1000')} value={format(figures.serviceStats?.welfareFacilitiesPer1000Residents, 3)} />
        <Figure label={t('resolved15')} value={percent(figures.serviceStats?.resolvedWithin15DaysRate)} />
        <Figure label={t('volunteersPer100')} value={format(figures.volunteerStats?.registeredVolunteersPer100Residents, 3)} />
        <Figure label={t('incidentsPer1000')} value={format(figures.safetyStats?.incidentsPer1000Residents, 3)} />
        <Figure label={t('liaisonCoverage')} value={percent(figures.safetyStats?.policeLiaisonCoverage)} />
      </div>
      <h3>{t('assessment')}</h3>
      <div className="figures">
        <Figure label={t('score')} value={format(figures.assessment?.score, 1)} />
        {(figures.assessment?.components ?? []).map((component) => (
          <Figure key={component.name} label={enumName(catalogue, component.name, language)} value={format(component.score, 1)} />
        ))}
      </div>
      {figures.assessment?.missingComponents.length ? (
        <p>
          {t('missing')}: {figures.assessment.missingComponents.map((name) => enumName(catalogue, name, language)).join(', ')}
        </p>
      ) : null}
    </>
  );
}

function CommunityPage({ t, language, code, token, catalogue }: { t: T; language: Language; code: string; token: string | null; catalogue: Catalogue | null }) {
  const state = useLoad(() => ask(ConsoleCommunityDocument, { code }), [code, token]);
  const community: ConsoleCommunityQuery['community'] = state.data?.community ?? null;
  return (
    <Loading state={state} t={t}>
      {community ? (
        <section className="community" data-code={community.code}>
          <Heading t={t} name={community.name} code={community.code} up={community.region}>
            {enumName(catalogue, community.tier, language)} · {t('population')} {format(community.population, 0)}
          </Heading>
          <KeyFigures t={t} language={language} catalogue={catalogue} figures={community} />
        </section>
      ) : null}
    </Loading>
  );
}

const TREND_INDICATORS: IndicatorId[] = ['REQUESTS_SUBMITTED', 'REQUESTS_RESOLVED', 'INCIDENTS', 'CONFIRMED_HOURS'];

function labelOf(catalogue: Catalogue | null, id: string, language: Language): string {
  const indicator = catalogue?.indicators.find((candidate) => candidate.id === id);
  return indicator ? (language === 'zh' ? indicator.labelZh : indicator.labelEn) : id;
}

function Trends({ t, language, catalogue }: { t: T; language: Language; catalogue: Catalogue | null }) {
  const [indicator, setIndicator] = useState<IndicatorId>('REQUESTS_SUBMITTED');
  const [regions, setRegions] = useState('620100,620200');
  const [granularity, setGranularity] = useState<TrendGranularity>('MONTH');
  const codes = useMemo(() => regions.split(',').map((code) => code.trim()).filter(Boolean), [regions]);
  const state = useLoad(() => ask(IndicatorTrendDocument, { indicator, regionCodes: codes, granularity }), [indicator, codes.join(','), granularity]);
  const trend: IndicatorTrendQuery['indicatorTrend'] | null = state.data?.indicatorTrend ?? null;
  const choices = catalogue?.indicators.filter((item) => !item.restricted).map((item) => item.id) ?? TREND_INDICATORS;
  return (
    <section className="trends">
      <form onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('indicator')}{' '}
          <select name="indicator" value={indicator} onChange={(event) => setIndicator(event.target.value as IndicatorId)}>
            {choices.map((id) => (
              <option key={id} value={id}>
                {labelOf(catalogue, id, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('region')} <input name="regions" value={regions} onChange={(event) => setRegions(event.target.value)} />
        </label>
        <label>
          {t('granularity')}{' '}
          <select name="granularity" value={granularity} onChange={(event) => setGranularity(event.target.value as TrendGranularity)}>
            <option value="MONTH">{t('month')}</option>
            <option value="QUARTER">{t('quarter')}</option>
            <option value="YEAR">{t('year')}</option>
          </select>
        </label>
      </form>
      <Loading state={state} t={t}>
        {trend ? (
          <>
            <h2>{language === 'zh' ? trend.indicator.labelZh : trend.indicator.labelEn}</h2>
            <TrendChart
              unit={language === 'zh' ? trend.indicator.unitZh : trend.indicator.unit}
              series={trend.series.map((series) => ({ name: series.name, points: series.points.map((point) => ({ label: point.period.label, value: point.value ?? null })) }))}
            />
            <p className="as-of">
              {t('asOf')} {trend.asOf ? new Date(String(trend.asOf)).toLocaleString() : '—'}
            </p>
          </>
        ) : null}
      </Loading>
    </section>
  );
}

const LEVELS: TableLevel[] = ['PROVINCE', 'PREFECTURE', 'COUNTY', 'STREET', 'COMMUNITY'];

function Table({ t, language, catalogue }: { t: T; language: Language; catalogue: Catalogue | null }) {
  const [level, setLevel] = useState<TableLevel>('PREFECTURE');
  const [within, setWithin] = useState('620000');
  const [columns, setColumns] = useState<IndicatorId[]>(['INCIDENTS_PER_1000_RESIDENTS', 'RESOLVED_WITHIN_15_DAYS_RATE', 'ASSESSMENT_SCORE']);
  const [sort, setSort] = useState<{ indicator: IndicatorId; order: 'ASC' | 'DESC' }>({ indicator: 'ASSESSMENT_SCORE', order: 'DESC' });
  const [condition, setCondition] = useState<{ indicator: IndicatorId; operator: 'gt' | 'lt'; value: string }>({ indicator: 'INCIDENTS_PER_1000_RESIDENTS', operator: 'gt', value: '' });
  const where = condition.value.trim() !== '' && Number.isFinite(Number(condition.value)) ? [{ indicator: condition.indicator, [condition.operator]: Number(condition.value) }] : [];
  const input: IndicatorTableInput = { level, within: [within], indicators: columns, sort, where };
  const state = useLoad(() => ask(IndicatorTableDocument, { input, first: 100 }), [JSON.stringify(input)]);
  const table: IndicatorTableQuery['indicatorTable'] | null = state.data?.indicatorTable ?? null;
  const levelName = (value: string) => enumName(catalogue, value, language);
  const sortBy = (indicator: IndicatorId) => setSort({ indicator, order: sort.indicator === indicator && sort.order === 'DESC' ? 'ASC' : 'DESC' });
  const choices = catalogue?.indicators.filter((item) => !item.restricted).map((item) => item.id as IndicatorId) ?? columns;
  return (
    <section className="table">
      <form onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('level')}{' '}
          <select name="level" value={level} onChange={(event) => setLevel(event.target.value as TableLevel)}>
            {LEVELS.map((value) => (
              <option key={value} value={value}>
                {levelName(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('within')} <input name="within" value={within} onChange={(event) => setWithin(event.target.value)} size={12} />
        </label>
        <label>
          {t('columns')}{' '}
          <select name="columns" multiple value={columns} onChange={(event) => setColumns([...event.target.selectedOptions].map((option) => option.value as IndicatorId))}>
            {choices.map((id) => (
              <option key={id} value={id}>
                {labelOf(catalogue, id, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter')}{' '}
          <select name="where-indicator" value={condition.indicator} onChange={(event) => setCondition({ ...condition, indicator: event.target.value as IndicatorId })}>
            {choices.map((id) => (
              <option key={id} value={id}>
                {labelOf(catalogue, id, language)}
              </option>
            ))}
          </select>
          <select name="where-operator" value={condition.operator} onChange={(event) => setCondition({ ...condition, operator: event.target.value as 'gt' | 'lt' })}>
            <option value="gt">&gt;</option>
            <option value="lt">&lt;</option>
          </select>
          <input name="where-value" value={condition.value} size={6} onChange={(event) => setCondition({ ...condition, value: event.target.value })} />
        </label>
        <button type="button" name="csv" onClick={() => void downloadExport('csv', language, input)}>
          {t('download')} CSV
        </button>
        <button type="button" name="xlsx" onClick={() => void downloadExport('xlsx', language, input)}>
          {t('download')} XLSX
        </button>
      </form>
      <Loading state={state} t={t}>
        {table ? (
          <>
            <p>
              {t('period')} {table.period.label} · {t('total')} {table.totalCount} · {t('asOf')} {table.asOf ? new Date(String(table.asOf)).toLocaleString() : '—'}
            </p>
            <table>
              <thead>
                <tr>
                  <th>{t('rank')}</th>
                  <th>{t('code')}</th>
                  <th>{t('name')}</th>
                  {table.columns.map((column) => (
                    <th key={column.id} onClick={() => sortBy(column.id as IndicatorId)} className={sort.indicator === column.id ? `sorted ${sort.order}` : undefined}>
                      {language === 'zh' ? column.labelZh : column.labelEn}
                      <small> ({language === 'zh' ? column.unitZh : column.unit})</small>
                      {sort.indicator === column.id ? (sort.order === 'DESC' ? ' ▼' : ' ▲') : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.edges.map(({ node }) => (
                  <tr key={node.code}>
                    <td>{node.rank}</td>
                    <td>
                      <a href={`#/region/${node.code}`}>{node.code}</a>
                    </td>
                    <td>{node.name}</td>
                    {node.values.map((cell, index) => (
                      <td key={index} className="number">
                        {format(cell.value, 3)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </Loading>
    </section>
  );
}

createRoot(document.getElementById('console') as HTMLElement).render(<App />);
