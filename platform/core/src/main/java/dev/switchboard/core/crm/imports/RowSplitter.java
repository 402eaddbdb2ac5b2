package dev.switchboard.core.crm.imports;

/**
 * Finds where each row of an uploaded file ends, byte by byte, before any parser sees the bytes: so
 * that a file can be stored in chunks of whole rows (an import then reads, and resumes at, any chunk
 * without the ones before it), and so that what would make a parser hold too much in memory (a cell or
 * row of a gigabyte, an unclosed quote) or fail later (a NUL byte, bytes that are not UTF-8) is refused
 * at once, naming the row and column.
 *
 * <p>A CSV row ends at a line break (LF, CR LF or CR) outside quotes; a cell is quoted when it starts with
 * {@code "}, and a quote inside it is written twice ({@code ""}), as RFC 4180 and Apache Commons CSV have
 * it. The quote, the delimiters and line breaks are single bytes that never occur inside a UTF-8
 * sequence, so the split needs no decoding. A JSON lines file has a row per line.
 */
final class RowSplitter {

    /** What the splitter found wrong, with the row (1 = the first line of the file) and column (1 = first), or 0. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long row;
        private final int column;
        private final boolean tooLarge;

        Refused(long row, int column, String reason, boolean tooLarge) {
            super(reason);
            this.row = row;
            this.column = column;
            this.tooLarge = tooLarge;
        }

        long row() {
            return row;
        }

        int column() {
            return column;
        }

        /** Whether a size limit was passed (413) rather than the content malformed (400). */
        boolean tooLarge() {
            return tooLarge;
        }
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    private final boolean csv;
    private final byte delimiter;
    private final long maxCellBytes;
    private final long maxRowBytes;
    private final int maxColumns;

    private State state = State.FIELD_START;
    private boolean afterCarriageReturn;
    /** Rows ended so far. */
    private long rows;
    private int column;
    private long cellBytes;
    private long rowBytes;
    /** Bytes read so far, and the offset just past the last row's end. */
    private long offset;
    private long lastRowEnd;
    // UTF-8: continuation bytes still expected, and the range the next one must be in
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    /**
     * @param delimiter the CSV delimiter; ignored for JSON lines
     */
    RowSplitter(ImportFileFormat format, byte delimiter, long maxCellBytes, long maxRowBytes, int maxColumns) {
        this.csv = format == ImportFileFormat.CSV;
        this.delimiter = delimiter;
        this.maxCellBytes = maxCellBytes;
        this.maxRowBytes = maxRowBytes;
        this.maxColumns = maxColumns;
    }

    /** Rows ended so far. */
    long rows() {
        return rows;
    }

    /** Whether the last byte read was a CR ending a row, whose row end settles with the next byte. */
    boolean lineBreakPending() {
        return afterCarriageReturn;
    }

    /** Bytes seen so far. */
    long offset() {
        return offset;
    }

    /** The offset just past the last row's end (its line break). */
    long lastRowEnd() {
        return lastRowEnd;
    }

    /**
     * Reads {@code length} bytes; returns the index in {@code bytes} just past the last row that ended
     * among them (its line break whole: a CR counts once the byte after it is read), or -1 when none did.
     */
    int accept(byte[] bytes, int start, int length) {
        int lastEnd = -1;
        for (int i = start; i < start + length; i++) {
            int b = bytes[i] & 0xFF;
            offset++;
            utf8(b);
            if (afterCarriageReturn) {
                // a row ended with CR: it is settled once the next byte shows whether a LF belongs to it
                afterCarriageReturn = false;
                if (b == '\n') {
                    lastRowEnd = offset;
                    lastEnd = i + 1;
                    continue;
                }
                lastEnd = i;
            }
            if (b == 0) {
                throw refused("a NUL byte (a binary file, or text in UTF-16?); the file must be UTF-8 text", false);
            }
            rowBytes++;
            if (rowBytes > maxRowBytes) {
                throw refused("the row is longer than " + maxRowBytes + " bytes", true);
            }
            if (!csv) {
                if (b == '\n' || b == '\r') {
                    lastEnd = endRow(b, i, lastEnd);
                }
                continue;
            }
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (b == '"' && state == State.FIELD_START) {
                        state = State.QUOTED;
                        cell();
                    } else if (b == delimiter) {
                        nextColumn();
                    } else if (b == '\n' || b == '\r') {
                        lastEnd = endRow(b, i, lastEnd);
                    } else {
                        state = State.UNQUOTED;
                        cell();
                    }
                }
                case QUOTED -> {
                    if (b == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    }
                    cell();
                }
                case QUOTE_IN_QUOTED, AFTER_QUOTED -> {
                    if (b == '"' && state == State.QUOTE_IN_QUOTED) {
                        state = State.QUOTED;
                        cell();
                    } else if (b == delimiter) {
                        nextColumn();
                    } else if (b == '\n' || b == '\r') {
                        lastEnd = endRow(b, i, lastEnd);
                    } else if (b == ' ' || b == '\t') {
                        // spaces after a closing quote are dropped, as Commons CSV does
                        state = State.AFTER_QUOTED;
                    } else {
                        throw refused("a character follows the closing quote of a quoted cell (a quote inside a quoted "
                                + "cell is written twice: \"\")", false);
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return lastEnd;
    }

    /** The end of the file: the last row may end without a line break; a quoted cell may not stay open. */
    void finish() {
        if (pending > 0) {
            throw refused("the file ends inside a UTF-8 character", false);
        }
        if (state == State.QUOTED) {
            throw refused("a quoted cell is not closed before the end of the file", false);
        }
        afterCarriageReturn = false;
        if (offset > lastRowEnd) {
            rows++;
            lastRowEnd = offset;
        }
    }

    private void cell() {
        cellBytes++;
        if (cellBytes > maxCellBytes) {
            throw refused("the cell is longer than " + maxCellBytes + " bytes", true);
        }
    }

    private void nextColumn() {
        column++;
        if (column >= maxColumns) {
            throw refused("the row has more than " + maxColumns + " columns", true);
        }
        cellBytes = 0;
        state = State.FIELD_START;
    }

    /** A row ends at the line break at index {@code i}; returns where the last settled row ends in the buffer. */
    private int endRow(int lineBreak, int i, int lastEnd) {
        rows++;
        column = 0;
        cellBytes = 0;
        rowBytes = 0;
        state = State.FIELD_START;
        lastRowEnd = offset;
        afterCarriageReturn = lineBreak == '\r';
        return afterCarriageReturn ? lastEnd : i + 1;
    }

    /** Checks that the bytes are UTF-8: no stray continuation byte, no overlong form, no surrogate, nothing past U+10FFFF. */
    private void utf8(int b) {
        if (pending > 0) {
            if (b < low || b > high) {
                throw refused("bytes that are not UTF-8 (at byte " + (offset - 1) + "); the file must be UTF-8 text", false);
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b == 0xE0) {
            pending = 2;
            low = 0xA0;
        } else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) {
            pending = 2;
        } else if (b == 0xED) {
            pending = 2;
            high = 0x9F;
        } else if (b == 0xF0) {
            pending = 3;
            low = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            pending = 3;
        } else if (b == 0xF4) {
            pending = 3;
            high = 0x8F;
        } else {
            throw refused("bytes that are not UTF-8 (at byte " + (offset - 1) + "); the file must be UTF-8 text", false);
        }
    }

    private Refused refused(String reason, boolean tooLarge) {
        return new Refused(rows + 1, csv ? column + 1 : 0, reason, tooLarge);
    }
}
