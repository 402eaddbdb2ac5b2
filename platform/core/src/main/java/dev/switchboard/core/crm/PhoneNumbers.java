package dev.switchboard.core.crm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;

/**
 * Phone numbers as the CRM stores them: E.164 ({@code +14155550123}), parsed with libphonenumber. A
 * number without a country prefix belongs to the location's country.
 */
public final class PhoneNumbers {

    /** Longest phone number input accepted (E.164 has at most 15 digits; formatting adds some). */
    public static final int MAX_INPUT = 40;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @return the number in E.164, or null (with a violation at {@code pointer}) when it is not a valid
     *     number; null without a violation when {@code raw} is null or blank
     */
    public static String normalize(String raw, String defaultCountry, String pointer, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_INPUT) {
            violations.at(pointer, "a phone number has at most " + MAX_INPUT + " characters");
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(raw, defaultCountry);
            if (UTIL.isValidNumber(number)) {
                return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below
        }
        violations.at(pointer, Texts.quote(raw) + " is not a valid phone number (numbers without +country code are read as "
                + defaultCountry + ")");
        return null;
    }

    /** The national number's digits of an E.164 number ({@code +14155550123} → {@code 4155550123}). */
    public static String nationalDigits(String e164) {
        try {
            return UTIL.getNationalSignificantNumber(UTIL.parse(e164, null));
        } catch (NumberParseException e) {
            return e164.replaceAll("\\D", "");
        }
    }

    /** Whether {@code country} is a region libphonenumber knows (ISO 3166 alpha-2). */
    public static boolean knownCountry(String country) {
        return country != null && UTIL.getSupportedRegions().contains(country);
    }
}
