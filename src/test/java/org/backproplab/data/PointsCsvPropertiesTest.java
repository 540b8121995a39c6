package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text at all, and text that looks almost like a points file, given to the CSV import: it
 * gives points a lesson can hold, or one PointsCsvException whose message is a single line naming
 * the file. Nothing else comes out.
 */
class PointsCsvPropertiesTest {

    @Property(tries = 1500)
    void anyTextGivesValidPointsOrOneClearProblem(@ForAll("text") String text, @ForAll("classes") int classes) {
        List<DataPoint> points;
        try {
            points = PointsCsv.read(new StringReader(text), "points.csv", classes);
        } catch (PointsCsvException refused) {
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("points.csv: "), refused.getMessage());
            assertTrue(refused.problems().size() <= PointsCsv.MAX_LISTED_PROBLEMS);
            return;
        }
        assertTrue(points.size() <= Dataset.MAX_POINTS);
        for (DataPoint point : points) {
            assertTrue(Math.abs(point.x1()) <= DataPoint.MAX_COORDINATE && Math.abs(point.x2()) <= DataPoint.MAX_COORDINATE, point.toString());
            assertTrue(Double.isFinite(point.label()), point.toString());
            if (classes > 0) {
                assertTrue(point.label() == Math.rint(point.label()) && point.label() >= 0 && point.label() < classes, point.toString());
            }
        }
    }

    @Property(tries = 500)
    void pointsThatImportSaveAndReadBackUnchanged(@ForAll("rows") String text) throws PointsCsvException {
        List<DataPoint> points;
        try {
            points = PointsCsv.read(new StringReader(text), "points.csv", 0);
        } catch (PointsCsvException refused) {
            return;
        }
        assertEquals(points, PointsCsv.read(new StringReader(PointsCsv.toCsv(points)), "again.csv", 0));
    }

    @Provide
    Arbitrary<Integer> classes() {
        return Arbitraries.of(0, 2, 3, 5);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("0123456789,.-+eE;\t\n\r\" xlabNaIfinity\uFEFF").ofMaxLength(300),
                rows(),
                Arbitraries.integers().between(1, 3000).map(n -> "x" + "9".repeat(n) + ",1,0\n"));
    }

    /** Rows of three fields, each a number, almost a number, or something else entirely. */
    @Provide
    Arbitrary<String> rows() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.integers().between(-2, 4).map(String::valueOf),
                Arbitraries.of("", " ", "NaN", "Infinity", "-Infinity", "1e400", "1e6", "1000001", "-0", "\"1\"", "1,5", "x1",
                        "label", "+1", "0x10", "1e-400", "١", "１"));
        Arbitrary<String> row = field.list().ofMinSize(0).ofMaxSize(5).map(fields -> String.join(",", fields));
        Arbitrary<String> header = Arbitraries.of("", "x1,x2,label\n", "label,x2,x1\n", "\uFEFFx1,x2,label\r\n", "a,b,c\n");
        return net.jqwik.api.Combinators.combine(header, row.list().ofMaxSize(30), Arbitraries.of("\n", "\r\n", "\r"))
                .as((h, rows, end) -> h + String.join(end, rows));
    }
}
