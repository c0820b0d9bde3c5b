//! Charts as SVG drawn on the server with plotters, so that they print, export and need no
//! script: horizontal bars for a ranking, columns for a series over time, lines to compare
//! several series over the same periods.

use plotters::prelude::*;

const BAR: RGBColor = RGBColor(0, 85, 140);
const INK: RGBColor = RGBColor(29, 39, 51);
const FONT: &str = "sans-serif";

/// A chart that could not be drawn: the page shows the table alone.
#[derive(Debug)]
pub struct ChartError(pub String);

fn err(e: impl std::fmt::Display) -> ChartError {
    ChartError(e.to_string())
}

/// Horizontal bars, largest first as given: `(label, value)`. `format` writes a value.
pub fn bars(rows: &[(String, f64)], format: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    let height = 40 + 26 * rows.len().max(1) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let max = rows.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max).max(1.0);
        let label_width = 230;
        let (labels, plot) = root.split_horizontally(label_width);
        let plot = plot.margin(10, 10, 0, 60);
        for (i, (label, value)) in rows.iter().enumerate() {
            let y = 20 + 26 * i as i32;
            let text: String = label.chars().take(34).collect();
            labels.draw(&Text::new(text, (8, y + 4), (FONT, 13).into_font().color(&INK))).map_err(err)?;
            let (w, _) = plot.dim_in_pixel();
            let length = ((*value / max) * f64::from(w.saturating_sub(10))) as i32;
            plot.draw(&Rectangle::new([(0, y), (length.max(1), y + 18)], BAR.filled())).map_err(err)?;
            plot.draw(&Text::new(format(*value), (length + 6, y + 4), (FONT, 12).into_font().color(&INK)))
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Columns over time: `(period, value)` in order.
pub fn columns(points: &[(String, f64)], format: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 280)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let max = points.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max).max(1.0) * 1.1;
        let n = points.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(34)
            .y_label_area_size(56)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..max)
            .map_err(err)?;
        let labels: Vec<String> = points.iter().map(|(p, _)| p.clone()).collect();
        let step = (n / 12).max(1);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(RGBColor(235, 239, 244))
            .x_labels(n.min(12))
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) if i % step == 0 => labels.get(*i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|y| format(*y))
            .label_style((FONT, 11))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(
                Histogram::vertical(&chart)
                    .style(BAR.filled())
                    .margin(2)
                    .data(points.iter().enumerate().map(|(i, (_, v))| (i, *v))),
            )
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Colours of compared series, distinct for readers with the common colour-vision deficiencies
/// (Okabe and Ito's palette).
const SERIES: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

/// One line per series over the same `periods`, with a legend: `(name, one value per period)`.
pub fn lines(
    periods: &[String],
    series: &[(String, Vec<f64>)],
    format: &dyn Fn(f64) -> String,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let max = series.iter().flat_map(|(_, v)| v.iter().copied()).fold(0.0_f64, f64::max).max(1.0) * 1.15;
        let n = periods.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(34)
            .y_label_area_size(56)
            .build_cartesian_2d(0..n.saturating_sub(1).max(1), 0.0..max)
            .map_err(err)?;
        let step = (n / 12).max(1);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(RGBColor(235, 239, 244))
            .x_labels(n.min(12))
            .x_label_formatter(&|i| {
                if i % step == 0 { periods.get(*i).cloned().unwrap_or_default() } else { String::new() }
            })
            .y_label_formatter(&|y| format(*y))
            .label_style((FONT, 11))
            .draw()
            .map_err(err)?;
        for (k, (name, values)) in series.iter().enumerate() {
            let colour = SERIES[k % SERIES.len()];
            let points: Vec<(usize, f64)> = values.iter().copied().enumerate().collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))
                .map_err(err)?
                .label(name.chars().take(40).collect::<String>())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(3)));
            chart.draw_series(points.into_iter().map(|p| Circle::new(p, 3, colour.filled()))).map_err(err)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(200, 206, 214))
            .label_font((FONT, 11))
            .draw()
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_svg_with_their_labels() -> Result<(), ChartError> {
        let rows =
            vec![("Cocaine".to_owned(), 12.0), ("Кокаин".to_owned(), 3.0), ("كوكايين".to_owned(), 1.0)];
        let svg = bars(&rows, &|v| format!("{v:.0}"))?;
        assert!(
            svg.starts_with("<svg")
                && svg.contains("Cocaine")
                && svg.contains("Кокаин")
                && svg.contains("كوكايين")
        );
        let points: Vec<(String, f64)> = (1..=24).map(|m| (format!("2025-{m:02}"), f64::from(m))).collect();
        let svg = columns(&points, &|v| format!("{v:.0}"))?;
        assert!(svg.contains("<rect") && svg.contains("2025-01"));
        assert!(bars(&[], &|v| v.to_string())?.starts_with("<svg"), "an empty ranking is still a chart");
        let one = columns(&[("2026".to_owned(), 3.0)], &|v| format!("{v:.0}"))?;
        assert!(one.contains("2026"), "a single period is drawn");
        let periods = vec!["2024".to_owned(), "2025".to_owned(), "2026".to_owned()];
        let compared =
            vec![("Europe".to_owned(), vec![3.0, 5.0, 8.0]), ("Asie".to_owned(), vec![1.0, 0.0, 2.0])];
        let svg = lines(&periods, &compared, &|v| format!("{v:.0}"))?;
        assert!(svg.contains("Europe") && svg.contains("Asie") && svg.contains("2025"), "{svg}");
        assert!(
            lines(&[], &[], &|v| v.to_string())?.starts_with("<svg"),
            "nothing to compare is still a chart"
        );
        Ok(())
    }
}
