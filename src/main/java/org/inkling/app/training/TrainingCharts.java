package org.inkling.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One JFreeChart-FX line chart of a training metric: the smoothed per-batch training curve and the
 * per-epoch validation points. It mirrors two view-model lists; each change notifies the chart once.
 */
public final class TrainingCharts {
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final XYSeries training;
    private final XYSeries validation;

    private TrainingCharts(String title, String yLabel, boolean percent, ObservableList<ChartPoint> train,
            ObservableList<ChartPoint> val) {
        training = new XYSeries("training (smoothed)", false, true);
        validation = new XYSeries("validation", false, true);
        XYSeriesCollection trainingData = new XYSeriesCollection(training);
        XYSeriesCollection validationData = new XYSeriesCollection(validation);

        NumberAxis x = new NumberAxis("Epoch");
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(!percent);
        if (percent) {
            NumberFormat format = NumberFormat.getPercentInstance();
            format.setMaximumFractionDigits(1);
            y.setNumberFormatOverride(format);
        }
        // The per-batch curve grows to tens of thousands of points over a long run; the sampling
        // renderer draws only what differs within a pixel column, so a redraw stays cheap.
        SamplingXYLineRenderer trainingRenderer = new SamplingXYLineRenderer();
        trainingRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        XYLineAndShapeRenderer validationRenderer = new XYLineAndShapeRenderer(true, true);
        validationRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        validationRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(trainingData, x, y, trainingRenderer);
        plot.setDataset(1, validationData);
        plot.setRenderer(1, validationRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        viewer = new ChartViewer(chart);
        viewer.getStyleClass().add("training-chart");
        viewer.setMinSize(120, 120);

        mirror(train, training);
        mirror(val, validation);
        setDark(false);
    }

    /** Shows the whole run on the x axis (0 to {@code epochs}), or fits the data for 0. */
    public void setEpochs(int epochs) {
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        if (epochs > 0) {
            x.setRange(0, epochs);
        } else {
            x.setAutoRange(true);
        }
    }

    public static TrainingCharts loss(TrainingViewModel vm) {
        return follow(vm, new TrainingCharts("Loss", "Cross-entropy", false, vm.trainLoss(), vm.valLoss()));
    }

    public static TrainingCharts accuracy(TrainingViewModel vm) {
        return follow(vm, new TrainingCharts("Accuracy", "Accuracy", true, vm.trainAccuracy(), vm.valAccuracy()));
    }

    private static TrainingCharts follow(TrainingViewModel vm, TrainingCharts charts) {
        vm.plannedEpochsProperty().addListener((obs, old, epochs) -> charts.setEpochs(epochs.intValue()));
        charts.setEpochs(vm.plannedEpochsProperty().get());
        return charts;
    }

    private static void mirror(ObservableList<ChartPoint> source, XYSeries target) {
        source.forEach(p -> target.add(p.x(), p.y(), false));
        source.addListener((ListChangeListener<ChartPoint>) change -> {
            boolean cleared = false;
            while (change.next()) {
                if (change.wasRemoved() && source.isEmpty()) {
                    cleared = true;
                }
                if (change.wasAdded()) {
                    List<? extends ChartPoint> added = change.getAddedSubList();
                    for (ChartPoint p : added) {
                        target.add(p.x(), p.y(), false);
                    }
                }
            }
            if (cleared) {
                target.clear();
            } else {
                target.fireSeriesChanged();
            }
        });
    }

    private static LegendItem legendItem(String label, java.awt.Paint paint, boolean dot) {
        java.awt.Shape shape = new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8);
        java.awt.Shape line = new java.awt.geom.Line2D.Double(-9, 0, 9, 0);
        return new LegendItem(label, null, null, null, dot, shape, true, paint, false, paint,
                new BasicStroke(1f), true, line, new BasicStroke(2f), paint);
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public int trainingPoints() {
        return training.getItemCount();
    }

    public int validationPoints() {
        return validation.getItemCount();
    }

    /** Matches the chart's colours to the light or dark theme. */
    public void setDark(boolean dark) {
        Color background = dark ? new Color(0x0d1117) : Color.WHITE;
        Color text = dark ? new Color(0xc9d1d9) : new Color(0x1f2328);
        Color muted = dark ? new Color(0x8b949e) : new Color(0x656d76);
        Color grid = dark ? new Color(0x30363d) : new Color(0xe6e8eb);
        chart.setBackgroundPaint(background);
        TextTitle title = chart.getTitle();
        title.setPaint(text);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setLabelPaint(muted);
            axis.setTickLabelPaint(muted);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        plot.getRenderer(0).setSeriesPaint(0, dark ? new Color(0x58a6ff) : new Color(0x0969da));
        plot.getRenderer(1).setSeriesPaint(0, dark ? new Color(0xf0883e) : new Color(0xcf222e));
        // Fixed legend items: the sampling renderer draws no line sample of its own.
        LegendItemCollection items = new LegendItemCollection();
        items.add(legendItem(training.getKey().toString(), plot.getRenderer(0).getSeriesPaint(0), false));
        items.add(legendItem(validation.getKey().toString(), plot.getRenderer(1).getSeriesPaint(0), true));
        plot.setFixedLegendItems(items);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(background);
        legend.setItemPaint(text);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
}
