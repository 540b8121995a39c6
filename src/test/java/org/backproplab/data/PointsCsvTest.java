package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Importing and exporting points as CSV: what spreadsheets write reads in, and every bad row is named. */
class PointsCsvTest {

    @TempDir
    Path dir;

    private static List<DataPoint> read(String csv, int classes) throws PointsCsvException {
        return PointsCsv.read(new StringReader(csv), "points.csv", classes);
    }

    private static String problem(String csv, int classes) {
        return assertThrows(PointsCsvException.class, () -> read(csv, classes)).getMessage();
    }

    // ---- good files ----

    @Test
    void readsRowsUnderAHeader() throws PointsCsvException {
        assertEquals(List.of(new DataPoint(1.5, -2, 1), new DataPoint(0, 0.25, 0)),
                read("x1,x2,label\n1.5,-2,1\n0,0.25,0\n", 2));
    }

    @Test
    void readsRowsWithoutAHeader() throws PointsCsvException {
        assertEquals(List.of(new DataPoint(1.5, -2, 1), new DataPoint(0, 0.25, 0)), read("1.5,-2,1\n0,0.25,0", 2));
    }

    @Test
    void aHeaderNamingTheColumnsInAnotherOrderIsFollowed() throws PointsCsvException {
        assertEquals(List.of(new DataPoint(0.5, 0.25, 1)), read("Label,X1,x2\n1,0.5,0.25\n", 2));
    }

    @Test
    void playgroundLabelsMinusOneAndPlusOneAreTheTwoClasses() throws PointsCsvException {
        assertEquals(List.of(new DataPoint(1, 1, 1), new DataPoint(-1, 1, 0), new DataPoint(2, 2, 1)),
                read("x1,x2,label\n1,1,+1\n-1,1,-1\n2,2,1\n", 2));
    }

    @Test
    void toleratesWhatSpreadsheetsAndEditorsAdd() throws PointsCsvException {
        String excel = "\uFEFF\"x1\",\"x2\",\"label\"\r\n 1 , 2.5e-1 ,\"1\"\r\n\r\n3,4,0\r\n";
        assertEquals(List.of(new DataPoint(1, 0.25, 1), new DataPoint(3, 4, 0)), read(excel, 2));
        assertEquals(List.of(new DataPoint(1, 2, 0), new DataPoint(3, 4, 1)), read("1,2,0\r3,4,1\r", 2), "old Mac line ends");
    }

    @Test
    void regressionLabelsAreAnyFiniteNumber() throws PointsCsvException {
        assertEquals(List.of(new DataPoint(0, 1, -0.75), new DataPoint(2, 3, 12.5)), read("0,1,-0.75\n2,3,12.5\n", 0));
    }

    @Test
    void moreClassesTakeWholeNumberLabelsUpToTheLastClass() throws PointsCsvException {
        assertEquals(List.of(new DataPoint(0, 0, 2), new DataPoint(1, 1, 0)), read("0,0,2.0\n1,1,0\n", 3));
    }

    // ---- bad files ----

    static Stream<Arguments> badFiles() {
        String header = "x1,x2,label\n1,2,0\n";
        return Stream.of(
                Arguments.of(header + "NaN,2,1\n", 2, "points.csv: line 3: x1 is NaN; every value must be a finite number"),
                Arguments.of(header + "1,-Infinity,1\n", 2, "points.csv: line 3: x2 is infinite; every value must be a finite number"),
                Arguments.of(header + "1,2,1e400\n", 0, "points.csv: line 3: label 1e400 is too large to be a number here"),
                Arguments.of(header + "1,2\n", 2, "points.csv: line 3: missing column: expected 3 values (x1, x2, label), found 2"),
                Arguments.of(header + "1,2,1,7\n", 2, "points.csv: line 3: extra column: expected 3 values (x1, x2, label), found 4"),
                Arguments.of("1,2,0\n\n1,2,\n", 2, "points.csv: line 3: label is empty"),
                Arguments.of(header + "1,two,1\n", 2, "points.csv: line 3: x2 \"two\" is not a number"),
                Arguments.of(header + "0x1p3,2,1\n", 2, "points.csv: line 3: x1 \"0x1p3\" is not a number"),
                Arguments.of(header + "1,2,3\n", 2, "points.csv: line 3: label 3 is not a class (expected 0 or 1)"),
                Arguments.of(header + "1,2,0.5\n", 2, "points.csv: line 3: label 0.5 is not a class (expected 0 or 1)"),
                Arguments.of(header + "1,2,-1\n", 3, "points.csv: line 3: label -1 is not a class (expected 0, 1 or 2)"),
                Arguments.of(header + "1,2,cat\n", 5, "points.csv: line 3: label \"cat\" is not a number"),
                Arguments.of(header + "1,2,7\n", 5, "points.csv: line 3: label 7 is not a class (expected a whole number from 0 to 4)"),
                Arguments.of(header + "2e6,0,1\n", 2, "points.csv: line 3: x1 2e6 is outside the range from −1000000 to 1000000"),
                Arguments.of("x1;x2;label\n0,5;1,5;1\n", 2, "points.csv: line 2: values are separated by semicolons;"
                        + " separate x1, x2 and label with commas and write decimals with a point"),
                Arguments.of("0.5;1.5;1\n", 2, "points.csv: line 1: values are separated by semicolons;"
                        + " separate x1, x2 and label with commas and write decimals with a point"),
                Arguments.of("0.5\t1.5\t1\n", 2, "points.csv: line 1: values are separated by tabs;"
                        + " separate x1, x2 and label with commas and write decimals with a point"),
                Arguments.of(";;\n", 2, "points.csv: line 1: values are separated by semicolons;"
                        + " separate x1, x2 and label with commas and write decimals with a point"),
                Arguments.of("1,1,-1\n2,2,1\n3,3,0\n", 2, "points.csv: line 3: labels 0 and −1 are mixed (first −1 on line 1,"
                        + " first 0 on line 3); use 0 and 1, or −1 and +1, throughout"),
                Arguments.of("1,2,0\n" + "9".repeat(PointsCsv.MAX_LINE_LENGTH + 1) + "\n", 2,
                        "points.csv: line 2: longer than 1000 characters; a row holds only x1, x2 and label"),
                Arguments.of("", 2, "points.csv: no points; expected rows of x1, x2, label"),
                Arguments.of("x1,x2,label\r\n\r\n", 2, "points.csv: no points; expected rows of x1, x2, label"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadRowIsNamedByItsLineAndReason(String csv, int classes, String message) {
        assertEquals(message, problem(csv, classes));
    }

    @Test
    void oneBadRowAmongGoodOnesImportsNothingAndTheFirstFewProblemsAreListed() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i).append(',').append(i % 3 == 0 ? "2" : "1").append('\n');
        }

        PointsCsvException e = assertThrows(PointsCsvException.class, () -> read(csv.toString(), 2));

        // Rows 0, 3, 6, … sit on lines 2, 5, 8, …: fourteen bad rows, ten listed.
        assertEquals(14, e.problemCount());
        assertEquals(List.of(2, 5, 8, 11, 14, 17, 20, 23, 26, 29), e.problems().stream().map(PointsCsvException.Problem::line).toList());
        assertEquals("line 5: label 2 is not a class (expected 0 or 1)", e.problems().get(1).toString());
        assertEquals("points.csv: line 2: label 2 is not a class (expected 0 or 1); 13 more problems after it", e.getMessage());
    }

    @Test
    void moreRowsThanADataSetHoldsAreRefusedAtTheFirstRowTooMany() {
        String csv = "x1,x2,label\n" + "0,0,1\n".repeat(Dataset.MAX_POINTS + 5);

        assertEquals("points.csv: line " + (Dataset.MAX_POINTS + 2) + ": more than 100000 points; a point set holds at most 100000",
                problem(csv, 2));
    }

    @Test
    void exactlyAsManyRowsAsADataSetHoldsAreRead() throws PointsCsvException {
        assertEquals(Dataset.MAX_POINTS, read("0,0,1\n".repeat(Dataset.MAX_POINTS), 2).size());
    }

    // ---- files on disk ----

    @Test
    void readsAFileAndNamesItInMessages() throws Exception {
        Path file = Files.writeString(dir.resolve("moons.csv"), "x1,x2,label\n0.5,0.25,1\n");
        assertEquals(List.of(new DataPoint(0.5, 0.25, 1)), PointsCsv.read(file, 2));

        Files.writeString(file, "x1,x2,label\n0.5,0.25,4\n");
        assertEquals("moons.csv: line 2: label 4 is not a class (expected 0 or 1)",
                assertThrows(PointsCsvException.class, () -> PointsCsv.read(file, 2)).getMessage());
    }

    @Test
    void aFileThatIsNotUtf8OrNotThereOrAFolderIsExplained() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "x1,x2,\u00e9tiquette\n1,2,0\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("latin1.csv: not UTF-8 text; save the file as CSV UTF-8",
                assertThrows(PointsCsvException.class, () -> PointsCsv.read(latin1, 2)).getMessage());
        Path missing = dir.resolve("missing.csv");
        assertEquals("missing.csv: cannot read the file (no such file or folder: " + missing + ")",
                assertThrows(PointsCsvException.class, () -> PointsCsv.read(missing, 2)).getMessage());
        Path folder = Files.createDirectory(dir.resolve("data.csv"));
        assertEquals("data.csv: is a folder, not a CSV file",
                assertThrows(PointsCsvException.class, () -> PointsCsv.read(folder, 2)).getMessage());
    }

    @Test
    void writesAHeaderAndOnePointPerRowInPlainNumbers() throws Exception {
        Path file = dir.resolve("points.csv");

        PointsCsv.write(List.of(new DataPoint(0.5, -2, 1), new DataPoint(1e-7, 3, 0)), file);

        assertEquals("x1,x2,label\n0.5,-2,1\n1.0E-7,3,0\n", Files.readString(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void whatIsWrittenReadsBackBitForBit() throws Exception {
        List<DataPoint> classified = Generator.SPIRAL.generate(200, 0.3, new SplittableRandom(3)).points();
        List<DataPoint> awkward = List.of(new DataPoint(0.1 + 0.2, -0.0, 1), new DataPoint(Math.PI, 1e-300, 0),
                new DataPoint(DataPoint.MAX_COORDINATE, -DataPoint.MAX_COORDINATE, 1), new DataPoint(Math.nextUp(1.0), 123456.789125, 0));
        List<DataPoint> regression = List.of(new DataPoint(1, 2, -0.1), new DataPoint(3, 4, 1e20), new DataPoint(5, 6, Double.MIN_VALUE));
        Path file = dir.resolve("round-trip.csv");

        for (var set : List.of(new Dataset(classified, 2), new Dataset(awkward, 2), new Dataset(regression, 0))) {
            PointsCsv.write(set.points(), file);
            assertEquals(set.points(), PointsCsv.read(file, set.classes()));
        }
    }

    @Test
    void pointsACsvFileCannotHoldAreRefusedAndTheOldFileIsKept() throws Exception {
        Path file = Files.writeString(dir.resolve("points.csv"), "x1,x2,label\n1,1,1\n");

        PointsCsvException e = assertThrows(PointsCsvException.class, () -> PointsCsv.write(
                List.of(new DataPoint(0, 0, 1), DataPoint.withTargets(0.05, 0.1, List.of(0.01, 0.99))), file));

        assertEquals("cannot save points.csv: point 2 has a target per output (a hand-worked example);"
                + " a CSV file holds one label per point", e.getMessage());
        assertEquals("x1,x2,label\n1,1,1\n", Files.readString(file));
        assertTrue(assertThrows(PointsCsvException.class, () -> PointsCsv.write(List.of(new DataPoint(Double.NaN, 0, 1)), file))
                .getMessage().startsWith("cannot save points.csv: point 1 lies outside the range from −1000000 to 1000000"));
        assertEquals(List.of(file), listing());
    }

    @Test
    void aFailedSaveSaysWhy() {
        Path file = dir.resolve("no-such-folder").resolve("points.csv");

        PointsCsvException e = assertThrows(PointsCsvException.class, () -> PointsCsv.write(List.of(new DataPoint(0, 0, 1)), file));

        assertTrue(e.getMessage().startsWith("cannot save points.csv (no such file or folder: "), e.getMessage());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
