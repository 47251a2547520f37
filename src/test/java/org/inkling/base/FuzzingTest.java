package org.inkling.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The fuzz targets' judges: what counts as a stack trace, and how bytes become choices. */
class FuzzingTest {
    private static String traceOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static void fail(int depth) {
        if (depth == 0) throw new IllegalStateException("deep", new java.io.UncheckedIOException(new java.io.IOException("cause")));
        fail(depth - 1);
    }

    @Test
    void aRealStackTraceIsFoundWithItsClassFramesAndCause() {
        String trace;
        try {
            fail(3);
            throw new AssertionError("fail(3) returned");
        } catch (IllegalStateException e) {
            trace = "inkling train: something\n" + traceOf(e);
        }
        assertThat(Fuzzing.stackTraceLines(trace))
                .contains("java.lang.IllegalStateException", "java.io.UncheckedIOException", "java.io.IOException")
                .anyMatch(l -> l.startsWith("at org.inkling.base.FuzzingTest.fail(FuzzingTest.java:"))
                .anyMatch(l -> l.matches("\\.\\.\\. \\d+ more"));
        assertThat(Fuzzing.stackTraceLines(traceOf(new OutOfMemoryError("Java heap space")).replace("\n", "\r\n")))
                .contains("java.lang.OutOfMemoryError");
    }

    @Test
    void wordsOfATraceInsideALineAreNoTrace() {
        // what the old check took for a crash: an error message that echoes such words
        assertThat(Fuzzing.stackTraceLines("""
                Unknown option: 'java.lang.IllegalStateException: boom'
                Invalid value for option '--augment': Exception at x.y(Z.java:1)
                inkling predict: the file is not an image (javax.imageio.IIOException)
                Usage: inkling predict [-hV] [--json] --model=FILE
                """)).isEmpty();
    }

    @Test
    void bytesBecomeTheSameChoicesEveryTimeAndRunOutAsTheFirst() {
        byte[] bytes = {2, 7, 1, 3, 'a', (byte) 0x80, 0x1b, 'b'};
        for (int run = 0; run < 2; run++) {
            FuzzBytes d = new FuzzBytes(bytes);
            assertThat(d.pick(new String[] {"x", "y", "z"})).isEqualTo("z");
            assertThat(d.upTo(4)).isEqualTo(2);
            assertThat(d.bool()).isTrue();
            assertThat(d.string(20)).isEqualTo("a\u001bb");
            assertThat(d.upTo(9)).isZero();
            assertThat(d.bool()).isFalse();
            assertThat(d.string(5)).isEmpty();
        }
    }
}
