package dev.appointments.query.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Entity tags: the item version where the table keeps one, otherwise a digest of the
 * fields shown.
 */
public final class ETags {

    private ETags() {
    }

    /** A strong tag from an item's version, which every conditional write increments. */
    public static String ofVersion(long version) {
        return "\"" + version + "\"";
    }

    /** A strong tag from the fields a response shows, for items that carry no version. */
    public static String ofContent(Object... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object field : fields) {
                digest.update(Objects.toString(field, "").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

}
