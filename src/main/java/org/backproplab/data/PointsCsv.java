package org.backproplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Points as a CSV file that spreadsheets open and write: one point per row, columns x1, x2 and
 * label, separated by commas, optionally under a header row. A label is a class index (0, 1, …)
 * for classification, with TensorFlow Playground's −1/+1 also accepted for two classes, or any
 * number for regression.
 *
 * <p>Reading is all or nothing: a file with any bad row imports no point, and the exception names
 * each bad row's line and what is wrong with it. Reading tolerates what spreadsheets and editors
 * add: a UTF-8 byte order mark, Windows line ends, blank lines, spaces around values, and values
 * in double quotes.
 */
public final class PointsCsv {

    /** The header row written on save; a file read may have any header, or none. */
    public static final String HEADER = "x1,x2,label";
    /** Problems listed per file: a file wrong throughout would otherwise list thousands. */
    public static final int MAX_LISTED_PROBLEMS = 10;
    /** Longest line read, in characters: three numbers need far fewer, so a longer line is not a row of points. */
    public static final int MAX_LINE_LENGTH = 1000;

    private static final List<String> COLUMNS = List.of("x1", "x2", "label");
    /** Plain decimal numbers as spreadsheets write them; Java-only forms such as 0x1p3 or 1d are not numbers here. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity|∞)", Pattern.CASE_INSENSITIVE);
    /** How much of a bad value a message quotes. */
    private static final int QUOTED_LENGTH = 24;

    private PointsCsv() {
    }

    /**
     * Reads the points in {@code file}, a UTF-8 text file.
     *
     * @param classes 0 for regression (any finite label), else the number of classes (2 or more)
     * @throws PointsCsvException naming the first bad row, if any row is bad; no point is returned then
     */
    public static List<DataPoint> read(Path file, int classes) throws PointsCsvException {
        requireValidClasses(classes);
        String name = TextFile.displayName(file);
        if (Files.isDirectory(file)) {
            throw new PointsCsvException(name + ": is a folder, not a CSV file");
        }
        // newBufferedReader decodes strictly: bytes that are not UTF-8 fail rather than turn into '?'.
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Parser(name, classes).parse(reader);
        } catch (CharacterCodingException e) {
            throw new PointsCsvException(name + ": not UTF-8 text; save the file as CSV UTF-8", e);
        } catch (IOException e) {
            throw new PointsCsvException(name + ": cannot read the file (" + TextFile.reason(e) + ")", e);
        }
    }

    /**
     * Reads points from {@code reader}, e.g. pasted text; {@code sourceName} starts every message.
     *
     * @throws PointsCsvException naming the first bad row, if any row is bad; no point is returned then
     */
    public static List<DataPoint> read(Reader reader, String sourceName, int classes) throws PointsCsvException {
        requireValidClasses(classes);
        try {
            return new Parser(sourceName, classes).parse(reader);
        } catch (IOException e) {
            throw new PointsCsvException(sourceName + ": cannot read the points (" + TextFile.reason(e) + ")", e);
        }
    }

    /**
     * The points as CSV text with a header row. Numbers are written in their shortest form that
     * reads back to the same double, so saving and reading again gives the same points exactly.
     *
     * @throws IllegalArgumentException if a point cannot be read back from a CSV file (see {@link #write})
     */
    public static String toCsv(List<DataPoint> points) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < points.size(); i++) {
            DataPoint point = points.get(i);
            String problem = unwritable(point);
            if (problem != null) {
                throw new IllegalArgumentException("point " + (i + 1) + " " + problem);
            }
            out.append(number(point.x1())).append(',').append(number(point.x2())).append(',')
                    .append(number(point.label())).append('\n');
        }
        return out.toString();
    }

    /**
     * Saves the points to {@code file}, replacing it atomically. Points with explicit per-output
     * targets (a hand-worked example) and points out of range are refused before the disk is touched,
     * since the file could not hold them or would not read back.
     */
    public static void write(List<DataPoint> points, Path file) throws PointsCsvException {
        String name = TextFile.displayName(file);
        String csv;
        try {
            csv = toCsv(points);
        } catch (IllegalArgumentException e) {
            throw new PointsCsvException("cannot save " + name + ": " + e.getMessage(), e);
        }
        try {
            TextFile.save(file, csv);
        } catch (IOException e) {
            throw new PointsCsvException(e.getMessage(), e);
        }
    }

    private static void requireValidClasses(int classes) {
        if (classes < 0 || classes == 1) {
            throw new IllegalArgumentException("points have 0 (regression) or at least 2 classes, got " + classes);
        }
    }

    /** Why a point cannot go into a CSV file, or null if it can. */
    private static String unwritable(DataPoint point) {
        if (point.hasExplicitTargets()) {
            return "has a target per output (a hand-worked example); a CSV file holds one label per point";
        }
        if (!(Math.abs(point.x1()) <= DataPoint.MAX_COORDINATE && Math.abs(point.x2()) <= DataPoint.MAX_COORDINATE)) {
            return "lies outside the range " + range() + " (x1 = " + point.x1() + ", x2 = " + point.x2() + ")";
        }
        if (!Double.isFinite(point.label())) {
            return "has label " + point.label() + "; a label must be a finite number";
        }
        return null;
    }

    /** Whole numbers without ".0", as people write labels; everything else in Java's shortest round-trip form. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            // −0.0 keeps its sign, so that a round trip is exact to the bit.
            return value == 0 && Double.doubleToRawLongBits(value) != 0 ? "-0" : Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String range() {
        long max = (long) DataPoint.MAX_COORDINATE;
        return "from −" + max + " to " + max;
    }

    /** One pass over a file: rows become points or problems; a header is recognised on the first row only. */
    private static final class Parser {

        private final String name;
        private final int classes;
        private final List<DataPoint> points = new ArrayList<>();
        private final List<PointsCsvException.Problem> problems = new ArrayList<>();
        private int problemCount;
        private int rows;
        /** Which field holds x1, x2 and label: a header naming them in another order reorders them. */
        private int[] order = {0, 1, 2};
        private int firstMinusOne;
        private int firstZero;

        Parser(String name, int classes) {
            this.name = name;
            this.classes = classes;
        }

        List<DataPoint> parse(Reader reader) throws IOException, PointsCsvException {
            Lines lines = new Lines(reader);
            boolean firstRow = true;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (lines.number() == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                int number = lines.number();
                if (lines.wasCut()) {
                    problem(number, "longer than " + MAX_LINE_LENGTH + " characters; a row holds only x1, x2 and label");
                    firstRow = false;
                    continue;
                }
                List<String> fields = fields(line);
                if (firstRow && isHeader(fields)) {
                    firstRow = false;
                    continue;
                }
                firstRow = false;
                if (++rows > Dataset.MAX_POINTS) {
                    problem(number, "more than " + Dataset.MAX_POINTS + " points; a point set holds at most "
                            + Dataset.MAX_POINTS);
                    break;
                }
                try {
                    points.add(point(fields, number, line));
                } catch (BadRow bad) {
                    problem(number, bad.getMessage());
                }
            }
            checkLabelConvention();
            if (problemCount > 0) {
                PointsCsvException.Problem first = problems.getFirst();
                String more = problemCount > 1 ? "; " + (problemCount - 1) + " more " + (problemCount == 2 ? "problem" : "problems")
                        + " after it" : "";
                throw new PointsCsvException(name + ": " + first + more, problems, problemCount, null);
            }
            if (points.isEmpty()) {
                throw new PointsCsvException(name + ": no points; expected rows of x1, x2, label",
                        List.of(new PointsCsvException.Problem(0, "no points; expected rows of x1, x2, label")), 1, null);
            }
            return List.copyOf(points);
        }

        /**
         * A first row with words and no number names the columns; if it names x1, x2 and label,
         * their order counts. (A first row of only bad numbers is a bad row, not a header.)
         */
        private boolean isHeader(List<String> fields) {
            for (String field : fields) {
                if (NUMBER.matcher(field).matches() || NAN.matcher(field).matches() || INFINITE.matcher(field).matches()) {
                    return false;
                }
            }
            if (fields.stream().noneMatch(field -> field.codePoints().anyMatch(Character::isLetter))) {
                return false;
            }
            List<String> names = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
            if (names.size() == COLUMNS.size() && names.containsAll(COLUMNS)) {
                order = COLUMNS.stream().mapToInt(names::indexOf).toArray();
            }
            return true;
        }

        private DataPoint point(List<String> fields, int line, String text) throws BadRow {
            String separator = text.contains(";") ? "semicolons" : fields.size() == 1 && text.contains("\t") ? "tabs" : null;
            if (separator != null) {
                // Spreadsheets in many languages save "0,5;1,5;1": say what to change rather than which number is odd.
                throw new BadRow("values are separated by " + separator
                        + "; separate x1, x2 and label with commas and write decimals with a point");
            }
            if (fields.size() != COLUMNS.size()) {
                throw new BadRow((fields.size() < COLUMNS.size() ? "missing column" : "extra column")
                        + ": expected 3 values (x1, x2, label), found " + fields.size());
            }
            double x1 = coordinate(fields.get(order[0]), "x1");
            double x2 = coordinate(fields.get(order[1]), "x2");
            return new DataPoint(x1, x2, label(fields.get(order[2]), line));
        }

        private static double coordinate(String field, String column) throws BadRow {
            double value = number(field, column);
            if (Math.abs(value) > DataPoint.MAX_COORDINATE) {
                throw new BadRow(column + " " + field + " is outside the range " + range());
            }
            return value;
        }

        private double label(String field, int line) throws BadRow {
            double value = number(field, "label");
            if (classes == 0) {
                return value;
            }
            if (classes == 2 && value == -1) {
                // TensorFlow Playground's labels: −1 is the first class.
                firstMinusOne = firstMinusOne == 0 ? line : firstMinusOne;
                return 0;
            }
            if (value == Math.rint(value) && value >= 0 && value < classes) {
                if (value == 0) {
                    firstZero = firstZero == 0 ? line : firstZero;
                }
                return value;
            }
            throw new BadRow("label " + quoted(field) + " is not a class (expected " + classNames() + ")");
        }

        private String classNames() {
            return switch (classes) {
                case 2 -> "0 or 1";
                case 3 -> "0, 1 or 2";
                default -> "a whole number from 0 to " + (classes - 1);
            };
        }

        /** 0 and −1 cannot both mean the first class of one file: it mixes two conventions, so a label is wrong. */
        private void checkLabelConvention() {
            if (firstMinusOne == 0 || firstZero == 0) {
                return;
            }
            String reason = "labels 0 and −1 are mixed (first −1 on line " + firstMinusOne + ", first 0 on line "
                    + firstZero + "); use 0 and 1, or −1 and +1, throughout";
            // Found only at the end of the file, but listed in line order with the rest.
            problemCount++;
            problems.add(new PointsCsvException.Problem(Math.max(firstMinusOne, firstZero), reason));
            problems.sort(Comparator.comparingInt(PointsCsvException.Problem::line));
            if (problems.size() > MAX_LISTED_PROBLEMS) {
                problems.removeLast();
            }
        }

        private void problem(int line, String reason) {
            problemCount++;
            if (problems.size() < MAX_LISTED_PROBLEMS) {
                problems.add(new PointsCsvException.Problem(line, reason));
            }
        }

        private static double number(String field, String column) throws BadRow {
            if (field.isEmpty()) {
                throw new BadRow(column + " is empty");
            }
            if (NAN.matcher(field).matches()) {
                throw new BadRow(column + " is NaN; every value must be a finite number");
            }
            if (INFINITE.matcher(field).matches()) {
                throw new BadRow(column + " is infinite; every value must be a finite number");
            }
            if (!NUMBER.matcher(field).matches()) {
                throw new BadRow(column + " " + quoted(field) + " is not a number");
            }
            double value = Double.parseDouble(field);
            if (Double.isInfinite(value)) {
                throw new BadRow(column + " " + quoted(field) + " is too large to be a number here");
            }
            return value;
        }

        private static String quoted(String field) {
            String shown = field.length() > QUOTED_LENGTH ? field.substring(0, QUOTED_LENGTH) + "…" : field;
            return NUMBER.matcher(field).matches() ? shown : "\"" + shown + "\"";
        }

        /** The comma-separated values of a row, trimmed, each without the double quotes a spreadsheet may add. */
        private static List<String> fields(String line) {
            List<String> fields = new ArrayList<>();
            for (String raw : line.split(",", -1)) {
                String field = raw.strip();
                if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                    field = field.substring(1, field.length() - 1).strip();
                }
                fields.add(field);
            }
            return fields;
        }
    }

    /** A row that is not a point, with the reason. Control flow only: no stack trace is ever shown. */
    private static final class BadRow extends Exception {

        private static final long serialVersionUID = 1L;

        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Lines ended by LF, CRLF or a lone CR, numbered from 1, each at most {@link #MAX_LINE_LENGTH}
     * characters: the rest of a longer line is skipped, so a huge file without line breaks cannot
     * exhaust memory.
     */
    private static final class Lines {

        private final Reader in;
        private int number;
        private boolean cut;
        /** A character read past a CR that turned out not to be LF; -2 when none is waiting. */
        private int pending = -2;

        Lines(Reader in) {
            // Read a character at a time, so buffered.
            this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        }

        String next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            number++;
            cut = false;
            StringBuilder line = new StringBuilder();
            while (c >= 0 && c != '\n' && c != '\r') {
                if (line.length() < MAX_LINE_LENGTH) {
                    line.append((char) c);
                } else {
                    cut = true;
                }
                c = read();
            }
            if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    pending = after;
                }
            }
            return line.toString();
        }

        int number() {
            return number;
        }

        boolean wasCut() {
            return cut;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }
    }
}
