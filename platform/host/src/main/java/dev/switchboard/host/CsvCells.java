package dev.switchboard.host;

import java.util.regex.Pattern;

/** How the platform writes a cell of the CSV it hands out (exports, rejected rows). */
public final class CsvCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9][0-9 .]*");

    private CsvCells() {
    }

    /**
     * A cell a spreadsheet shows as text: one starting with {@code = + - @} (or a tab or carriage
     * return) would be read as a formula, and these texts are anyone's input, so it gets a leading
     * {@code '}. A phone number or a number ({@code +14155550100}, {@code -12.5}) holds no formula and
     * stays as it is. Null is an empty cell.
     */
    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches();
        return formula ? "'" + text : text;
    }
}
