//! Writing a bench run: `results.json` (everything), `results.md` (the table README quotes) and
//! two SVG charts drawn with plotters: each target's margin, and the save-to-visible latencies.

use std::path::Path;

use plotters::prelude::*;

use super::{Figure, Results};

fn value(f: &Figure) -> String {
    match f.unit.as_str() {
        "ratio" => format!("{:.2}", f.value),
        "ms" => format!("{:.1} ms", f.value),
        "s" => format!("{:.1} s", f.value),
        "MB" => format!("{:.1} MB", f.value),
        unit => format!("{:.0} {unit}", f.value),
    }
}

fn target(f: &Figure) -> String {
    match f.goal {
        Some(super::Goal::AtLeast(t)) => format!("≥ {}", trim(t)),
        Some(super::Goal::AtMost(t)) => format!("≤ {}", trim(t)),
        None => String::new(),
    }
}

fn trim(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}") }
}

/// The markdown table of a run.
pub fn markdown(r: &Results) -> String {
    let mut out = format!(
        "Run of {} ({} mode, {} cores, {:.0} s, node binary `{}`):\n\n| figure | value | target | met | detail |\n| --- | --- | --- | --- | --- |\n",
        r.started_at,
        if r.quick { "quick" } else { "full" },
        r.cores,
        r.seconds,
        r.node_binary
    );
    for f in &r.figures {
        let met = match f.met() {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        out.push_str(&format!("| {} | {} | {} | {met} | {} |\n", f.what, value(f), target(f), f.detail));
    }
    for n in &r.not_measured {
        out.push_str(&format!("\nNot measured: {n}.\n"));
    }
    out.push_str("\nCharts: `targets.svg` (each target's margin), `latency.svg` (save-to-visible).\n");
    out
}

fn chart_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("cannot draw the chart: {e}")
}

/// Bars of value ÷ target (or target ÷ value for "at most"), log scale: right of 1 is met.
fn targets_chart(path: &Path, r: &Results) -> anyhow::Result<()> {
    let rows: Vec<(&Figure, f64)> = r.figures.iter().filter_map(|f| f.margin().map(|m| (f, m))).collect();
    let root = SVGBackend::new(path, (1000, 80 + 44 * rows.len().max(1) as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(chart_error)?;
    let hi = rows.iter().map(|(_, m)| *m).fold(2.0, f64::max) * 1.5;
    let lo = rows.iter().map(|(_, m)| *m).fold(0.5, f64::min) / 1.5;
    let n = rows.len().max(1);
    let mut chart = ChartBuilder::on(&root)
        .caption("Margin over each DESIGN.md target (log scale; right of 1 = met)", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(420)
        .build_cartesian_2d((lo..hi).log_scale(), (0..n).into_segmented())
        .map_err(chart_error)?;
    let labels: Vec<String> = rows.iter().map(|(f, _)| f.what.chars().take(64).collect()).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .x_desc("margin")
        .draw()
        .map_err(chart_error)?;
    chart
        .draw_series(rows.iter().enumerate().map(|(i, (_, m))| {
            let colour = if *m >= 1.0 { RGBColor(46, 125, 50) } else { RGBColor(198, 40, 40) };
            Rectangle::new(
                [(lo, SegmentValue::Exact(i)), (*m, SegmentValue::Exact(i + 1))],
                colour.mix(0.8).filled(),
            )
        }))
        .map_err(chart_error)?;
    chart
        .draw_series(LineSeries::new(
            [(1.0, SegmentValue::Exact(0)), (1.0, SegmentValue::Exact(n))],
            BLACK.stroke_width(2),
        ))
        .map_err(chart_error)?;
    root.present().map_err(chart_error)
}

/// The cumulative distribution of save-to-visible latencies.
fn latency_chart(path: &Path, r: &Results) -> anyhow::Result<()> {
    let root = SVGBackend::new(path, (900, 420)).into_drawing_area();
    root.fill(&WHITE).map_err(chart_error)?;
    let max = r.latencies_ms.iter().copied().fold(1.0, f64::max) * 1.1;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "Save-to-visible latency: a seizure saved at one node until its peer shows it",
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..max, 0.0..100.0)
        .map_err(chart_error)?;
    chart.configure_mesh().x_desc("milliseconds").y_desc("% of samples").draw().map_err(chart_error)?;
    let n = r.latencies_ms.len().max(1) as f64;
    chart
        .draw_series(LineSeries::new(
            r.latencies_ms.iter().enumerate().map(|(i, ms)| (*ms, (i + 1) as f64 * 100.0 / n)),
            RGBColor(21, 101, 192).stroke_width(2),
        ))
        .map_err(chart_error)?;
    root.present().map_err(chart_error)
}

/// Writes the run's files to `out`.
pub fn write(out: &Path, r: &Results) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("results.json"), serde_json::to_vec_pretty(r)?)?;
    std::fs::write(out.join("results.md"), markdown(r))?;
    targets_chart(&out.join("targets.svg"), r)?;
    latency_chart(&out.join("latency.svg"), r)
}
