package io.ravenwatch.bot.command.graph;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws time series as a PNG with XChart, without a display: AWT runs headless (set before any AWT
 * class loads; fonts come from the JDK's font configuration, e.g. DejaVu on Debian).
 */
final class ChartRenderer {
  static final int WIDTH = 800;
  static final int HEIGHT = 400;

  /** More lines than this make an unreadable chart; the rest are counted in the footer. */
  static final int MAX_LINES = 10;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartRenderer() {}

  static byte[] png(String title, String unit, List<SeriesQuery.Line> lines, Duration range) {
    XYChart chart =
        new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(unit).build();
    var styler = chart.getStyler();
    styler.setTimezone(TimeZone.getTimeZone("UTC"));
    styler.setDatePattern(range.compareTo(Duration.ofDays(1)) > 0 ? "MM-dd HH:mm" : "HH:mm");
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesVisible(true);
    styler.setAntiAlias(true);
    var names = new java.util.HashSet<String>();
    for (SeriesQuery.Line line : lines.stream().limit(MAX_LINES).toList()) {
      List<Date> x = line.times().stream().map(Date::from).toList();
      String name = line.name().isEmpty() ? "value" : line.name();
      while (!names.add(name)) {
        name = name + "'"; // XChart refuses two series of one name
      }
      XYSeries s = chart.addSeries(name, x, line.values());
      s.setMarker(SeriesMarkers.NONE);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart as PNG", e);
    }
  }
}
