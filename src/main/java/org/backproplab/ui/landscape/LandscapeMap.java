package org.backproplab.ui.landscape;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backproplab.engine.LossLandscape;
import org.backproplab.training.LandscapePicture;
import org.backproplab.ui.common.AxisTicks;
import org.backproplab.ui.common.CanvasView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;

/**
 * The loss landscape drawn: the map as filled contour bands, a colour scale at its right, ticks
 * and the two axes' names, the dashed middle half (leaving it remakes the map), the path the
 * weights took, the current point, and the downhill arrow −∇L. Big enough type to read from the
 * back of a classroom.
 */
final class LandscapeMap extends CanvasView {

    private static final String FONT = "System";
    /** Pixels per side of the banded image, before it is scaled to the plot: smooth enough for any plot size. */
    private static final int IMAGE_SIDE = 240;
    private static final double LEFT = 72;
    private static final double BOTTOM = 58;
    private static final double TOP = 10;
    /** Room at the right for the colour scale: its bar and its labels. */
    private static final double SCALE_ROOM = 104;
    /** Room under the map for the colour scale laid across: its bar, its labels and its name. */
    private static final double SCALE_BELOW = 66;
    private static final double RIGHT = 28;
    private static final double BAR_WIDTH = 16;
    private static final int TICKS = 5;

    private final Palette palette;
    private final Messages messages;
    private final NumberText numbers;
    private LandscapePicture.Ready picture;
    private String xName = "";
    private String yName = "";
    /** The banded image of the map on show, made once per map rather than once per frame. */
    private WritableImage image;
    private LossLandscape.Map imageOf;
    private LossBands bands;

    LandscapeMap(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        this.numbers = new NumberText(messages.locale());
        getStyleClass().add("landscape-map");
        setId("landscape-map");
    }

    /** Shows a picture, its axes named {@code names} would name them. */
    void show(LandscapePicture.Ready shown, Function<LandscapePicture.Ready, List<String>> names) {
        picture = shown;
        List<String> axisNames = names.apply(shown);
        xName = axisNames.get(0);
        yName = axisNames.get(1);
        if (shown.map() != imageOf) {
            imageOf = shown.map();
            bands = LossBands.of(shown.map().loss());
            image = banded(shown.map(), bands);
        }
        redraw();
    }

    void clear() {
        picture = null;
        redraw();
    }

    /** The x axis's name as drawn, for tests. */
    String xName() {
        return xName;
    }

    String yName() {
        return yName;
    }

    boolean showsMap() {
        return picture != null;
    }

    @Override
    protected void draw(GraphicsContext gc, double width, double height) {
        if (picture == null) {
            return;
        }
        // The colour scale goes beside the map, or under it when the panel is narrow and tall (as at
        // 1024 px): there it would take width the map needs and leave height unused.
        double besideSide = Math.min(width - scaled(LEFT + SCALE_ROOM), height - scaled(TOP + BOTTOM));
        double underSide = Math.min(width - scaled(LEFT + RIGHT), height - scaled(TOP + BOTTOM + SCALE_BELOW));
        boolean under = underSide > besideSide;
        double side = Math.max(0, Math.max(besideSide, underSide));
        double across = scaled(LEFT + (under ? RIGHT : SCALE_ROOM));
        double down = scaled(TOP + BOTTOM + (under ? SCALE_BELOW : 0));
        double left = scaled(LEFT) + (width - across - side) / 2;
        double top = scaled(TOP) + (height - down - side) / 2;
        Frame frame = new Frame(picture, left, top, side);
        gc.setImageSmoothing(false);
        gc.drawImage(image, left, top, side, side);
        gc.setImageSmoothing(true);
        drawMiddle(gc, frame);
        gc.save();
        gc.beginPath();
        gc.rect(left, top, side, side);
        gc.clip();
        drawPath(gc, frame);
        drawArrow(gc, frame);
        gc.restore();
        gc.setStroke(palette.outline());
        gc.setLineWidth(1);
        gc.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
        drawTicks(gc, frame);
        if (under) {
            drawScaleUnder(gc, left, top + side + scaled(BOTTOM), side);
        } else {
            drawScale(gc, left + side + scaled(14), top, side);
        }
    }

    /** Where the plane's points land in pixels. */
    private record Frame(LandscapePicture.Ready picture, double left, double top, double side) {
        double minX() {
            return picture.map().x()[0];
        }

        double minY() {
            return picture.map().y()[0];
        }

        double width() {
            return 2 * picture.span();
        }

        double x(double planeX) {
            return left + (planeX - minX()) / width() * side;
        }

        double y(double planeY) {
            return top + side - (planeY - minY()) / width() * side;
        }
    }

    /** The square the weights may wander in before the map is remade around them. */
    private void drawMiddle(GraphicsContext gc, Frame frame) {
        LossLandscape.Point centre = picture.centre();
        double half = picture.span() / 2;
        gc.setStroke(Color.gray(1, 0.7));
        gc.setLineWidth(scaled(1.2));
        gc.setLineDashes(scaled(6), scaled(5));
        gc.strokeRect(frame.x(centre.x() - half), frame.y(centre.y() + half), frame.side() / 2, frame.side() / 2);
        gc.setLineDashes();
    }

    private void drawPath(GraphicsContext gc, Frame frame) {
        List<LossLandscape.Point> path = picture.path();
        gc.setLineCap(StrokeLineCap.ROUND);
        for (double[] stroke : new double[][] {{scaled(5), 0}, {scaled(2.5), 1}}) {
            gc.setStroke(stroke[1] == 0 ? Color.gray(0, 0.75) : Color.WHITE);
            gc.setLineWidth(stroke[0]);
            gc.beginPath();
            gc.moveTo(frame.x(path.getFirst().x()), frame.y(path.getFirst().y()));
            for (LossLandscape.Point point : path) {
                gc.lineTo(frame.x(point.x()), frame.y(point.y()));
            }
            gc.stroke();
        }
        double x = frame.x(picture.current().x());
        double y = frame.y(picture.current().y());
        double radius = scaled(7);
        gc.setFill(palette.highlight());
        gc.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(scaled(2));
        gc.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    /** −∇L at the current point, always as long (its size is in the status, its direction is what matters here). */
    private void drawArrow(GraphicsContext gc, Frame frame) {
        LossLandscape.Point downhill = picture.downhill();
        double length = Math.hypot(downhill.x(), downhill.y());
        if (!(length > 0) || !Double.isFinite(length)) {
            return;
        }
        double reach = frame.side() * 0.18;
        double dx = downhill.x() / length * reach;
        double dy = -downhill.y() / length * reach;
        double x = frame.x(picture.current().x());
        double y = frame.y(picture.current().y());
        double headLength = scaled(14);
        double angle = Math.atan2(dy, dx);
        for (int pass = 0; pass < 2; pass++) {
            gc.setStroke(pass == 0 ? Color.BLACK : Color.WHITE);
            gc.setFill(gc.getStroke());
            gc.setLineWidth(scaled(pass == 0 ? 6 : 3));
            gc.strokeLine(x, y, x + dx - Math.cos(angle) * headLength * 0.6, y + dy - Math.sin(angle) * headLength * 0.6);
            double grow = pass == 0 ? scaled(2) : 0;
            double tipX = x + dx + Math.cos(angle) * grow;
            double tipY = y + dy + Math.sin(angle) * grow;
            double[] xs = {tipX, tipX - Math.cos(angle - 0.45) * (headLength + grow), tipX - Math.cos(angle + 0.45) * (headLength + grow)};
            double[] ys = {tipY, tipY - Math.sin(angle - 0.45) * (headLength + grow), tipY - Math.sin(angle + 0.45) * (headLength + grow)};
            gc.fillPolygon(xs, ys, 3);
        }
        gc.setFont(Font.font(FONT, FontWeight.BOLD, scaled(15)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        double labelX = x + dx + Math.cos(angle) * scaled(22);
        double labelY = y + dy + Math.sin(angle) * scaled(16);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(scaled(3));
        gc.strokeText(messages.get("landscape.downhill"), labelX, labelY);
        gc.setFill(Color.WHITE);
        gc.fillText(messages.get("landscape.downhill"), labelX, labelY);
    }

    private void drawTicks(GraphicsContext gc, Frame frame) {
        int fit = (int) Math.clamp(frame.side() / scaled(70), 2, TICKS);
        AxisTicks xTicks = AxisTicks.of(frame.minX(), frame.minX() + frame.width(), fit);
        AxisTicks yTicks = AxisTicks.of(frame.minY(), frame.minY() + frame.width(), fit);
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, scaled(13)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double tick : xTicks.values()) {
            gc.fillText(numbers.tick(tick, xTicks.step()), frame.x(tick), frame.top() + frame.side() + scaled(6));
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double tick : yTicks.values()) {
            gc.fillText(numbers.tick(tick, yTicks.step()), frame.left() - scaled(6), frame.y(tick));
        }
        gc.setFont(Font.font(FONT, FontWeight.BOLD, FontPosture.ITALIC, scaled(19)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(xName, frame.left() + frame.side() / 2, frame.top() + frame.side() + scaled(27));
        gc.save();
        gc.translate(frame.left() - scaled(52), frame.top() + frame.side() / 2);
        gc.rotate(-90);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(yName, 0, 0);
        gc.restore();
    }

    /** The bands as a bar, lowest loss at the bottom, labelled at a few band edges. */
    private void drawScale(GraphicsContext gc, double left, double top, double side) {
        double bandHeight = side / LossBands.BANDS;
        for (int band = 0; band < LossBands.BANDS; band++) {
            gc.setFill(bands.color(band));
            gc.fillRect(left, top + side - (band + 1) * bandHeight, scaled(BAR_WIDTH), Math.ceil(bandHeight));
        }
        gc.setStroke(palette.outline());
        gc.setLineWidth(1);
        gc.strokeRect(left + 0.5, top + 0.5, scaled(BAR_WIDTH), side - 1);
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, scaled(13)));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        int every = side / LossBands.BANDS < scaled(18) ? 4 : 2;
        for (int edge = 0; edge <= LossBands.BANDS; edge += every) {
            gc.fillText(numbers.significant(bands.edge(edge)), left + scaled(BAR_WIDTH + 5), top + side - edge * bandHeight);
        }
        gc.save();
        gc.translate(left + scaled(BAR_WIDTH + 62), top + side / 2);
        gc.rotate(-90);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setFont(Font.font(FONT, scaled(14)));
        gc.fillText(messages.get("landscape.loss"), 0, 0);
        gc.restore();
    }

    /** The bands as a bar across, under the map's axis name: lowest loss at the left. */
    private void drawScaleUnder(GraphicsContext gc, double left, double top, double side) {
        double bandWidth = side / LossBands.BANDS;
        for (int band = 0; band < LossBands.BANDS; band++) {
            gc.setFill(bands.color(band));
            gc.fillRect(left + band * bandWidth, top, Math.ceil(bandWidth), scaled(BAR_WIDTH));
        }
        gc.setStroke(palette.outline());
        gc.setLineWidth(1);
        gc.strokeRect(left + 0.5, top + 0.5, side - 1, scaled(BAR_WIDTH));
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, scaled(13)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        // Labels a good way apart: "0.0868" is about 45 px wide.
        int every = bandWidth < scaled(30) ? 6 : 3;
        for (int edge = 0; edge <= LossBands.BANDS; edge += every) {
            gc.fillText(numbers.significant(bands.edge(edge)), left + edge * bandWidth, top + scaled(BAR_WIDTH + 3));
        }
        gc.setFont(Font.font(FONT, scaled(14)));
        gc.fillText(messages.get("landscape.loss"), left + side / 2, top + scaled(BAR_WIDTH + 22));
    }

    /** The map resampled bilinearly to a square image and coloured by band: its filled contours. */
    private WritableImage banded(LossLandscape.Map map, LossBands scale) {
        WritableImage made = new WritableImage(IMAGE_SIDE, IMAGE_SIDE);
        PixelWriter pixels = made.getPixelWriter();
        int last = map.x().length - 1;
        double[][] loss = map.loss();
        for (int row = 0; row < IMAGE_SIDE; row++) {
            // Row 0 is the top of the image: the largest y.
            double gy = (IMAGE_SIDE - 1 - row + 0.5) / IMAGE_SIDE * last;
            int i = (int) Math.min(Math.floor(gy), last - 1);
            double fy = gy - i;
            for (int column = 0; column < IMAGE_SIDE; column++) {
                double gx = (column + 0.5) / IMAGE_SIDE * last;
                int j = (int) Math.min(Math.floor(gx), last - 1);
                double fx = gx - j;
                double value = (1 - fy) * ((1 - fx) * loss[i][j] + fx * loss[i][j + 1])
                        + fy * ((1 - fx) * loss[i + 1][j] + fx * loss[i + 1][j + 1]);
                int band = scale.band(value);
                pixels.setColor(column, row, band < 0 ? palette.missing() : scale.color(band));
            }
        }
        return made;
    }
}
