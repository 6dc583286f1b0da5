import { Link } from 'react-router';

// Plain SVG charts: a line, bars and a donut are little code, and keep a chart library out of the bundle.

export interface Series {
  name: string;
  colour: string;
  values: number[];
}

/** Lines over labelled buckets, with a light grid and the maximum on the axis. */
export function LineChart({
  labels,
  series,
  height = 220,
  dark = false,
}: {
  labels: string[];
  series: Series[];
  height?: number;
  dark?: boolean;
}) {
  const width = 640;
  const pad = { l: 40, r: 12, t: 12, b: 24 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) =>
    pad.l + (labels.length <= 1 ? 0 : (i * (width - pad.l - pad.r)) / (labels.length - 1));
  const y = (v: number) => pad.t + (1 - v / max) * (height - pad.t - pad.b);
  const ink = dark ? '#9fb3c8' : '#8c8c8c';
  const step = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" data-testid="line-chart">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line
            x1={pad.l}
            x2={width - pad.r}
            y1={y(max * f)}
            y2={y(max * f)}
            stroke={dark ? '#1f3b57' : '#f0f0f0'}
          />
          <text x={pad.l - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill={ink}>
            {Math.round(max * f)}
          </text>
        </g>
      ))}
      {labels.map((l, i) =>
        i % step === 0 ? (
          <text key={l} x={x(i)} y={height - 6} textAnchor="middle" fontSize="11" fill={ink}>
            {l.slice(5)}
          </text>
        ) : null,
      )}
      {series.map((s) => (
        <g key={s.name}>
          <polyline
            fill="none"
            stroke={s.colour}
            strokeWidth="2"
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
          {s.values.length <= 31 &&
            s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r="2.5" fill={s.colour}>
                <title>{`${labels[i]} ${s.name}: ${v}`}</title>
              </circle>
            ))}
        </g>
      ))}
    </svg>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  to?: string;
}

/** Horizontal bars, each a link to the list behind it. */
export function BarList({
  bars,
  colour = '#1668dc',
  dark = false,
}: {
  bars: Bar[];
  colour?: string;
  dark?: boolean;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      {bars.map((b) => {
        const body = (
          <div
            style={{ display: 'grid', gridTemplateColumns: '7em 1fr 3.5em', alignItems: 'center', gap: 8 }}
          >
            <span
              style={{
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
                color: dark ? '#d6e4f0' : undefined,
              }}
            >
              {b.label}
            </span>
            <span style={{ background: dark ? '#12304d' : '#f0f5ff', borderRadius: 3, height: 12 }}>
              <span
                style={{
                  display: 'block',
                  width: `${(b.value / max) * 100}%`,
                  height: 12,
                  borderRadius: 3,
                  background: colour,
                }}
              />
            </span>
            <span
              style={{
                textAlign: 'right',
                fontVariantNumeric: 'tabular-nums',
                color: dark ? '#fff' : undefined,
              }}
            >
              {b.value}
            </span>
          </div>
        );
        return b.to ? (
          <Link key={b.key} to={b.to} data-testid={`bar-${b.key}`} style={{ color: 'inherit' }}>
            {body}
          </Link>
        ) : (
          <div key={b.key}>{body}</div>
        );
      })}
    </div>
  );
}

export interface Slice {
  key: string;
  label: string;
  value: number;
  colour: string;
  to?: string;
}

/** A donut with its legend; each legend entry links to the list behind it. */
export function Donut({
  slices,
  size = 150,
  dark = false,
}: {
  slices: Slice[];
  size?: number;
  dark?: boolean;
}) {
  const total = slices.reduce((a, s) => a + s.value, 0);
  const r = 52;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
      <svg viewBox="0 0 140 140" width={size} height={size} role="img">
        <circle cx="70" cy="70" r={r} fill="none" stroke={dark ? '#12304d' : '#f0f0f0'} strokeWidth="18" />
        {total > 0 &&
          slices.map((s) => {
            const len = (s.value / total) * c;
            const el = (
              <circle
                key={s.key}
                cx="70"
                cy="70"
                r={r}
                fill="none"
                stroke={s.colour}
                strokeWidth="18"
                strokeDasharray={`${len} ${c - len}`}
                strokeDashoffset={-offset}
                transform="rotate(-90 70 70)"
              />
            );
            offset += len;
            return el;
          })}
        <text
          x="70"
          y="76"
          textAnchor="middle"
          fontSize="20"
          fontWeight="600"
          fill={dark ? '#fff' : '#262626'}
        >
          {total}
        </text>
      </svg>
      <div style={{ display: 'grid', gap: 4 }}>
        {slices.map((s) => {
          const label = (
            <span style={{ color: dark ? '#d6e4f0' : undefined }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  background: s.colour,
                  marginRight: 6,
                  borderRadius: 2,
                }}
              />
              {s.label} {s.value}
            </span>
          );
          return s.to ? (
            <Link key={s.key} to={s.to} data-testid={`slice-${s.key}`}>
              {label}
            </Link>
          ) : (
            <span key={s.key}>{label}</span>
          );
        })}
      </div>
    </div>
  );
}
