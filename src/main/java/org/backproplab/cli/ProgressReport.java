package org.backproplab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.backproplab.engine.Metrics;

/** How {@code train} shows its progress: a table for people, or JSON lines for programs. */
sealed interface ProgressReport {

    /** Printed once, before the first row. */
    void header(PrintWriter out);

    /** One row after {@code epoch} epochs. NaN (no test set, or regression's accuracy) means "none". */
    void row(PrintWriter out, long epoch, Metrics train, Metrics test);

    /** Aligned columns; "-" where there is nothing to show. */
    record Table() implements ProgressReport {
        private static final String COLUMNS = "%8s  %12s  %12s  %9s  %9s%n";

        @Override
        public void header(PrintWriter out) {
            out.printf(Locale.ROOT, COLUMNS, "epoch", "train loss", "test loss", "train acc", "test acc");
        }

        @Override
        public void row(PrintWriter out, long epoch, Metrics train, Metrics test) {
            out.printf(Locale.ROOT, COLUMNS, epoch, loss(train.loss()), loss(test.loss()),
                    percent(train.accuracy()), percent(test.accuracy()));
        }

        private static String loss(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.6f", value);
        }

        private static String percent(double fraction) {
            return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
        }
    }

    /** One JSON object per line, exact doubles, null where there is nothing to show. */
    record JsonLines() implements ProgressReport {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public void header(PrintWriter out) {
            // Every line describes itself; a header would only break line-by-line parsing.
        }

        @Override
        public void row(PrintWriter out, long epoch, Metrics train, Metrics test) {
            ObjectNode line = MAPPER.createObjectNode();
            line.put("epoch", epoch);
            put(line, "trainLoss", train.loss());
            put(line, "testLoss", test.loss());
            put(line, "trainAccuracy", train.accuracy());
            put(line, "testAccuracy", test.accuracy());
            out.println(line);
        }

        private static void put(ObjectNode line, String field, double value) {
            if (Double.isNaN(value)) {
                line.putNull(field);
            } else {
                line.put(field, value);
            }
        }
    }
}
