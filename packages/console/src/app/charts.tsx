import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the console draws, so the bundle carries no more of ECharts than it uses.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  points: { label: string; value: number | null }[];
}

/** A line per series over the same periods. */
export function TrendChart({ series, unit }: { series: Series[]; unit: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    const chart = echarts.init(element.current);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: series[0]?.points.map((point) => point.label) ?? [] },
      yAxis: { type: 'value', name: unit },
      series: series.map((one) => ({ name: one.name, type: 'line', data: one.points.map((point) => point.value) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series, unit]);
  return <div ref={element} className="chart" data-testid="trend-chart" />;
}
