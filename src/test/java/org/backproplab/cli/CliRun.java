package org.backproplab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one command printed and returned, run in-process as Main would run it. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The non-empty lines of standard output. */
    java.util.List<String> outLines() {
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
