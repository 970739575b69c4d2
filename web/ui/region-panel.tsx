import { useMemo, useRef } from 'preact/hooks';
import { regionProfileSchema, regionProfileUrl, type Indicator, type IndicatorProfile, type RegionProfile } from '../api/client.ts';
import { valueText } from '../format/region-value.ts';
import { targetGap, targetGapText } from '../format/target-gap.ts';
import { t } from '../i18n/i18n.ts';
import { groupIndicators, groupKeyOf, indicatorName } from '../state/indicator-groups.ts';
import { useFetch } from '../state/use-fetch.ts';
import { childLevelOf, drillDown, LEVELS, NATIONAL, viewToSearch, type Level, type View } from '../state/view.ts';
import { AksiStatus, aksiItems, aksiSummary } from './aksi-status.tsx';
import { Collapsible, startsOpen } from './collapsible.tsx';
import { DemoTag } from './demo-tag.tsx';
import { Sparkline } from './sparkline.tsx';
import { barUnit, TargetBar } from './target-bar.tsx';
import './panel.css';

/**
 * One region read at a glance: every indicator against its target, with its rank among its siblings,
 * the parent's value and a trend line, grouped as in the indicator picker; for a kabupaten/kota its
 * aksi konvergensi. It shows the region picked in the ranking table (`view.selected`), else the
 * region whose children are on the map. Indonesia itself has no profile (the server ranks regions
 * among siblings, and Indonesia has none): there the panel asks for a province to be picked.
 */
export function RegionPanel(props: {
  view: View;
  indicators: readonly Indicator[];
  period: string | null;
  /** The name of `view.region`, for "Kembali ke …". */
  regionName: string | null;
  onNavigate(next: View): void;
}) {
  const { view, period } = props;
  const kode = view.selected ?? (view.region === NATIONAL ? null : view.region);
  const profile = useFetch(kode !== null && period !== null ? regionProfileUrl(kode, period) : null, regionProfileSchema);
  const catalogue = useMemo(() => new Map(props.indicators.map((i) => [i.id, i])), [props.indicators]);
  // While the next region loads, the last one stays up (dimmed), so the table below does not jump.
  const last = useRef<RegionProfile | null>(null);
  if (profile.status === 'ok') last.current = profile.data;

  if (kode === null || period === null) {
    return <p class="panel-hint">{t('profile.pickProvince')}</p>;
  }
  const data = profile.status === 'ok' ? profile.data : profile.status === 'loading' ? last.current : null;
  if (data === null) {
    // Errors of this request are the panel's own: the map works without it.
    return (
      <section class="region-panel" aria-busy={profile.status === 'loading'}>
        <p class={profile.status === 'error' ? 'error' : 'panel-hint'} role={profile.status === 'error' ? 'alert' : undefined}>
          {profile.status === 'error' ? t('app.loadError', { message: profile.message }) : t('common.loading')}
        </p>
      </section>
    );
  }
  const level = LEVELS.find((l) => l === data.level) ?? null;
  const parentName = data.ancestors.at(-1)?.nama ?? null;
  const drill = view.selected !== null ? drillDown(view, view.selected) : null;
  const inside = childLevelOf(data.kode);
  const aksi = level === 'kabkota' ? aksiItems(data.indicators, catalogue) : [];
  const open = startsOpen();

  return (
    <section class={`region-panel${data.kode !== kode ? ' is-stale' : ''}`} aria-labelledby="region-panel-title" aria-busy={profile.status === 'loading'}>
      <div class="region-panel-head">
        <h2 id="region-panel-title" class="region-panel-title">
          {data.nama}
        </h2>
        {level && (
          <p class="region-panel-sub">
            {parentName ? t('profile.levelIn', { level: t(`level.${level}.one`), parent: parentName }) : t(`level.${level}.one`)}
          </p>
        )}
        {view.selected !== null && (
          <p class="region-panel-actions">
            <button type="button" class="link-button" onClick={() => props.onNavigate({ ...view, selected: null })}>
              {t('profile.clearSelection', { name: props.regionName ?? (view.region === NATIONAL ? 'Indonesia' : view.region) })}
            </button>
            {drill && inside && (
              <a
                href={viewToSearch(drill)}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  props.onNavigate(drill);
                }}
              >
                {t('profile.drillIn', { level: t(`level.${inside}.many`), name: data.nama })}
              </a>
            )}
          </p>
        )}
      </div>
      {level === 'kabkota' && (
        <Collapsible level={3} title={t('aksi.title', { period: data.period })} summary={aksi.length > 0 ? aksiSummary(aksi) : undefined} open={open}>
          <AksiStatus items={aksi} profile={data.indicators} catalogue={catalogue} period={data.period} />
        </Collapsible>
      )}
      <Collapsible level={3} title={t('profile.indicators', { period: data.period })} open={open}>
        <IndicatorGroups profile={data} catalogue={catalogue} current={view.indicator} level={level} parentName={parentName} />
      </Collapsible>
    </section>
  );
}

function IndicatorGroups(props: {
  profile: RegionProfile;
  catalogue: ReadonlyMap<string, Indicator>;
  current: string;
  level: Level | null;
  parentName: string | null;
}) {
  const byId = new Map(props.profile.indicators.map((p) => [p.id, p]));
  // The aksi statuses have their own list above; a kabupaten/kota's is a status, a province's a roll-up.
  const listed = [...props.catalogue.values()].filter((i) => byId.has(i.id) && i.kelompok !== 'aksi');
  const currentIndicator = props.catalogue.get(props.current);
  const currentGroup = currentIndicator ? groupKeyOf(currentIndicator) : null;
  return (
    <div class="profile-groups">
      {groupIndicators(listed).map((group) => (
        <Collapsible key={`${group.key}|${currentGroup}`} level={3} class="profile-group" title={group.label} summary={String(group.indicators.length)} open={group.key === currentGroup}>
          <ul class="profile-list">
            {group.indicators.map((indicator) => {
              const p = byId.get(indicator.id);
              return (
                p && (
                  <ProfileRow
                    key={indicator.id}
                    p={p}
                    indicator={indicator}
                    current={indicator.id === props.current}
                    period={props.profile.period}
                    level={props.level}
                    parentName={props.parentName}
                  />
                )
              );
            })}
          </ul>
        </Collapsible>
      ))}
    </div>
  );
}

/** "Tren 2021–2024: 26,6% → 32,7% → – → 37,0%". */
function trendLabel(p: IndicatorProfile, indicator: Indicator): string {
  const first = p.trend[0];
  const last = p.trend.at(-1);
  if (!first || !last || p.trend.every((x) => x.value === null)) return t('profile.noTrend');
  const values = p.trend.map((x) => (x.value === null ? '–' : valueText(x.value, indicator))).join(' → ');
  return t('profile.trend', { from: first.period, to: last.period, values });
}

function ProfileRow(props: {
  p: IndicatorProfile;
  indicator: Indicator;
  current: boolean;
  period: string;
  level: Level | null;
  parentName: string | null;
}) {
  const { p, indicator } = props;
  const numeric = indicator.categories === null;
  const gap = p.value !== null && numeric ? targetGap(p.value, p.target, indicator.direction) : null;
  const context = [
    p.rank !== null && props.level ? t('value.rank', { rank: p.rank, of: p.ranked_among, level: t(`level.${props.level}.many`) }) : null,
    p.value !== null && numeric ? targetGapText(p.value, p.target, indicator.direction, p.unit) : null,
    p.parent_value !== null && props.parentName ? t('value.parent', { name: props.parentName, value: valueText(p.parent_value, indicator) }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <li class={`profile-row${props.current ? ' is-current' : ''}`} aria-current={props.current ? 'true' : undefined}>
      <div class="profile-name">
        {indicatorName(indicator)}
        {props.current && <span class="visually-hidden"> ({t('profile.current')})</span>}
      </div>
      <div class="profile-figures">
        <span class="profile-value">{p.value === null ? t('common.noData') : valueText(p.value, indicator)}</span>
        {p.demo && <DemoTag />}
        {p.value !== null && numeric && barUnit(p.unit) && (
          <TargetBar value={p.value} target={p.target} parent={p.parent_value} met={gap ? gap.met : null} />
        )}
        {numeric && p.trend.length > 1 && <Sparkline trend={p.trend} current={props.period} target={p.target} label={trendLabel(p, indicator)} />}
      </div>
      {context.length > 0 && <div class="profile-context">{context.join(' · ')}</div>}
    </li>
  );
}
