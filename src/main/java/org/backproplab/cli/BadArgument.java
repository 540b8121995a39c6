package org.backproplab.cli;

/**
 * An argument a command cannot work with (a count out of range, a sample the lesson lacks, a folder
 * it cannot write to): told in one line, with the usage error's exit code, like a bad lesson. A
 * misspelt option is picocli's to report, with the usage.
 */
final class BadArgument extends RuntimeException {

    BadArgument(String message) {
        super(message);
    }
}
