package org.inkling.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.inkling.base.AtomicFiles;
import org.inkling.training.CurvePoint;
import org.inkling.training.EpochMetrics;
import org.inkling.training.RunRecord;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One JFreeChart-FX line chart of a training metric (loss or accuracy). The current run is drawn on
 * top from the view model's lists: its smoothed per-batch training curve (solid) and per-epoch
 * validation points (dashed, with dots). Under it, the earlier runs ticked in {@link TrainingRuns},
 * each in its own colour, from their decimated records. The loss axis can be logarithmic. A drag
 * zooms (JFreeChart's own); {@link #zoomedProperty()} says when the view is not the whole run, and
 * {@link #resetZoom()} (also a double-click) brings it back.
 */
public final class TrainingCharts {
    private static final Stroke CURRENT_LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke EARLIER_LINE = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke CURRENT_DASH = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f);
    private static final Stroke EARLIER_DASH = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {5f, 4f}, 0f);
    private static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);
    private static final Shape SMALL_DOT = new Ellipse2D.Double(-2.5, -2.5, 5, 5);

    /** Dataset indices; with REVERSE order the highest is drawn first, so the current run ends on top. */
    private static final int CURRENT_VALIDATION = 0, CURRENT_TRAINING = 1, EARLIER_VALIDATION = 2, EARLIER_TRAINING = 3;

    private final Metric metric;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final XYSeries training;
    private final XYSeries validation;
    private final XYSeriesCollection earlierTraining = new XYSeriesCollection();
    private final XYSeriesCollection earlierValidation = new XYSeriesCollection();
    /** Run numbers of the earlier series, in series order. */
    private final List<Integer> earlierNumbers = new ArrayList<>();
    private final NumberAxis linearAxis;
    private final LogAxis logAxis;
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper(this, "zoomed");
    private TrainingRuns runs;
    private int plannedEpochs;
    /** The x range shown when not zoomed: 0 to this many epochs, or fitted to the data for 0. */
    private int homeEpochs;
    private boolean dark;

    /** What a chart plots. */
    enum Metric {
        LOSS("Loss", "Cross-entropy"), ACCURACY("Accuracy", "Accuracy");

        final String title;
        final String axisLabel;

        Metric(String title, String axisLabel) {
            this.title = title;
            this.axisLabel = axisLabel;
        }
    }

    private TrainingCharts(Metric metric, ObservableList<ChartPoint> train, ObservableList<ChartPoint> val) {
        this(metric, train, val, true);
    }

    /** {@code onScreen} false: a chart drawn only into a picture, without a viewer. */
    private TrainingCharts(Metric metric, ObservableList<ChartPoint> train, ObservableList<ChartPoint> val,
            boolean onScreen) {
        this.metric = metric;
        training = new XYSeries("training (smoothed)", false, true);
        validation = new XYSeries("validation", false, true);

        NumberAxis x = new NumberAxis("Epoch");
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        linearAxis = new NumberAxis(metric.axisLabel);
        linearAxis.setAutoRangeIncludesZero(metric == Metric.LOSS);
        if (metric == Metric.ACCURACY) {
            NumberFormat format = NumberFormat.getPercentInstance();
            format.setMaximumFractionDigits(1);
            linearAxis.setNumberFormatOverride(format);
        }
        logAxis = new RoundLogAxis(metric.title + " (log)");
        logAxis.setSmallestValue(1e-4);

        XYPlot plot = new XYPlot(new XYSeriesCollection(validation), x, linearAxis, validationRenderer(true));
        // The per-batch curve grows to tens of thousands of points over a long run; the sampling
        // renderer draws only what differs within a pixel column, so a redraw stays cheap.
        SamplingXYLineRenderer currentTraining = new SamplingXYLineRenderer();
        currentTraining.setSeriesStroke(0, CURRENT_LINE);
        plot.setDataset(CURRENT_TRAINING, new XYSeriesCollection(training));
        plot.setRenderer(CURRENT_TRAINING, currentTraining);
        plot.setDataset(EARLIER_VALIDATION, earlierValidation);
        plot.setRenderer(EARLIER_VALIDATION, validationRenderer(false));
        plot.setDataset(EARLIER_TRAINING, earlierTraining);
        XYLineAndShapeRenderer earlier = new XYLineAndShapeRenderer(true, false);
        earlier.setDefaultStroke(EARLIER_LINE);
        earlier.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(EARLIER_TRAINING, earlier);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        chart = new JFreeChart(metric.title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        // Without the built-in context menu: its export writes files its own way; ours is atomic.
        viewer = onScreen ? new ChartViewer(chart, false) : null;
        if (viewer != null) {
            viewer.getStyleClass().add("training-chart");
            viewer.setMinSize(120, 120);
            // The wheel scrolls the Train tab, as everywhere else in it, rather than zooming the chart
            // under the pointer; a drag zooms.
            // (The scroll handler is one of the canvas's auxiliary handlers: removeMouseHandler misses it.)
            viewer.getCanvas().removeAuxiliaryMouseHandler(viewer.getCanvas().getMouseHandler("scroll"));
            viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    resetZoom();
                }
            });
        }
        x.addChangeListener(event -> updateZoomed());
        linearAxis.addChangeListener(event -> updateZoomed());
        logAxis.addChangeListener(event -> updateZoomed());

        mirror(train, training);
        mirror(val, validation);
        setDark(false);
    }

    /**
     * A log axis labelled at round values: 1, 2 and 5 times a power of ten (only the powers when the
     * range spans more than three decades), with a mark at each other multiple. JFreeChart's own
     * steps evenly in the exponent, which gives labels such as 0.316, or one label in a decade.
     */
    static final class RoundLogAxis extends LogAxis {
        private static final DecimalFormat FORMAT = new DecimalFormat("0.#####");

        RoundLogAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected List refreshTicksVertical(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                RectangleEdge edge) {
            return roundTicks(getRange(), edge == RectangleEdge.LEFT
                    ? org.jfree.chart.ui.TextAnchor.CENTER_RIGHT : org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
        }

        static List<org.jfree.chart.axis.ValueTick> roundTicks(Range range, org.jfree.chart.ui.TextAnchor anchor) {
            List<org.jfree.chart.axis.ValueTick> ticks = new ArrayList<>();
            double lo = range.getLowerBound();
            double hi = range.getUpperBound();
            if (!(lo > 0) || !(hi > lo)) {
                return ticks;
            }
            int first = (int) Math.floor(Math.log10(lo));
            int last = (int) Math.ceil(Math.log10(hi));
            boolean wide = last - first > 3;
            for (int e = first; e <= last && ticks.size() < 200; e++) {
                for (int m = 1; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v < lo || v > hi) {
                        continue;
                    }
                    boolean labelled = m == 1 || !wide && (m == 2 || m == 5);
                    ticks.add(new org.jfree.chart.axis.NumberTick(
                            labelled ? org.jfree.chart.axis.TickType.MAJOR : org.jfree.chart.axis.TickType.MINOR,
                            v, labelled ? FORMAT.format(v) : "", anchor, org.jfree.chart.ui.TextAnchor.CENTER, 0));
                }
            }
            return ticks;
        }
    }

    private static XYLineAndShapeRenderer validationRenderer(boolean current) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setAutoPopulateSeriesStroke(false);
        r.setAutoPopulateSeriesShape(false);
        r.setDefaultStroke(current ? CURRENT_DASH : EARLIER_DASH);
        r.setDefaultShape(current ? DOT : SMALL_DOT);
        return r;
    }

    public static TrainingCharts loss(TrainingViewModel vm) {
        TrainingCharts charts = follow(vm, new TrainingCharts(Metric.LOSS, vm.trainLoss(), vm.valLoss()));
        vm.logLossProperty().addListener((obs, old, log) -> charts.setLogScale(log));
        charts.setLogScale(vm.logLossProperty().get());
        return charts;
    }

    public static TrainingCharts accuracy(TrainingViewModel vm) {
        return follow(vm, new TrainingCharts(Metric.ACCURACY, vm.trainAccuracy(), vm.valAccuracy()));
    }

    private static TrainingCharts follow(TrainingViewModel vm, TrainingCharts charts) {
        vm.plannedEpochsProperty().addListener((obs, old, epochs) -> charts.setEpochs(epochs.intValue()));
        charts.runs = vm.runs();
        vm.runs().runs().addListener((ListChangeListener<TrainingRuns.Run>) change -> charts.showRuns());
        vm.runs().currentProperty().addListener((obs, old, now) -> charts.showRuns());
        charts.plannedEpochs = vm.plannedEpochsProperty().get();
        charts.showRuns();
        return charts;
    }

    /** Shows the current run's length on the x axis (0 to {@code epochs}), or fits the data for 0. */
    public void setEpochs(int epochs) {
        plannedEpochs = epochs;
        quietly(this::showWholeRuns);
    }

    /**
     * Makes several changes with one redraw: the viewer redraws the whole chart at every change
     * event, and a change of theme or of the runs shown is dozens of them (300 ms on the FX thread).
     * On screen the redraw waits for the next event of the FX thread, so that the changes one click
     * makes through several listeners (Train: the runs, the x axis, the curves) share it too, and
     * the toolkit can run what waits in between.
     */
    private void quietly(Runnable changes) {
        if (!chart.isNotify()) {
            changes.run();
            return;
        }
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            if (viewer == null) {
                chart.setNotify(true);
            } else {
                javafx.application.Platform.runLater(() -> chart.setNotify(true));
            }
        }
    }

    /** The x axis from 0 to the longest run shown, unless nothing is planned or shown. */
    private void showWholeRuns() {
        int longest = plannedEpochs;
        if (runs != null) {
            for (TrainingRuns.Run run : runs.runs()) {
                if (run.isShown() && !run.currentProperty().get()) {
                    longest = Math.max(longest, run.record().recipe().epochs());
                }
            }
        }
        homeEpochs = longest;
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        if (longest > 0) {
            x.setRange(0, longest);
        } else {
            x.setAutoRange(true);
        }
        updateZoomed();
    }

    /** Draws the ticked earlier runs under the current one, each in its colour. */
    private void showRuns() {
        quietly(this::rebuildEarlierRuns);
    }

    private void rebuildEarlierRuns() {
        earlierTraining.removeAllSeries();
        earlierValidation.removeAllSeries();
        earlierNumbers.clear();
        if (runs != null) {
            for (TrainingRuns.Run run : runs.runs()) {
                if (!run.isShown() || run.currentProperty().get()) {
                    continue;
                }
                RunRecord r = run.record();
                XYSeries t = new XYSeries(run.name() + " training", false, true);
                for (CurvePoint p : metric == Metric.LOSS ? r.trainLoss() : r.trainAccuracy()) {
                    t.add(p.epoch(), p.value(), false);
                }
                XYSeries v = new XYSeries(run.name() + " validation", false, true);
                for (EpochMetrics e : r.epochs()) {
                    double y = metric == Metric.LOSS ? e.validationLoss() : e.validationAccuracy();
                    if (Double.isFinite(y)) {
                        v.add(e.epoch(), y, false);
                    }
                }
                earlierTraining.addSeries(t);
                earlierValidation.addSeries(v);
                earlierNumbers.add(run.number());
            }
        }
        showWholeRuns();
        setDark(dark);
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

    // ---- log scale and zoom ------------------------------------------------------------------

    /** Puts the value axis on a logarithmic scale or back; only the loss chart offers it. */
    public void setLogScale(boolean log) {
        quietly(() -> switchScale(log));
    }

    private void switchScale(boolean log) {
        ValueAxis axis = log && metric == Metric.LOSS ? logAxis : linearAxis;
        XYPlot plot = chart.getXYPlot();
        if (plot.getRangeAxis() != axis) {
            axis.setAutoRange(true);
            plot.setRangeAxis(axis);
            setDark(dark);
        }
        updateZoomed();
    }

    public boolean isLogScale() {
        return chart.getXYPlot().getRangeAxis() instanceof LogAxis;
    }

    /** Shows the whole of the runs again after a drag zoomed in (or out). */
    public void resetZoom() {
        quietly(() -> {
            chart.getXYPlot().getRangeAxis().setAutoRange(true);
            showWholeRuns();
        });
    }

    private void updateZoomed() {
        XYPlot plot = chart.getXYPlot();
        ValueAxis x = plot.getDomainAxis();
        boolean xHome = homeEpochs > 0 ? x.getRange().equals(new Range(0, homeEpochs)) : x.isAutoRange();
        zoomed.set(!xHome || !plot.getRangeAxis().isAutoRange());
    }

    /** True while a drag has zoomed the chart away from the whole runs. */
    public ReadOnlyBooleanProperty zoomedProperty() {
        return zoomed.getReadOnlyProperty();
    }

    // ---- export ------------------------------------------------------------------------------

    /**
     * The chart as shown (runs, scale, zoom, theme), as a PNG of {@code width} x {@code height}
     * pixels. The data are copied now, on the FX thread; the returned writer draws the copy, so it
     * may run on a worker while training goes on adding points to this chart.
     */
    public AtomicFiles.Writer pngWriter(int width, int height) {
        XYPlot plot = chart.getXYPlot();
        TrainingCharts copy = new TrainingCharts(metric, javafx.collections.FXCollections.observableArrayList(),
                javafx.collections.FXCollections.observableArrayList(), false);
        copy.runs = runs;
        copySeries(training, copy.training);
        copySeries(validation, copy.validation);
        for (int i = 0; i < earlierTraining.getSeriesCount(); i++) {
            XYSeries t = new XYSeries(earlierTraining.getSeriesKey(i), false, true);
            copySeries(earlierTraining.getSeries(i), t);
            copy.earlierTraining.addSeries(t);
            XYSeries v = new XYSeries(earlierValidation.getSeriesKey(i), false, true);
            copySeries(earlierValidation.getSeries(i), v);
            copy.earlierValidation.addSeries(v);
        }
        copy.earlierNumbers.addAll(earlierNumbers);
        copy.setLogScale(isLogScale());
        XYPlot copyPlot = copy.chart.getXYPlot();
        copyPlot.getDomainAxis().setRange(plot.getDomainAxis().getRange());
        if (!plot.getRangeAxis().isAutoRange()) {
            copyPlot.getRangeAxis().setRange(plot.getRangeAxis().getRange());
        }
        copy.setDark(dark);
        copy.legendNamesRuns(currentName());
        JFreeChart picture = copy.chart;
        return out -> ChartUtils.writeChartAsPNG(out, picture, width, height);
    }

    private String currentName() {
        TrainingRuns.Run current = runs == null ? null : runs.currentProperty().get();
        return current == null ? null : current.name();
    }

    private static void copySeries(XYSeries from, XYSeries to) {
        for (int i = 0; i < from.getItemCount(); i++) {
            to.add(from.getX(i), from.getY(i), false);
        }
    }

    /** A picture has no runs list beside it: its legend names each run in its colour. */
    private void legendNamesRuns(String current) {
        XYPlot plot = chart.getXYPlot();
        LegendItemCollection items = new LegendItemCollection();
        items.add(legendItem("training (smoothed)", neutral(), false, CURRENT_LINE));
        items.add(legendItem("validation", neutral(), true, CURRENT_DASH));
        if (current != null) {
            items.add(legendItem(current, plot.getRenderer(CURRENT_TRAINING).getSeriesPaint(0), false, CURRENT_LINE));
        }
        for (int i = 0; i < earlierNumbers.size(); i++) {
            String key = earlierTraining.getSeriesKey(i).toString();
            items.add(legendItem(key.substring(0, key.length() - " training".length()),
                    RunColours.awt(earlierNumbers.get(i), dark), false, EARLIER_LINE));
        }
        plot.setFixedLegendItems(items);
    }

    // ---- looks -------------------------------------------------------------------------------

    private static LegendItem legendItem(String label, java.awt.Paint paint, boolean dot, Stroke line) {
        Shape shape = new Ellipse2D.Double(-4, -4, 8, 8);
        Shape sample = new Line2D.Double(-9, 0, 9, 0);
        return new LegendItem(label, null, null, null, dot, shape, true, paint, false, paint,
                new BasicStroke(1f), true, sample, line, paint);
    }

    private Color neutral() {
        return dark ? new Color(0xc9d1d9) : new Color(0x1f2328);
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

    /** Earlier runs drawn under the current one. */
    public int earlierRunsShown() {
        return earlierNumbers.size();
    }

    /** Points of the earlier run numbered {@code runNumber} on this chart (training curve), or -1. */
    public int earlierTrainingPoints(int runNumber) {
        int i = earlierNumbers.indexOf(runNumber);
        return i < 0 ? -1 : earlierTraining.getSeries(i).getItemCount();
    }

    /** Matches the chart's colours to the light or dark theme. */
    public void setDark(boolean dark) {
        quietly(() -> paint(dark));
    }

    private void paint(boolean dark) {
        this.dark = dark;
        Color background = dark ? new Color(0x0d1117) : Color.WHITE;
        Color text = neutral();
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
        for (ValueAxis axis : List.of(plot.getDomainAxis(), linearAxis, logAxis)) {
            axis.setLabelPaint(muted);
            axis.setTickLabelPaint(muted);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        TrainingRuns.Run current = runs == null ? null : runs.currentProperty().get();
        Color currentColour = RunColours.awt(current == null ? 1 : current.number(), dark);
        plot.getRenderer(CURRENT_TRAINING).setSeriesPaint(0, currentColour);
        plot.getRenderer(CURRENT_VALIDATION).setSeriesPaint(0, currentColour);
        for (int i = 0; i < earlierNumbers.size(); i++) {
            Color c = RunColours.awt(earlierNumbers.get(i), dark);
            // Earlier runs a little transparent, so the current run reads first where they cross.
            Color faded = new Color(c.getRed(), c.getGreen(), c.getBlue(), 190);
            plot.getRenderer(EARLIER_TRAINING).setSeriesPaint(i, faded);
            plot.getRenderer(EARLIER_VALIDATION).setSeriesPaint(i, faded);
        }
        // Fixed legend items: a key to the line styles (the runs list beside the charts is the
        // key to the colours); the sampling renderer draws no line sample of its own.
        LegendItemCollection items = new LegendItemCollection();
        items.add(legendItem("training (smoothed)", currentColour, false, CURRENT_LINE));
        items.add(legendItem("validation", currentColour, true, CURRENT_DASH));
        plot.setFixedLegendItems(items);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(background);
        legend.setItemPaint(text);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
}
